import type { PageText, TextRun } from './pages.js';

// Runs of a page into its lines, top to bottom, each line's runs left to
// right. Runs far apart on one line are cells of a table (or columns set
// apart by the layout): they are kept apart by a tab, as a Word table's row
// is.

export interface PdfLine {
  page: number;
  text: string;
  /** Left and right edge, baseline, font size. */
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Cells set apart by wide gaps: two or more make the line a table row. */
  cells: number;
}

/** A gap wider than this many font sizes between runs of one line parts two cells. */
const CELL_GAP = 1.8;
const LATIN = /[A-Za-z0-9%.,)\]]$/;
const LATIN_START = /^[A-Za-z0-9(\[]/;

function sameLine(run: TextRun, y: number, size: number): boolean {
  return Math.abs(run.y - y) <= Math.max(size, run.size) * 0.45;
}

function joinRuns(runs: TextRun[]): { text: string; cells: number } {
  let text = '';
  let cells = 1;
  let end = -Infinity;
  for (const r of runs) {
    // A space the typesetter drew between a number and a character (860 号) is not the text's: Latin words get theirs back from the gap.
    if (r.text.trim() === '') continue;
    const gap = r.x - end;
    if (text !== '' && gap > CELL_GAP * Math.max(r.size, 1) && r.text.trim() !== '') {
      text = text.trimEnd() + '\t';
      cells++;
    } else if (text !== '' && gap > 0.2 * r.size && LATIN.test(text) && LATIN_START.test(r.text)) text += ' ';
    text += r.text;
    end = Math.max(end, r.x + r.width);
  }
  return { text: text.replace(/[ \u00a0]+$/, '').replace(/^[ \u00a0]+/, ''), cells };
}

export function pageLines(page: PageText): PdfLine[] {
  const runs = page.runs.filter((r) => r.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of runs) {
    const last = groups[groups.length - 1];
    // Empty runs (pdfjs's line ends) and spaces carry no height: they join the line they stand on.
    if (last && (sameLine(run, last[0]!.y, last[0]!.size) || run.size === 0)) last.push(run);
    else if (run.text.trim() !== '' || run.size > 0) groups.push([run]);
  }
  const lines: PdfLine[] = [];
  for (const group of groups) {
    const ordered = group.filter((r) => r.size > 0 || r.text.trim() !== '').sort((a, b) => a.x - b.x);
    const visible = ordered.filter((r) => r.text.trim() !== '');
    if (visible.length === 0) continue;
    const { text, cells } = joinRuns(ordered);
    if (text.trim() === '') continue;
    const size = visible.reduce((m, r) => Math.max(m, r.size), 0);
    lines.push({ page: page.number, text, x0: visible[0]!.x, x1: Math.max(...visible.map((r) => r.x + r.width)), y: visible[0]!.y, size, cells });
  }
  return lines;
}
