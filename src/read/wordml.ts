import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { FormatError, type SourceBlock } from './reader.js';
import { numberingLabel, type Numbering } from './word-numbering.js';

// WordprocessingML (the XML inside a .docx) to report text: one line per
// paragraph; one line per table row, its cells separated by tabs (an empty
// cell keeps its tab, so columns stay in place); the automatic numbering
// Word draws (一、 (一) 1.) written out, since it carries the report's
// structure; footnotes after the paragraph that refers to them. Deleted
// text of tracked changes, field codes and the fallback copies of drawings
// are left out. The parse is a single pass over events (saxes), so its time
// is linear in the XML and its depth costs no stack.

export interface WordLimits {
  /** Characters of text a document may give. */
  chars: number;
  /** Elements open at once. */
  depth: number;
}

export const WORD_LIMITS: WordLimits = { chars: 64 * 1024 * 1024, depth: 2000 };

export interface WordPart {
  /** Lines of text, each with where it came from. */
  lines: Array<{ text: string; blocks: Array<{ from: number; to: number; block: Omit<SourceBlock, 'start' | 'end'> }> }>;
}

interface ParseOptions {
  part?: SourceBlock['part'];
  numbering?: Numbering;
  /** Footnote and endnote texts by id, emitted after the paragraph that refers to them. */
  notes?: Map<string, string[]>;
  limits?: WordLimits;
  /** Counts tables across parts. */
  tables?: { count: number };
}

interface Cell {
  texts: string[];
  paragraph: number;
}

interface Para {
  text: string;
  index: number;
  notes: string[];
  numId?: string;
  ilvl?: string;
  style?: string;
}

/** Parses one part (document, header, footer, footnotes) into lines. */
export function parseWordPart(xml: string, options: ParseOptions = {}): WordPart {
  const limits = options.limits ?? WORD_LIMITS;
  const tables = options.tables ?? { count: 0 };
  const partBlock = options.part ? { part: options.part } : {};
  const lines: WordPart['lines'] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let chars = 0;
  /** Depth of an element whose content is skipped (deleted text, field codes, drawing fallbacks), or -1. */
  let skipUntil = -1;
  let paragraphs = 0;
  /** Open paragraphs: more than one when a text box sits inside a paragraph. */
  const paras: Para[] = [];
  let inText = false;
  let inPPr = false;
  /** Text-box paragraphs met inside a paragraph, emitted after it. */
  let pending: string[] = [];
  const tableStack: Array<{ index: number; row: number; cells: Cell[]; cell: Cell | null }> = [];
  const top = () => paras[paras.length - 1];
  const cellOf = () => tableStack[tableStack.length - 1]?.cell ?? null;

  const add = (s: string) => {
    const para = top();
    if (!para) return;
    chars += s.length;
    if (chars > limits.chars) throw new FormatError(`gives more than ${limits.chars / (1024 * 1024)} M characters of text: not read`);
    para.text += s;
  };

  const line = (text: string, block: Omit<SourceBlock, 'start' | 'end'>) => lines.push({ text, blocks: [{ from: 0, to: text.length, block }] });

  const endParagraph = (p: Para) => {
    const numbering = options.numbering;
    const label = numbering ? numberingLabel(numbering, p.numId, p.ilvl, p.style) : '';
    const text = (label + p.text).replace(/\u00a0/g, ' ');
    const cell = cellOf();
    if (paras.length > 0) {
      // A text box inside a paragraph: after the paragraph around it.
      if (cell) cell.texts.push(text.replace(/[\n\t]/g, ' '));
      else pending.push(text);
      return;
    }
    if (cell) {
      cell.texts.push(text.replace(/[\n\t]/g, ' '));
      if (cell.paragraph < 0) cell.paragraph = p.index;
    } else {
      for (const piece of text.split('\n')) line(piece, { paragraph: p.index, ...partBlock });
      for (const box of pending) line(box, { paragraph: p.index, ...partBlock });
      pending = [];
    }
    for (const id of p.notes) for (const note of options.notes?.get(id) ?? []) line(note, { part: id.startsWith('f') ? 'footnote' : 'endnote' });
  };

  const endRow = () => {
    const table = tableStack[tableStack.length - 1]!;
    const cells = table.cells;
    table.cells = [];
    const texts = cells.map((c) => c.texts.join(' ').replace(/\s+/g, ' ').trim());
    // A table inside a cell gives its rows to that cell.
    const outer = tableStack[tableStack.length - 2];
    if (outer?.cell) {
      outer.cell.texts.push(texts.join(' '));
      return;
    }
    if (texts.every((t) => t === '')) return;
    let at = 0;
    const blocks: WordPart['lines'][number]['blocks'] = [];
    cells.forEach((c, k) => {
      const t = texts[k]!;
      const block = { ...(c.paragraph >= 0 ? { paragraph: c.paragraph } : {}), table: { index: table.index, row: table.row, column: k + 1 }, ...partBlock };
      blocks.push({ from: at, to: at + t.length, block });
      at += t.length + 1;
    });
    lines.push({ text: texts.join('\t'), blocks });
  };

  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth++;
    if (depth > limits.depth) throw new FormatError(`nests its XML more than ${limits.depth} levels deep: not read`);
    if (skipUntil >= 0) return;
    const para = top();
    switch (tag.name) {
      case 'w:delText':
      case 'w:instrText':
      case 'mc:Fallback':
      case 'w:del':
        if (!tag.isSelfClosing) skipUntil = depth;
        return;
      case 'w:p':
        paras.push({ text: '', index: ++paragraphs, notes: [] });
        return;
      case 'w:pPr':
        inPPr = true;
        return;
      case 'w:t':
        inText = true;
        return;
      case 'w:tab':
        if (!inPPr) add('\t');
        return;
      case 'w:br':
      case 'w:cr':
        add('\n');
        return;
      case 'w:noBreakHyphen':
        add('-');
        return;
      case 'w:numId':
        if (para && inPPr) para.numId = tag.attributes['w:val'] as string;
        return;
      case 'w:ilvl':
        if (para && inPPr) para.ilvl = tag.attributes['w:val'] as string;
        return;
      case 'w:pStyle':
        if (para && inPPr) para.style = tag.attributes['w:val'] as string;
        return;
      case 'w:footnoteReference':
      case 'w:endnoteReference':
        para?.notes.push(`${tag.name === 'w:footnoteReference' ? 'f' : 'e'}${tag.attributes['w:id'] as string}`);
        return;
      case 'w:tbl':
        tableStack.push({ index: tableStack.length === 0 ? tables.count++ : -1, row: 0, cells: [], cell: null });
        return;
      case 'w:tr':
        if (tableStack.length > 0) tableStack[tableStack.length - 1]!.row++;
        return;
      case 'w:tc': {
        const table = tableStack[tableStack.length - 1];
        if (!table) return;
        table.cell = { texts: [], paragraph: -1 };
        table.cells.push(table.cell);
        return;
      }
    }
  });

  parser.on('text', (text: string) => {
    if (skipUntil < 0 && inText) add(text);
  });

  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (skipUntil >= 0) {
      if (depth === skipUntil) skipUntil = -1;
      depth--;
      return;
    }
    depth--;
    switch (tag.name) {
      case 'w:t':
        inText = false;
        return;
      case 'w:pPr':
        inPPr = false;
        return;
      case 'w:p': {
        const p = paras.pop();
        if (p) endParagraph(p);
        return;
      }
      case 'w:tc':
        if (tableStack.length > 0) tableStack[tableStack.length - 1]!.cell = null;
        return;
      case 'w:tr':
        if (tableStack.length > 0) endRow();
        return;
      case 'w:tbl':
        tableStack.pop();
        return;
    }
  });

  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof FormatError) throw err;
    throw new FormatError(`has broken XML: ${(err as Error).message.split('\n')[0]}`);
  }
  return { lines };
}

/** Footnotes or endnotes by id (`f2`, `e1`), each as its lines; separators left out. */
export function parseNotes(xml: string, kind: 'f' | 'e', options: ParseOptions = {}): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const tag = kind === 'f' ? 'w:footnote' : 'w:endnote';
  // Each note is parsed on its own, so its lines are known by its id.
  const pattern = new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'g');
  for (const m of xml.matchAll(pattern)) {
    const attrs = m[1]!;
    if (/w:type="(separator|continuationSeparator|continuationNotice)"/.test(attrs)) continue;
    const id = /w:id="(-?\d+)"/.exec(attrs)?.[1];
    if (id === undefined) continue;
    const part = parseWordPart(`<r xmlns:w="w">${m[2]}</r>`, { ...options, part: kind === 'f' ? 'footnote' : 'endnote' });
    out.set(`${kind}${id}`, part.lines.map((l) => l.text.trim()).filter((l) => l !== ''));
  }
  return out;
}
