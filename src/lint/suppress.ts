import type { Span } from '../find/spans.js';

// Inline switches in Markdown, as markdownlint and remark-lint have them:
//   <!-- report-metrics-disable [rule …] -->      until the matching enable
//   <!-- report-metrics-enable [rule …] -->
//   <!-- report-metrics-disable-next-line [rule …] -->
// With no rule named, every rule is switched.

export interface Suppression extends Span {
  /** Rules switched off here; empty means all. */
  rules: string[];
}

const COMMENT = /<!--\s*report-metrics-(disable-next-line|disable|enable)((?:\s+[\w-]+)*)\s*-->/g;

export function findSuppressions(text: string): Suppression[] {
  const out: Suppression[] = [];
  const open: Array<{ start: number; rules: string[] }> = [];
  for (const m of text.matchAll(COMMENT)) {
    const rules = m[2]!.trim() === '' ? [] : m[2]!.trim().split(/\s+/);
    const at = m.index!;
    const end = at + m[0].length;
    if (m[1] === 'disable-next-line') {
      const lineEnd = text.indexOf('\n', end);
      const nextStart = lineEnd < 0 ? text.length : lineEnd + 1;
      const nextEnd = text.indexOf('\n', nextStart);
      out.push({ start: nextStart, end: nextEnd < 0 ? text.length : nextEnd, rules });
    } else if (m[1] === 'disable') {
      open.push({ start: end, rules });
    } else {
      // An enable closes the disables it names (or all of them).
      for (let i = open.length - 1; i >= 0; i--) {
        const o = open[i]!;
        if (rules.length === 0 || o.rules.length === 0 || o.rules.some((r) => rules.includes(r))) {
          out.push({ start: o.start, end: at, rules: o.rules });
          open.splice(i, 1);
        }
      }
    }
  }
  for (const o of open) out.push({ start: o.start, end: text.length, rules: o.rules });
  return out;
}

export function isSuppressed(suppressions: Suppression[], at: number, rule: string): boolean {
  return suppressions.some((s) => at >= s.start && at < s.end && (s.rules.length === 0 || s.rules.includes(rule)));
}
