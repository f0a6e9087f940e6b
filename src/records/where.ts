import { lastStartingBy, spanHolding } from '../find/spans.js';
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
    const cell = spanHolding(cells, offset);
    return {
      // Inside a block, its page; between two (a line break the reader added), the page of the block before.
      page: lastStartingBy(pages, offset)?.page ?? null,
      table: cell ? { index: cell.index, row: cell.row, column: cell.column } : null,
    };
  };
}

