import { decodedText } from '../decode.js';
import type { Reader } from '../reader.js';

/** Plain text in any of the encodings decode() recognises. */
export const txt: Reader = {
  format: 'txt',
  text: true,
  extensions: ['.txt', '.text'],
  read: async (bytes, options) => decodedText(bytes, options.encoding),
};
