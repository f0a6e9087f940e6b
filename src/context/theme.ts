import { readJsonDictionary } from '../dictionaries.js';
import { BoundedMemo } from './memo.js';

const { themes } = readJsonDictionary<{ themes: Record<string, string[]> }>('themes.json');
const ENTRIES = Object.entries(themes);
const THEME_NAMES = ENTRIES.map(([t]) => t);
export const OTHER_THEME = 'other';

// All keywords in one alternation, longest first, so a string is scanned once.
const KEYWORD_THEMES = new Map<string, number[]>();
ENTRIES.forEach(([, keywords], t) => {
  for (const k of keywords) KEYWORD_THEMES.set(k, [...(KEYWORD_THEMES.get(k) ?? []), t]);
});
const KEYWORDS = new RegExp([...KEYWORD_THEMES.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

const scoreMemo = new BoundedMemo<number[]>();

/** Distinct keywords of each theme in a subject (memoised: subjects repeat, sentences seldom do). */
function subjectScores(text: string): number[] {
  return scoreMemo.get(text, scoreText);
}

function scoreText(text: string): number[] {
  const out = new Array<number>(ENTRIES.length).fill(0);
  const seen = new Set<string>();
  // exec on the one global pattern: matchAll would clone it and build an iterator for every sentence.
  KEYWORDS.lastIndex = 0;
  for (let m = KEYWORDS.exec(text); m !== null; m = KEYWORDS.exec(text)) {
    if (seen.has(m[0])) continue;
    seen.add(m[0]);
    for (const t of KEYWORD_THEMES.get(m[0])!) out[t]!++;
  }
  return out;
}

/** The theme a heading names outright (二、产业兴旺 → 产业振兴 via its keywords, (四)生态振兴 → 生态振兴). */
function themeOfSection(section: string[]): string | null {
  for (let i = section.length - 1; i >= 0; i--) {
    for (const [theme] of ENTRIES) if (section[i]!.includes(theme)) return theme;
  }
  return null;
}

const sentenceMemo = { text: '', scores: [] as number[] };
const sectionMemo = { key: [] as string[], named: null as string | null, scores: [] as number[] };

export function themeOf(section: string[], subject: string | null, sentence: string): string {
  // Mentions of one sentence and one section come in a row: score each once.
  if (sectionMemo.key !== section) {
    sectionMemo.key = section;
    sectionMemo.named = themeOfSection(section);
    sectionMemo.scores = scoreText(section.slice(1).join(' '));
  }
  if (sectionMemo.named) return sectionMemo.named;
  if (sentenceMemo.text !== sentence) {
    sentenceMemo.text = sentence;
    sentenceMemo.scores = scoreText(sentence);
  }
  const own = subjectScores(subject ?? '');
  let best = OTHER_THEME;
  let bestScore = 0;
  for (let t = 0; t < ENTRIES.length; t++) {
    const s = 2 * own[t]! + sentenceMemo.scores[t]! + sectionMemo.scores[t]!;
    if (s > bestScore) {
      best = THEME_NAMES[t]!;
      bestScore = s;
    }
  }
  return best;
}
