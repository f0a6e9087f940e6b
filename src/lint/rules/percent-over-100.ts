import type { Rule } from '../rule.js';
import { CHANGE_BEFORE, filledMetrics } from './metrics.js';

/**
 * Shares that cannot pass the whole: what is covered, insured, enrolled,
 * up to standard, or a part of a whole. A completion rate (完成率), a growth
 * rate or a ratio to a plan (为计划的) may well pass 100 %: over the 80
 * published reports of the benchmark corpus every finding of the wider
 * rule was one of those (tests/fixtures/lint-review.tsv).
 */
const SHARE_WORDS = /(覆盖率|参保率|普及率|入学率|巩固率|达标率|合格率|通过率|知晓率|满意度|满意率|到位率|签约率|处理率|利用率|回收率|就业率|占比|所占比重|比重|比例)$/;

/** 覆盖率达到120%: a share cannot pass 100 %. Changes (增长120%) and ratios (是…的120%) are not shares. */
export const percentOver100: Rule = {
  id: 'percent-over-100',
  kind: 'check',
  severity: 'warn',
  description: { zh: '超过100%的比率（覆盖率、占比）', en: 'A share (rate, proportion) over 100 %' },
  message: {
    zh: (f) => `比率“${f.text}”超过100%，请核对`,
    en: (f) => `Share "${f.text}" is over 100%; check it`,
  },
  check: (ctx) =>
    filledMetrics(ctx)
      .filter((m) => {
        if (m.unit !== '%' || m.value === null || m.value <= 100) return false;
        const clause = ctx.text.slice(Math.max(0, m.start - 12), m.start).split(/[，。；,;]/).pop() ?? '';
        const named = clause.replace(/(达到|达|为|是|提高到|提升到|增加到|升至|提高至|已|均|分别)+$/, '');
        return SHARE_WORDS.test(named) && !CHANGE_BEFORE.test(clause);
      })
      .map((m) => ({ start: m.start, end: m.end, text: m.text, subject: m.subject })),
};
