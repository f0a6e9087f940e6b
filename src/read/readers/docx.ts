import { FormatError, startsWith, type Reader } from '../reader.js';

// Word files through mammoth's HTML (table rows become lines with their
// cells separated by tabs). mammoth loads on the first Word file.

const importWordReader = () => Promise.all([import('mammoth'), import('../markup.js')]);
let wordReader: ReturnType<typeof importWordReader> | undefined;

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export const docx: Reader = {
  format: 'docx',
  extensions: ['.docx', '.docm', '.dotx'],
  sniff: (head) => startsWith(head, ZIP) && Buffer.from(head).includes('word/'),
  read: async (bytes) => {
    wordReader ??= importWordReader();
    const [{ default: mammoth }, { htmlToText }] = await wordReader;
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    } catch (err) {
      throw new FormatError(`is not a readable Word (.docx) file: ${(err as Error).message.split('\n')[0]}`);
    }
    return { text: htmlToText(html) };
  },
};
