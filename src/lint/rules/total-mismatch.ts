import type { Rule, RuleFinding } from '../rule.js';
import { filledMetrics } from './metrics.js';

const TOTAL_BEFORE = /(共|共计|合计|总计|累计|总共|一共|总数|总量)[^，。；]{0,8}$/;

/** 共X人，其中省外A人、省内B人、县内C人: the parts may not add up to more than the total. */
export const totalMismatch: Rule = {
  id: 'total-mismatch',
  kind: 'check',
  // Off unless configured: its one finding over the 80 published reports was false (tests/fixtures/lint-review.tsv).
  severity: 'off',
  description: { zh: '分项之和超过总数', en: 'Listed parts that add up to more than their total' },
  message: {
    zh: (f) => `分项之和超过总数“${f.text}”`,
    en: (f) => `The listed parts add up to more than the total "${f.text}"`,
  },
  check: (ctx) => {
    const out: RuleFinding[] = [];
    const metrics = filledMetrics(ctx);
    for (const total of metrics) {
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
      if (sum > total.value * (1 + 1e-9)) out.push({ start: total.start, end: total.end, text: total.text, subject: total.subject });
    }
    return out;
  },
};
