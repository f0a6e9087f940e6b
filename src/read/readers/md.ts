import { decodedText } from '../decode.js';
import type { Reader } from '../reader.js';

/** Markdown: decoded like plain text; remark-parse gives its structure. */
export const md: Reader = {
  format: 'md',
  text: true,
  extensions: ['.md', '.markdown'],
  read: async (bytes, options) => decodedText(bytes, options.encoding),
};
