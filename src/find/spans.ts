export interface Span {
  start: number;
  end: number;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether `pos` falls inside any of `spans` (sorted by start). */
export function isInside(spans: Span[], pos: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}

export function sortSpans<T extends Span>(spans: T[]): T[] {
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Sorted, merged copy, so isInside can binary-search it. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = sortSpans(spans.map((s) => ({ ...s })));
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push(s);
  }
  return out;
}

/** `set.includes(ch)` that is false for a missing character ('' is in every string). */
export function charIn(set: string, ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && set.includes(ch);
}
