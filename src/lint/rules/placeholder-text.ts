import type { Rule } from '../rule.js';
import { bodyPlaceholders } from './placeholders.js';

export const placeholderText: Rule = {
  id: 'placeholder-text',
  kind: 'text',
  severity: 'error',
  description: { zh: '未填写的名称或文字（XX镇、***、某某村）', en: 'A name or word left unfilled (XX镇, ***, 某某村)' },
  message: {
    zh: (f) => `文字占位符“${f.text}”尚未填写`,
    en: (f) => `Text placeholder "${f.text}" is not filled in`,
  },
  check: (ctx) => {
    const found = bodyPlaceholders(ctx, (r) => r.kind === 'text' && r.slot === 'word');
    // The office's own patterns (config placeholders.extra), where nothing else is reported.
    for (const pattern of ctx.extra) {
      for (const m of ctx.text.matchAll(new RegExp(pattern, 'gu'))) {
        if (m[0] === '') continue;
        const start = m.index!;
        const end = start + m[0].length;
        if (ctx.records.some((r) => r.placeholder && r.start < end && start < r.end)) continue;
        found.push({ start, end, text: m[0], subject: null });
      }
    }
    return found;
  },
};
