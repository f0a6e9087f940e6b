// What editors read. Chinese by default; English with --lang en or an
// English locale.

export type Lang = 'zh' | 'en';

export function detectLang(explicit?: string, env: NodeJS.ProcessEnv = process.env): Lang {
  const pick = explicit ?? env.REPORT_METRICS_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^en/i.test(pick) ? 'en' : 'zh';
}

const MESSAGES = {
  quantity: {
    zh: (text: string) => `数量占位符“${text}”尚未填写`,
    en: (text: string) => `Quantity placeholder "${text}" is not filled in`,
  },
  text: {
    zh: (text: string) => `文字占位符“${text}”尚未填写`,
    en: (text: string) => `Text placeholder "${text}" is not filled in`,
  },
  date: {
    zh: (text: string) => `日期占位符“${text}”尚未填写`,
    en: (text: string) => `Date placeholder "${text}" is not filled in`,
  },
  'in-title': {
    zh: (text: string) => `标题中有未填写的占位符“${text}”`,
    en: (text: string) => `Placeholder "${text}" left in a title`,
  },
  'percent-over-100': {
    zh: (text: string) => `比率“${text}”超过100%，请核对`,
    en: (text: string) => `Share "${text}" is over 100%; check it`,
  },
  'conflicting-amounts': {
    zh: (text: string) => `“${text}”与前文给出的数字不一致`,
    en: (text: string) => `"${text}" differs from the amount given earlier`,
  },
  'total-mismatch': {
    zh: (text: string) => `分项之和超过总数“${text}”`,
    en: (text: string) => `The listed parts add up to more than the total "${text}"`,
  },
} as const;

export type MessageId = keyof typeof MESSAGES;

export function message(id: MessageId, text: string, lang: Lang): string {
  return MESSAGES[id][lang](text);
}
