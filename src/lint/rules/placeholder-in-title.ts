import type { Rule } from '../rule.js';
import { inTitle, reportedPlaceholders } from './placeholders.js';

export const placeholderInTitle: Rule = {
  id: 'placeholder-in-title',
  kind: 'text',
  severity: 'error',
  description: { zh: '标题或小标题中未填写的占位符', en: 'A placeholder left in the title or a heading' },
  message: {
    zh: (f) => `标题中有未填写的占位符“${f.text}”`,
    en: (f) => `Placeholder "${f.text}" left in a title`,
  },
  check: (ctx) => reportedPlaceholders(ctx).filter((r) => inTitle(ctx, r)).map((r) => ({ start: r.start, end: r.end, text: r.text, kind: r.kind === 'metric' ? 'quantity' : 'text' })),
};
