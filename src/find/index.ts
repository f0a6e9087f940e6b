import type { Mention, TextPlaceholder } from './amount.js';
import { shareListQualifiers, shareListUnits } from './lists.js';
import { findPlaceholders } from './placeholders.js';
import { findQuantities } from './quantities.js';
import type { TextTable } from '../structure/tables.js';
import { isInside, mergeSpans, sortSpans, type Span } from './spans.js';
import { tableCellMentions } from './table-cells.js';

export type { Mention, TextPlaceholder } from './amount.js';

export interface Findings {
  mentions: Mention[];
  texts: TextPlaceholder[];
}

/**
 * Every amount and placeholder inside `ranges` (the parts of the text that
 * are report prose: not page furniture, not Markdown syntax).
 * Placeholders go first and claim their characters.
 */
export function findAll(text: string, ranges: Span[], tables: TextTable[] = []): Findings {
  const placeholders = findPlaceholders(text, ranges);
  const claimed = mergeSpans(placeholders.claimed);
  const quantities = findQuantities(text, ranges, claimed);
  const mentions = sortSpans([...placeholders.quantities, ...quantities.mentions]);
  const listed = shareListUnits(text, quantities.bare, mentions);
  const all = sortSpans([...mentions, ...listed]);
  shareListQualifiers(text, all);
  if (tables.length === 0) return { mentions: all, texts: placeholders.texts };
  const read = (cell: string) => findQuantities(cell, [{ start: 0, end: cell.length }], []).mentions;
  const inProse = tables.map((t) => ({ ...t, rows: t.rows.map((row) => row.map((cell) => (isInside(ranges, cell.start) ? cell : { ...cell, text: '' }))) }));
  const cells = tableCellMentions(inProse, all, read);
  return { mentions: cells.length > 0 ? sortSpans([...all, ...cells]) : all, texts: placeholders.texts };
}
