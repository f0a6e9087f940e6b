import type { SourceBlock } from '../reader.js';
import { FormatError, startsWith, type Reader } from '../reader.js';

// Word 97–2003 documents (.doc, .dot) and WPS Office documents (.wps), which
// WPS Office has written in the same compound-file format since WPS 2005:
// the body, then the footnotes, endnotes and text boxes, then each distinct
// header and footer line (word-extractor reads the streams). Table cells
// come out separated by tabs, as from a .docx. An older WPS file (WPS 97 or
// 2000, before WPS used this format) or an Excel or PowerPoint file under
// one of these names is refused with the reason.

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');

type Part = { text: string; part?: SourceBlock['part'] };

interface WordDocument {
  getBody(): string;
  getFootnotes(): string;
  getEndnotes(): string;
  getTextboxes(options?: { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  getHeaders(options?: { includeFooters?: boolean }): string;
  getFooters(): string;
}

function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+$/, ''));
}

function assemble(parts: Part[]): { text: string; blocks: SourceBlock[] } {
  let text = '';
  const blocks: SourceBlock[] = [];
  const seen = new Set<string>();
  for (const p of parts) {
    let body = lines(p.text);
    // Headers and footers repeat on every section's pages: each distinct line once.
    if (p.part === 'header' || p.part === 'footer') body = body.filter((l) => l.trim() !== '' && !seen.has(l) && seen.add(l));
    if (body.every((l) => l.trim() === '')) continue;
    if (text !== '' && !text.endsWith('\n\n')) text += '\n';
    const start = text.length;
    text += body.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
    if (p.part) blocks.push({ start, end: text.length - 1, part: p.part });
  }
  return { text, blocks };
}

export const doc: Reader = {
  format: 'doc',
  extensions: ['.doc', '.dot', '.wps', '.wpt'],
  sniff: (head) => startsWith(head, OLE) && Buffer.from(head.buffer, head.byteOffset, head.byteLength).includes(WORD_STREAM),
  read: async (bytes) => {
    if (!startsWith(bytes, OLE)) {
      throw new FormatError('is not a Word 97–2003 or WPS document (it is not a compound file): an older WPS file (WPS 97, WPS 2000) is not read; save it as .docx in WPS Office');
    }
    const { default: WordExtractor } = await import('word-extractor');
    let document: WordDocument;
    try {
      document = (await new WordExtractor().extract(bytes)) as WordDocument;
    } catch (err) {
      const why = (err as Error).message ?? String(err);
      if (/WordDocument|magic number|not find|stream/i.test(why)) {
        throw new FormatError('is a compound file without a Word document in it (an Excel or PowerPoint file, or a WPS file older than WPS 2005): not read');
      }
      throw new FormatError(`is not a readable Word 97–2003 document: ${why}`);
    }
    const parts: Part[] = [
      { text: document.getBody() },
      { text: document.getFootnotes(), part: 'footnote' },
      { text: document.getEndnotes(), part: 'endnote' },
      { text: document.getTextboxes({ includeHeadersAndFooters: false, includeBody: true }) },
      { text: document.getHeaders({ includeFooters: false }), part: 'header' },
      { text: document.getFooters(), part: 'footer' },
    ];
    return assemble(parts);
  },
};
