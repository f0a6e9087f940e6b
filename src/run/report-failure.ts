import { cliText } from '../i18n/cli.js';
import { reasonIn } from '../i18n/reasons.js';
import type { Lang } from '../lint/messages.js';

/** One line on stderr naming a report that could not be processed, and why, in the user's language. */
export function reportFailure(file: string, reason: string, lang: Lang = 'en'): void {
  process.stderr.write(`report-metrics: ${file}: ${reasonIn(lang, reason)}\n`);
}

/** One line on stderr naming a report that was read only in part, or with a guess. */
export function reportWarnings(file: string, warnings: string[] | undefined, lang: Lang = 'en'): void {
  for (const w of warnings ?? []) process.stderr.write(`report-metrics: ${file}: ${cliText(lang).run.warning}: ${reasonIn(lang, w)}\n`);
}
