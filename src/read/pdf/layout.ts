import type { SourceBlock } from '../reader.js';
import type { PdfLine } from './lines.js';

// A typeset page back into report text: page numbers (— 3 —, 第3页 共10页,
// - 3 -) and the running header and footer every page repeats are left out;
// lines the page width broke are joined back into their paragraph, across
// pages too; a line that is indented, short, set apart, or a table row
// starts a new one. Each output line remembers the page it came from.

const PAGE_NUMBER = [
  /^[\s\-—–－_·•]*\d{1,4}[\s\-—–－_·•]*$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^(page|Page|PAGE)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/,
];

/** How many lines at the top and bottom of a page can be running furniture. */
const EDGE_LINES = 2;

export function isPageNumber(text: string): boolean {
  const t = text.replace(/\t/g, ' ').trim();
  return PAGE_NUMBER.some((p) => p.test(t));
}

function shape(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#');
}

/** Lines to leave out: page numbers at a page's edge, and the header and footer lines most pages repeat. */
export function furnitureLines(pages: PdfLine[][]): Set<PdfLine> {
  const out = new Set<PdfLine>();
  const edges = pages.map((lines) => [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)]);
  for (const edge of edges) for (const line of edge) if (isPageNumber(line.text)) out.add(line);
  if (pages.length >= 2) {
    const count = new Map<string, number>();
    for (const edge of edges) for (const s of new Set(edge.filter((l) => !out.has(l)).map((l) => shape(l.text)))) count.set(s, (count.get(s) ?? 0) + 1);
    // Repeated on most pages (the first page often has a head of its own instead).
    const needed = Math.max(2, Math.ceil((pages.length - 1) * 0.6));
    for (const edge of edges) for (const line of edge) if ((count.get(shape(line.text)) ?? 0) >= needed) out.add(line);
  }
  return out;
}

function mode(values: number[]): number {
  const count = new Map<number, number>();
  for (const v of values) count.set(Math.round(v), (count.get(Math.round(v)) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [v, c] of count) if (c > bestCount || (c === bestCount && v < best)) [best, bestCount] = [v, c];
  return best;
}

interface Margins {
  left: number;
  right: number;
  /** The usual distance between the baselines of a paragraph's lines. */
  leading: number;
}

function margins(lines: PdfLine[]): Margins {
  const body = lines.filter((l) => l.cells === 1);
  if (body.length === 0) return { left: 0, right: Infinity, leading: Infinity };
  const left = mode(body.map((l) => l.x0));
  // The right edge full lines reach: the highest of the common line ends.
  const ends = body.map((l) => l.x1).sort((a, b) => a - b);
  // With few lines to go by (a page of headings and a table), the widest line marks the edge.
  const right = body.length >= 8 ? ends[Math.floor(ends.length * 0.8)]! : Math.max(...lines.map((l) => l.x1));
  const gaps: number[] = [];
  for (let i = 1; i < body.length; i++) if (body[i]!.page === body[i - 1]!.page) gaps.push(body[i - 1]!.y - body[i]!.y);
  const leading = gaps.length > 0 ? mode(gaps.filter((g) => g > 0)) : Infinity;
  return { left, right, leading };
}

const CJK_OR_PUNCT = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

/** Whether `line` carries on the paragraph `prev` ends: prev reached the right margin, line is not indented, nothing set them apart. */
function continues(prev: PdfLine, line: PdfLine, m: Margins): boolean {
  if (prev.cells > 1 || line.cells > 1) return false;
  const size = Math.max(prev.size, line.size, 1);
  if (Math.abs(prev.size - line.size) > 1.5) return false;
  if (prev.x1 < m.right - 1.5 * size) return false;
  if (line.x0 > m.left + 0.8 * size) return false;
  return !(prev.page === line.page && prev.y - line.y > m.leading * 1.6 + 1);
}

function joiner(a: string, b: string): string {
  const last = a[a.length - 1] ?? '';
  const first = b[0] ?? '';
  return CJK_OR_PUNCT.test(last) || CJK_OR_PUNCT.test(first) ? '' : /[-‐]$/.test(a) ? '' : ' ';
}

/** A wide gap in one line among prose (a justified line's stretched space) is no table: a table has rows. */
function loneRowsAsProse(lines: PdfLine[]): PdfLine[] {
  return lines.map((line, i) => {
    if (line.cells < 2) return line;
    const near = [lines[i - 1], lines[i + 1]].some((l) => l !== undefined && l.page === line.page && l.cells >= 2);
    return near ? line : { ...line, text: line.text.replace(/\t/g, ' '), cells: 1 };
  });
}

export interface PdfText {
  text: string;
  blocks: SourceBlock[];
}

export function layoutText(pages: PdfLine[][]): PdfText {
  const skip = furnitureLines(pages);
  const lines = loneRowsAsProse(pages.flat().filter((l) => !skip.has(l)));
  const m = margins(lines);
  let text = '';
  const blocks: SourceBlock[] = [];
  let prev: PdfLine | null = null;
  for (const line of lines) {
    const content = line.text.trim();
    if (prev && continues(prev, line, m)) text += joiner(text, content);
    else if (prev) text += '\n';
    const start = text.length;
    text += content;
    blocks.push({ start, end: text.length, page: line.page });
    prev = line;
  }
  if (text !== '') text += '\n';
  return { text, blocks: mergeBlocks(blocks) };
}

/** Neighbouring stretches of one page become one block. */
function mergeBlocks(blocks: SourceBlock[]): SourceBlock[] {
  const out: SourceBlock[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (last && last.page === b.page && b.start - last.end <= 1) last.end = b.end;
    else out.push({ ...b });
  }
  return out;
}
