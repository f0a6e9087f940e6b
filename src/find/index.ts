import type { Mention, TextPlaceholder } from './amount.js';
import { shareListQualifiers, shareListUnits } from './lists.js';
import { findPlaceholders } from './placeholders.js';
import { findQuantities } from './quantities.js';
import { mergeSpans, sortSpans, type Span } from './spans.js';

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
export function findAll(text: string, ranges: Span[]): Findings {
  const placeholders = findPlaceholders(text, ranges);
  const claimed = mergeSpans(placeholders.claimed);
  const quantities = findQuantities(text, ranges, claimed);
  const mentions = sortSpans([...placeholders.quantities, ...quantities.mentions]);
  const listed = shareListUnits(text, quantities.bare, mentions);
  const all = sortSpans([...mentions, ...listed]);
  shareListQualifiers(text, all);
  return { mentions: all, texts: placeholders.texts };
}
