import { Readable, Transform } from 'node:stream';
import { FormatError, startsWith, type Reader } from '../reader.js';

// Rich Text Format (.rtf), as Word, WPS and WordPad save it: the text of
// the document (rtf-stream-parser resolves code pages, \uN escapes and
// fonts, and leaves out the font and style tables, pictures and other
// destinations), with table cells separated by tabs and each row a line,
// as from a Word file. Read as plain text, its markup became records.

const SIGNATURE = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf

/** Code pages RTF names (\ansicpg936) as TextDecoder labels. */
function decoderLabel(encoding: string): string {
  const cp = /^cp(\d+)$/i.exec(encoding)?.[1];
  if (cp === '936') return 'gbk';
  if (cp === '950') return 'big5';
  if (cp === '54936') return 'gb18030';
  if (cp === '65001') return 'utf-8';
  if (cp) return `windows-${cp}`;
  return encoding;
}

function decode(bytes: Buffer, encoding: string): string {
  try {
    return new TextDecoder(decoderLabel(encoding)).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

interface Token {
  type: number;
  word?: string;
}

const CONTROL = 2;
/** Controls that end a cell or a row: the plain-text converter knows only paragraphs and tabs. */
const AS_TAB = new Set(['cell', 'nestcell']);
const AS_PAR = new Set(['row', 'nestrow', 'page', 'sect']);

const GROUP_START = 0;
const GROUP_END = 1;
/** Destinations the converter would print although they are no part of the text: the document's properties. */
const SKIPPED = new Set(['info']);

function tableBreaks(): Transform {
  let skipDepth = 0;
  let depth = 0;
  let groupOpened = false;
  return new Transform({
    objectMode: true,
    transform(token: Token, _enc, done) {
      if (token.type === GROUP_START) depth++;
      if (token.type === GROUP_END) depth--;
      const opens = groupOpened;
      groupOpened = token.type === GROUP_START;
      if (skipDepth > 0) {
        if (token.type === GROUP_END && depth < skipDepth) {
          skipDepth = 0;
          done(null, token);
        } else done();
        return;
      }
      if (opens && token.type === CONTROL && token.word && SKIPPED.has(token.word)) {
        skipDepth = depth;
        done();
        return;
      }
      if (token.type === CONTROL && token.word && AS_TAB.has(token.word)) done(null, { ...token, word: 'tab' });
      else if (token.type === CONTROL && token.word && AS_PAR.has(token.word)) done(null, { ...token, word: 'par' });
      else done(null, token);
    },
  });
}

export const rtf: Reader = {
  format: 'rtf',
  extensions: ['.rtf'],
  sniff: (head) => startsWith(head, SIGNATURE),
  read: async (bytes) => {
    if (!startsWith(bytes, SIGNATURE)) throw new FormatError('is not an RTF document (it does not begin with {\\rtf)');
    const [{ Tokenize }, { ToPlainText }] = await Promise.all([import('rtf-stream-parser'), import('rtf-stream-parser/dist/src/ToPlainText.js')]);
    const chunks: string[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        Readable.from([bytes])
          .pipe(new Tokenize())
          .on('error', reject)
          .pipe(tableBreaks())
          .pipe(new ToPlainText({ decode }))
          .on('error', reject)
          .on('data', (c: string | Buffer) => chunks.push(String(c)))
          .on('end', resolve);
      });
    } catch (err) {
      throw new FormatError(`is not a readable RTF document: ${(err as Error).message}`);
    }
    const text = chunks.join('').replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[\t ]+$/, '')).join('\n');
    return { text: text.endsWith('\n') ? text : text + '\n' };
  },
};
