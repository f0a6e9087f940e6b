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
} as const;

export type MessageId = keyof typeof MESSAGES;

export function message(id: MessageId, text: string, lang: Lang): string {
  return MESSAGES[id][lang](text);
}
