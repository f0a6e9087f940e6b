import type { Span } from '../find/spans.js';

// Web addresses and e-mail addresses inside a report: their digits and
// percent-encodings (%E4%B8%AD, 30%25) are never amounts.

const ADDRESS = /(?:(?:https?|ftp):\/\/|www\.)[^\s"'<>，。；、“”（）\u3000-\u9fff]+|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/g;

export function findAddresses(text: string): Span[] {
  const out: Span[] = [];
  // Every repetition is bounded or anchored on a literal start: linear in the text.
  for (const m of text.matchAll(ADDRESS)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}
