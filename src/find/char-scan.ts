// A character class as a lookup table over UTF-16 code units: finding the
// next candidate is a tight loop with no regular expression and no
// allocation, which matters when most characters of a report are not one.

import { work } from '../work.js';

export type CharTable = Uint8Array;

export function charTable(...groups: string[]): CharTable {
  const table = new Uint8Array(0x10000);
  for (const group of groups) for (const ch of group) table[ch.charCodeAt(0)] = 1;
  return table;
}

/** Index of the first character in [from, end) that is in the table, or -1. */
export function nextIn(table: CharTable, text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    if (table[text.charCodeAt(i)] === 1) {
      work.steps += i - from + 1;
      return i;
    }
  }
  work.steps += Math.max(0, end - from);
  return -1;
}
