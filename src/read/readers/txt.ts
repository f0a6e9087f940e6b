import { decodeText } from '../decode.js';
import type { Reader } from '../reader.js';

/** Plain text in any of the encodings decode() recognises. */
export const txt: Reader = {
  format: 'txt',
  extensions: ['.txt', '.text'],
  read: async (bytes, options) => decodeText(bytes, options.encoding),
};
