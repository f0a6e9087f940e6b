import { charTable } from '../find/char-scan.js';
import { work } from '../work.js';

const SENTENCE_END = charTable('。！？!?；;\n');
const MAX_REACH = 400;

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\u3000' || ch === '\u00a0';
}

/** The sentence holding [start, end): from the previous stop to the next one, trimmed. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && SENTENCE_END[text.charCodeAt(s - 1)] !== 1 && start - s < MAX_REACH) s--;
  let e = end;
  while (e < text.length && SENTENCE_END[text.charCodeAt(e)] !== 1 && e - end < MAX_REACH) e++;
  if (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  work.steps += start - s + (e - end);
  while (s < e && isSpace(text[s]!)) s++;
  while (e > s && isSpace(text[e - 1]!)) e--;
  return { start: s, end: e };
}
