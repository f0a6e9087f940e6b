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

/** The last of `spans` (sorted by start) that starts at or before `offset`. */
export function lastStartingBy<T extends { start: number }>(spans: T[], offset: number): T | undefined {
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

/** The span of `spans` (sorted by start, not overlapping) that holds `offset`; an empty span holds its start. */
export function spanHolding<T extends Span>(spans: T[], offset: number): T | undefined {
  const found = lastStartingBy(spans, offset);
  return found && offset < Math.max(found.end, found.start + 1) ? found : undefined;
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
