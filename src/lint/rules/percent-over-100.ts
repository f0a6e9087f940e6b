import type { Rule } from '../rule.js';
import { CHANGE_BEFORE, filledMetrics } from './metrics.js';

const SHARE_WORDS = /(率|占比|比例|比重|覆盖|普及|达标|参保|满意度|合格)/;

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
        return SHARE_WORDS.test(clause) && !CHANGE_BEFORE.test(clause);
      })
      .map((m) => ({ start: m.start, end: m.end, text: m.text, subject: m.subject })),
};
