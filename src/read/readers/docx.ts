import type { SourceBlock } from '../reader.js';
import { FormatError, startsWith, type Reader, type ReaderResult } from '../reader.js';
import type { WordPart } from '../wordml.js';

// Word files (.docx): the body, then its footnotes after the paragraphs
// that cite them, then the headers and footers (a placeholder in a footer
// is still a placeholder). Every line records the paragraph or table cell
// it came from, so a finding can be shown, and commented on, where it is.

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PARTS = /^(\[Content_Types\]\.xml|word\/(document|numbering|styles|footnotes|endnotes)\.xml|word\/(header|footer)\d*\.xml)$/;

function xmlText(bytes: Buffer | undefined): string | undefined {
  if (!bytes) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/** Lines of parts to one text, with each line's blocks at their offsets. */
function assemble(parts: WordPart[]): ReaderResult {
  let text = '';
  const blocks: SourceBlock[] = [];
  for (const part of parts) {
    for (const line of part.lines) {
      const start = text.length;
      for (const b of line.blocks) if (b.to > b.from) blocks.push({ start: start + b.from, end: start + b.to, ...b.block });
      text += line.text + '\n';
    }
  }
  return { text, blocks };
}

export const docx: Reader = {
  format: 'docx',
  extensions: ['.docx', '.docm', '.dotx', '.dotm'],
  sniff: (head) => startsWith(head, ZIP) && Buffer.from(head.buffer, head.byteOffset, head.byteLength).includes('word/'),
  read: async (bytes) => {
    // The zip and XML readers load with the first Word file, not with every run.
    const [{ readZipParts }, { parseNotes, parseWordPart }, { readNumbering }] = await Promise.all([import('../zip.js'), import('../wordml.js'), import('../word-numbering.js')]);
    const files = await readZipParts(bytes, (name) => PARTS.test(name), 'Word (.docx) file');
    const document = xmlText(files.get('word/document.xml'));
    if (document === undefined) throw new FormatError('is not a Word (.docx) file: it has no word/document.xml');
    const numbering = readNumbering(xmlText(files.get('word/numbering.xml')), xmlText(files.get('word/styles.xml')));
    const footnotes = xmlText(files.get('word/footnotes.xml'));
    const endnotes = xmlText(files.get('word/endnotes.xml'));
    const notes = new Map([...(footnotes ? parseNotes(footnotes, 'f') : []), ...(endnotes ? parseNotes(endnotes, 'e') : [])]);
    const tables = { count: 0 };
    const parts: WordPart[] = [parseWordPart(document, { numbering, notes, tables })];
    // Headers and footers repeat on every page and often match one another: each distinct line once.
    const seen = new Set<string>();
    for (const [name, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      const kind = /^word\/(header|footer)/.exec(name)?.[1] as 'header' | 'footer' | undefined;
      if (!kind) continue;
      const part = parseWordPart(xmlText(content)!, { part: kind, tables });
      part.lines = part.lines.filter((l) => l.text.trim() !== '' && !seen.has(l.text) && seen.add(l.text));
      if (part.lines.length > 0) parts.push({ lines: [{ text: '', blocks: [] }, ...part.lines] });
    }
    return assemble(parts);
  },
};
