import type { SourceBlock } from '../read/reader.js';
import type { TextTable } from '../structure/tables.js';

// Where an offset of the report text stands in the original: the PDF page
// (from the reader's blocks) and the table cell (from the tables the
// structure stage found), looked up by binary search.

export interface Where {
  page: number | null;
  table: { index: number; row: number; column: number } | null;
}

interface CellSpan {
  start: number;
  end: number;
  index: number;
  row: number;
  column: number;
}

export function locator(blocks: SourceBlock[] | undefined, tables: TextTable[]): (offset: number) => Where {
  const pages = (blocks ?? []).filter((b) => b.page !== undefined).sort((a, b) => a.start - b.start);
  const cells: CellSpan[] = [];
  for (const t of tables) {
    t.rows.forEach((row, r) => row.forEach((cell, c) => cells.push({ start: cell.start, end: Math.max(cell.end, cell.start + 1), index: t.index + 1, row: r + 1, column: c + 1 })));
  }
  cells.sort((a, b) => a.start - b.start);
  return (offset) => {
    const block = last(pages, offset);
    const cell = last(cells, offset);
    return {
      page: block && offset < Math.max(block.end, block.start + 1) ? block.page! : pageBefore(pages, offset),
      table: cell && offset < cell.end ? { index: cell.index, row: cell.row, column: cell.column } : null,
    };
  };
}

/** The last span starting at or before offset. */
function last<T extends { start: number }>(spans: T[], offset: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) {
      found = spans[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Between two blocks (a line break the reader added), the page of the block before. */
function pageBefore(pages: SourceBlock[], offset: number): number | null {
  return last(pages, offset)?.page ?? null;
}
