import type { ReportRecord } from '../../records/schema.js';
import type { RuleContext } from '../rule.js';

// What the four placeholder rules share: which placeholders are reported,
// and which of them stand in a title or heading.

/** Lead-ins (一是) are depth 7: paragraphs, not titles. */
const TITLE_DEPTH = 6;

function allowedSpans(text: string, words: string[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const w of words) {
    if (w === '') continue;
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) out.push({ start: i, end: i + w.length });
  }
  return out;
}

export function inTitle(ctx: RuleContext, r: { start: number }): boolean {
  return ctx.headings.some((h) => h.depth <= TITLE_DEPTH && r.start >= h.start && r.start < h.end);
}

/** Placeholders not covered by an allowed word. */
export function reportedPlaceholders(ctx: RuleContext): ReportRecord[] {
  const allowed = allowedSpans(ctx.text, ctx.allow);
  return ctx.records.filter((r) => r.placeholder && !allowed.some((a) => r.start >= a.start && r.end <= a.end));
}

/** The placeholders one of the body rules reports: those outside titles, or all when the title rule is off. */
export function bodyPlaceholders(ctx: RuleContext, keep: (r: ReportRecord) => boolean) {
  const titles = ctx.isOn('placeholder-in-title');
  return reportedPlaceholders(ctx)
    .filter((r) => keep(r) && !(titles && inTitle(ctx, r)))
    .map((r) => ({ start: r.start, end: r.end, text: r.text, subject: r.kind === 'metric' ? r.subject : null }));
}
