import { byteSink } from './bytes.js';

/** One JSON object a line, in UTF-8: the dataset's stable form. */
export const jsonl = byteSink('jsonl', ['.jsonl', '.ndjson']);
