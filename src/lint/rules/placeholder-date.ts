import type { Rule } from '../rule.js';
import { bodyPlaceholders } from './placeholders.js';

export const placeholderDate: Rule = {
  id: 'placeholder-date',
  kind: 'text',
  severity: 'error',
  description: { zh: '未填写的日期（20xx年、X月X日）', en: 'A date left unfilled (20xx年, X月X日)' },
  message: {
    zh: (f) => `日期占位符“${f.text}”尚未填写`,
    en: (f) => `Date placeholder "${f.text}" is not filled in`,
  },
  check: (ctx) => bodyPlaceholders(ctx, (r) => r.kind === 'text' && r.slot === 'date'),
};
