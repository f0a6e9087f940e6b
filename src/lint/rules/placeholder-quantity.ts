import type { Rule } from '../rule.js';
import { bodyPlaceholders } from './placeholders.js';

export const placeholderQuantity: Rule = {
  id: 'placeholder-quantity',
  kind: 'quantity',
  severity: 'error',
  description: { zh: '未填写的数量（X户、20xx亩、*%）', en: 'An amount left unfilled (X户, 20xx亩, *%)' },
  message: {
    zh: (f) => (f.subject ? `${f.subject}未填写（${f.text}）` : `数量占位符“${f.text}”尚未填写`),
    en: (f) => (f.subject ? `The amount of ${f.subject} is not filled in (${f.text})` : `Quantity placeholder "${f.text}" is not filled in`),
  },
  check: (ctx) => bodyPlaceholders(ctx, (r) => r.kind === 'metric'),
};
