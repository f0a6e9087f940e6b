// What editors read is in Chinese by default; English with --lang en or an
// English locale.

export type Lang = 'zh' | 'en';

export function detectLang(explicit?: string, env: NodeJS.ProcessEnv = process.env): Lang {
  const pick = explicit ?? env.REPORT_METRICS_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^en/i.test(pick) ? 'en' : 'zh';
}
