import type { MetricRecord } from '../../records/schema.js';
import type { Rule, RuleFinding } from '../rule.js';
import { CHANGE_BEFORE, filledMetrics } from './metrics.js';

/**
 * The same subject given two different amounts in one report. Only exact
 * amounts with a specific subject (four characters or more) in different
 * sentences count: 从47.4岁下降到41.4岁 is one statement, not a contradiction.
 */
export const conflictingAmounts: Rule = {
  id: 'conflicting-amounts',
  kind: 'check',
  // Off unless configured: over the 80 published reports of the benchmark corpus all 107 findings were false (tests/fixtures/lint-review.tsv).
  severity: 'off',
  description: { zh: '同一指标在同一部分给出了不同的数字', en: 'The same subject given two different amounts' },
  message: {
    zh: (f) => `“${f.text}”与前文给出的数字不一致`,
    en: (f) => `"${f.text}" differs from the amount given earlier`,
  },
  check: (ctx) => {
    const out: RuleFinding[] = [];
    const first = new Map<string, MetricRecord>();
    for (const m of filledMetrics(ctx)) {
      if (m.approx !== 'exact' || !m.subject || [...m.subject].length < 4 || m.value === null) continue;
      if (CHANGE_BEFORE.test(m.subject)) continue;
      const key = `${m.subject}\u0000${m.unit}\u0000${m.per ?? ''}\u0000${m.section.join('/')}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, m);
        continue;
      }
      if (earlier.sentence === m.sentence || earlier.value === m.value) continue;
      out.push({ start: m.start, end: m.end, text: `${m.subject} ${m.text}`, subject: m.subject, related: earlier.start });
    }
    return out;
  },
};
