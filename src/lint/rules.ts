import type { HeadingInfo } from '../structure/text-tree.js';
import type { MetricRecord, ReportRecord } from '../records/schema.js';
import type { LintConfig, RuleId } from './config.js';
import { message, type Lang } from './messages.js';

// What an editor checks before a draft goes out. Each rule has an id, is on
// by default and can be switched off. Besides unfilled placeholders, three
// checks of the numbers themselves; each is kept narrow so that it does not
// fire on a correct sentence (tests/lint run them over the five samples).

export interface Check {
  start: number;
  end: number;
  ruleId: RuleId;
  kind: 'quantity' | 'text' | 'check';
  message: string;
  /** For reports: a finding elsewhere that this one relates to. */
  related?: number;
}

interface Context {
  text: string;
  records: ReportRecord[];
  headings: HeadingInfo[];
  config: LintConfig;
  lang: Lang;
}

/** Lead-ins (一是) are depth 7: paragraphs, not titles. */
const TITLE_DEPTH = 6;
const SHARE_WORDS = /(率|占比|比例|比重|覆盖|普及|达标|参保|满意度|合格)/;
const CHANGE_BEFORE = /(增长|增加|提高|提升|上升|下降|减少|降低|同比|环比|比上年|增幅|降幅|超过|翻)/;
const TOTAL_BEFORE = /(共|共计|合计|总计|累计|总共|一共|总数|总量)[^，。；]{0,8}$/;

export function runRules(ctx: Context): Check[] {
  const out: Check[] = [];
  // A rule runs unless the configuration switches it off.
  const on = (id: RuleId) => ctx.config.rules[id] !== 'off';
  const allowed = allowedSpans(ctx.text, ctx.config.placeholders.allow);
  const inTitle = (start: number) => ctx.headings.some((h) => h.depth <= TITLE_DEPTH && start >= h.start && start < h.end);

  for (const r of ctx.records) {
    if (!r.placeholder || allowed.some((a) => r.start >= a.start && r.end <= a.end)) continue;
    const kind = r.kind === 'metric' ? 'quantity' : 'text';
    if (inTitle(r.start) && on('placeholder-in-title')) {
      out.push({ start: r.start, end: r.end, ruleId: 'placeholder-in-title', kind, message: message('in-title', r.text, ctx.lang) });
      continue;
    }
    const ruleId: RuleId = r.kind === 'metric' ? 'placeholder-quantity' : r.slot === 'date' ? 'placeholder-date' : 'placeholder-text';
    if (on(ruleId)) out.push({ start: r.start, end: r.end, ruleId, kind, message: message(ruleId === 'placeholder-quantity' ? 'quantity' : ruleId === 'placeholder-date' ? 'date' : 'text', r.text, ctx.lang) });
  }

  if (on('placeholder-text')) {
    for (const pattern of ctx.config.placeholders.extra) {
      for (const m of ctx.text.matchAll(new RegExp(pattern, 'gu'))) {
        if (m[0] === '') continue;
        const start = m.index!;
        const end = start + m[0].length;
        if (out.some((c) => c.start < end && start < c.end)) continue;
        out.push({ start, end, ruleId: 'placeholder-text', kind: 'text', message: message('text', m[0], ctx.lang) });
      }
    }
  }

  const metrics = ctx.records.filter((r): r is MetricRecord => r.kind === 'metric' && !r.placeholder);
  if (on('percent-over-100')) out.push(...percentOver100(ctx, metrics));
  if (on('conflicting-amounts')) out.push(...conflictingAmounts(ctx, metrics));
  if (on('total-mismatch')) out.push(...totalMismatch(ctx, metrics));
  return out.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
}

function allowedSpans(text: string, words: string[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const w of words) {
    if (w === '') continue;
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) out.push({ start: i, end: i + w.length });
  }
  return out;
}

/** 覆盖率达到120%: a share cannot pass 100 %. Changes (增长120%) and ratios (是…的120%) are not shares. */
function percentOver100(ctx: Context, metrics: MetricRecord[]): Check[] {
  const out: Check[] = [];
  for (const m of metrics) {
    if (m.unit !== '%' || m.value === null || m.value <= 100) continue;
    const before = ctx.text.slice(Math.max(0, m.start - 12), m.start);
    const clause = before.split(/[，。；,;]/).pop() ?? '';
    if (!SHARE_WORDS.test(clause) || CHANGE_BEFORE.test(clause)) continue;
    out.push({ start: m.start, end: m.end, ruleId: 'percent-over-100', kind: 'check', message: message('percent-over-100', m.text, ctx.lang) });
  }
  return out;
}

/**
 * The same subject given two different amounts in one report. Only exact
 * amounts with a specific subject (four characters or more) in different
 * sentences count: 从47.4岁下降到41.4岁 is one statement, not a contradiction.
 */
function conflictingAmounts(ctx: Context, metrics: MetricRecord[]): Check[] {
  const out: Check[] = [];
  const first = new Map<string, MetricRecord>();
  for (const m of metrics) {
    if (m.approx !== 'exact' || !m.subject || [...m.subject].length < 4 || m.value === null) continue;
    if (CHANGE_BEFORE.test(m.subject)) continue;
    const key = `${m.subject}\u0000${m.unit}\u0000${m.per ?? ''}\u0000${m.section.join('/')}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, m);
      continue;
    }
    if (earlier.sentence === m.sentence || earlier.value === m.value) continue;
    out.push({ start: m.start, end: m.end, ruleId: 'conflicting-amounts', kind: 'check', message: message('conflicting-amounts', `${m.subject} ${m.text}`, ctx.lang), related: earlier.start });
  }
  return out;
}

/** 共X人，其中省外A人、省内B人、县内C人: the parts may not add up to more than the total. */
function totalMismatch(ctx: Context, metrics: MetricRecord[]): Check[] {
  const out: Check[] = [];
  for (let i = 0; i < metrics.length; i++) {
    const total = metrics[i]!;
    if (total.value === null || !TOTAL_BEFORE.test(ctx.text.slice(Math.max(0, total.start - 12), total.start))) continue;
    const rest = ctx.text.slice(total.end, total.end + 200);
    const among = rest.search(/其中/);
    const stop = rest.search(/[。；;\n]/);
    if (among < 0 || (stop >= 0 && stop < among)) continue;
    const from = total.end + among;
    const to = stop < 0 ? total.end + rest.length : total.end + stop;
    const parts = metrics.filter((p) => p.start >= from && p.end <= to && p.unit === total.unit && p.value !== null);
    if (parts.length < 2) continue;
    const sum = parts.reduce((n, p) => n + p.value!, 0);
    if (sum > total.value * (1 + 1e-9)) {
      out.push({ start: total.start, end: total.end, ruleId: 'total-mismatch', kind: 'check', message: message('total-mismatch', total.text, ctx.lang) });
    }
  }
  return out;
}
