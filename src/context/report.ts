import { asciiDigits } from '../find/numerals.js';
import { expect, isStringList, readJsonDictionary } from '../dictionaries.js';

// What a report is, from its title and opening: its kind (政府工作报告,
// 工作总结, 方案 …), the place that issues it and that place's level, and
// the years it speaks of: the year of the work it reviews, and the year it
// plans for. A government work report given early in 2025 reviews 2024 and
// plans 2025; a 2024年工作总结 reviews 2024.

import { LEVELS, type Level } from '../records/dimensions.js';
import { placeOf } from './place.js';

export { LEVELS, placeOf, type Level };

interface KindSpec {
  kind: string;
  words: string[];
  reviews: boolean;
  plans: boolean;
}

interface KindsDictionary {
  kinds: KindSpec[];
  levels: Record<Level, string[]>;
  municipalities: string[];
  regions: string[];
}

const dictionary = readJsonDictionary<KindsDictionary>('report-kinds.json');
for (const k of dictionary.kinds) expect(typeof k.kind === 'string' && isStringList(k.words), 'report-kinds.json', `kind ${k.kind} needs a list of words`);
for (const level of LEVELS) expect(isStringList(dictionary.levels[level]), 'report-kinds.json', `levels.${level} must be a list of name endings`);

export const REPORT_KINDS = [...dictionary.kinds.map((k) => k.kind), 'other'];

export interface ReportInfo {
  title: string | null;
  kind: string;
  /** The issuing place as written (海拉尔区, 陕西省, XX镇), or null. */
  place: string | null;
  level: Level | null;
  /** The year of the work the report speaks of (reviews), or null for a template with no year. */
  year: number | null;
  /** The year the report plans for: its coming work. */
  targetYear: number | null;
  /** The year the report is written in, which 今年 and 去年 count from. */
  currentYear: number | null;
  /** The report plans (a 方案 or 规划): an amount with no cue is a target. */
  plans: boolean;
  /** The report reviews one year, then plans the next (a government work report). */
  reviews: boolean;
}

const YEAR = /(?:^|[^\d])((?:19|20)\d{2})\s*(?:年|—|-|至)/;
const DELIVERED = /((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:在|于)/;
const POSTED = /((?:19|20)\d{2})[-/.年]\d{1,2}[-/.月]\d{1,2}/;
const CHINESE_YEAR = /([〇零一二三四五六七八九]{4})年/;
const CN_DIGITS = '〇一二三四五六七八九';

function chineseYear(s: string): number | null {
  const m = CHINESE_YEAR.exec(s);
  if (!m) return null;
  return Number([...m[1]!].map((c) => (c === '零' ? 0 : CN_DIGITS.indexOf(c))).join(''));
}

function firstYear(s: string): number | null {
  const m = YEAR.exec(asciiDigits(s));
  return m ? Number(m[1]) : chineseYear(s);
}

/** 政府工作报告——2014年3月5日在…: a title run into its subtitle, in a text copied onto one line. */
function subtitled(opening: string): string | null {
  const m = /([\u3400-\u9fff]{2,20})\s*[—–-]{1,2}\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:在|于)/.exec(opening);
  return m ? m[1]! : null;
}

export function kindOf(title: string | null): KindSpec | null {
  if (!title) return null;
  return dictionary.kinds.find((k) => k.words.some((w) => title.includes(w))) ?? null;
}

/**
 * The report's kind, place and years. `title` is the report's first
 * heading; `opening` its first few hundred characters; `posted` a date the
 * page around it carries (used only when the text states no year).
 */
export function analyseReport(title: string | null, written: string, text: string, headings: string[] = []): ReportInfo {
  const opening = asciiDigits(written);
  // Only a line short enough to be a title names the kind: a long opening sentence may mention 方案 or 规划 in passing.
  const titleLike = opening.split('\n').slice(0, 3).filter((l) => l.trim().length <= 40).join(' ');
  const spec = kindOf(title) ?? kindOf(titleLike) ?? kindOf(subtitled(opening));
  const kind = spec?.kind ?? 'other';
  // The place stands at the head of the title or of the opening lines: a long opening line is not read to its end.
  const located = (title ? placeOf(title.slice(0, 60)) : null) ?? placeOf(opening.split('\n').slice(0, 3).map((l) => l.slice(0, 60)).join(' '));
  const delivered = DELIVERED.exec(opening);
  const titled = title ? firstYear(title) : null;
  let year: number | null = null;
  let current: number | null = null;
  if (spec?.reviews) {
    const given = titled ?? (delivered ? Number(delivered[1]) : firstYear(opening));
    if (given !== null) {
      current = given;
      year = given - 1;
    }
  } else {
    year = titled ?? firstYear(opening);
    current = year;
    // 2022年…实施情况 whose first part is 一、2021年…工作情况: written in 2022 about 2021, planning 2022.
    const reviewed = headings.filter((h) => h !== title).map((h) => (REVIEW_HEADING.test(h) ? firstYear(h) : null)).find((y) => y !== null);
    if (titled !== null && reviewed != null && reviewed === titled - 1) {
      return finish(spec, kind, located, reviewed, reviewed, titled, title);
    }
  }
  if (year === null) {
    // A posting date or a site's timestamp counts only when the text states no year at all.
    const anyYear = firstYear(text);
    const posted = POSTED.exec(opening);
    if (anyYear === null && posted) year = current = Number(posted[1]);
    else if (anyYear !== null) year = current = anyYear;
  }
  return finish(spec, kind, located, year, current, null, title);
}

const REVIEW_HEADING = /(情况|回顾|总结|成效|成绩|进展)/;

function finish(spec: KindSpec | null, kind: string, located: { place: string; level: Level | null } | null, year: number | null, current: number | null, target: number | null, title: string | null = null): ReportInfo {
  const plans = spec?.plans ?? false;
  return {
    title: title || null,
    kind,
    place: located?.place ?? null,
    level: located?.level ?? null,
    year,
    // A plan and a speech speak of the work of their own year; a summary's coming work is next year's.
    targetYear: target ?? (year === null ? null : spec?.reviews ? year + 1 : plans || kind === '讲话/发言' ? year : year + 1),
    currentYear: current,
    plans,
    reviews: spec?.reviews ?? false,
  };
}
