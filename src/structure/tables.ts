import { splitLines } from './lines.js';

// Tables in report text: rows of cells separated by tabs (as the Word, HTML,
// RTF and PDF readers write a table's rows) or by | (Markdown and plain-text
// tables), two rows or more in a run. The first row is the header; the line
// before a table may be its caption (表1 …, 单位：万元).

export interface TableCell {
  start: number;
  end: number;
  text: string;
}

export interface TextTable {
  /** 0-based, in document order. */
  index: number;
  /** Rows in order; row 0 is the header. */
  rows: TableCell[][];
  /** The unit a caption line before the table, or a row of its own at its top, states (单位：万元). */
  captionUnit: string | null;
}

const CAPTION_UNIT = /(?:^|[\s（(])单位\s*[:：]\s*([^\s）)]+)/;
const RULE_ROW = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function cellsOf(text: string, lineStart: number): TableCell[] | null {
  // Nearly every line of prose has neither: looked for before any split.
  const tab = text.indexOf('\t') >= 0;
  if (!tab && text.indexOf('|') < 0) return null;
  const pipe = /^\s*\|.*\|\s*$/.test(text) || (text.split('|').length >= 3 && !text.includes('\t'));
  const separator = text.includes('\t') ? '\t' : pipe ? '|' : null;
  if (separator === null) return null;
  const cells: TableCell[] = [];
  let at = 0;
  const parts = text.split(separator);
  parts.forEach((part, k) => {
    const lead = part.length - part.trimStart().length;
    const value = part.trim();
    const start = lineStart + at + lead;
    at += part.length + 1;
    // The bars at the ends of a Markdown row open and close it: they bound no cell.
    if (separator === '|' && (k === 0 || k === parts.length - 1) && value === '') return;
    cells.push({ start, end: start + value.length, text: value });
  });
  return cells.length >= 2 ? cells : null;
}

function isNumber(cell: TableCell): boolean {
  return /^[-−+]?\d[\d,，]*(?:[.．]\d+)?%?$/.test(cell.text);
}

export function findTables(text: string): TextTable[] {
  const lines = splitLines(text);
  const tables: TextTable[] = [];
  let run: TableCell[][] = [];
  let runFirstLine = -1;
  const flush = (endLine: number) => {
    if (run.length >= 2) {
      // The caption is the nearest line of words above, a blank line between them or not.
      let above = runFirstLine - 1;
      while (above >= 0 && above >= runFirstLine - 2 && text.slice(lines[above]!.start, lines[above]!.end).trim() === '') above--;
      const before = above >= 0 ? text.slice(lines[above]!.start, lines[above]!.end) : '';
      const inHeader = run[0]!.map((c) => c.text).join(' ');
      const unit = CAPTION_UNIT.exec(before)?.[1] ?? (run[0]!.filter((c) => c.text !== '').length === 1 ? CAPTION_UNIT.exec(inHeader)?.[1] : undefined) ?? null;
      // A row that only says the unit is a caption inside the table, not its header.
      const rows = unit !== null && run[0]!.filter((c) => c.text !== '').length === 1 && CAPTION_UNIT.test(inHeader) ? run.slice(1) : run;
      if (rows.length >= 2) tables.push({ index: tables.length, rows, captionUnit: unit });
    }
    run = [];
    runFirstLine = endLine;
  };
  lines.forEach((line, k) => {
    const content = text.slice(line.start, line.end);
    if (RULE_ROW.test(content) && run.length > 0) return;
    const cells = cellsOf(content, line.start);
    if (!cells) {
      flush(k + 1);
      return;
    }
    // A row of labels after rows of numbers heads a table of its own.
    if (run.length >= 2 && !cells.some(isNumber) && run[run.length - 1]!.some(isNumber)) flush(k);
    if (run.length === 0) runFirstLine = k;
    run.push(cells);
  });
  flush(lines.length);
  return tables;
}
