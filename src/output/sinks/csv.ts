import { byteSink } from './bytes.js';

/** UTF-8 with a byte order mark and a header row, for Excel and every CSV reader. */
export const csv = byteSink('csv', ['.csv']);
