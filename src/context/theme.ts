import { readJsonDictionary } from '../dictionaries.js';

const { themes } = readJsonDictionary<{ themes: Record<string, string[]> }>('themes.json');
const ENTRIES = Object.entries(themes);
export const OTHER_THEME = 'other';

function score(text: string, keywords: string[]): number {
  let n = 0;
  for (const k of keywords) if (text.includes(k)) n++;
  return n;
}

/** The theme a heading names outright (二、产业兴旺 → 产业振兴 via its keywords, (四)生态振兴 → 生态振兴). */
function themeOfSection(section: string[]): string | null {
  for (let i = section.length - 1; i >= 0; i--) {
    for (const [theme] of ENTRIES) if (section[i]!.includes(theme)) return theme;
  }
  return null;
}

export function themeOf(section: string[], subject: string | null, sentence: string): string {
  const named = themeOfSection(section);
  if (named) return named;
  let best = OTHER_THEME;
  let bestScore = 0;
  const heading = section.slice(1).join(' ');
  for (const [theme, keywords] of ENTRIES) {
    const s = 2 * score(subject ?? '', keywords) + score(sentence, keywords) + score(heading, keywords);
    if (s > bestScore) {
      best = theme;
      bestScore = s;
    }
  }
  return best;
}

const YEAR = /(?:^|[^\d])((?:19|20)\d{2})\s*年(?!度?以来|[-—至到])/;

/** The year a report speaks of: from its title, else from its opening lines. */
export function reportYear(text: string, title: string | undefined): number | null {
  for (const candidate of [title ?? '', text.slice(0, 400)]) {
    const m = YEAR.exec(candidate);
    if (m) return Number(m[1]);
  }
  return null;
}
