const SENTENCE_END = /[。！？!?；;\n]/;

/** The sentence holding [start, end): from the previous stop to the next one, trimmed. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !SENTENCE_END.test(text[s - 1]!) && start - s < 400) s--;
  let e = end;
  while (e < text.length && !SENTENCE_END.test(text[e]!) && e - end < 400) e++;
  if (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}
