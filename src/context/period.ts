import { asciiDigits } from '../find/numerals.js';
import { expect, isStringList, readJsonDictionary } from '../dictionaries.js';
import type { ReportInfo } from './report.js';

// The years an amount refers to (EXTRACTION.md section 4), from what a
// piece of text states: 2025年, 2021—2023年, 2019、2020年, 今年, 去年,
// 十四五, 过去五年, 到2027年, 未来三年, 连续4年, 累计.

export interface Period {
  from: number | null;
  to: number;
}

export type Status = 'actual' | 'target' | 'rule';

interface TimeWords {
  relative: Record<string, number>;
  plans: Record<string, [number, number]>;
  spansBack: string[];
  spansAhead: string[];
  running: string[];
}

const words = readJsonDictionary<TimeWords>('time-words.json');
/**
 * Every statement of time names a year (2024年, 过去五年, 今年, 年内) or a
 * five-year plan (十四五): a span without 年 or 五 states none, and most
 * clauses around an amount have neither. The time words must keep it so.
 */
const YEAR_MARKS = ['年', '五'];
export function checkTimeWords(w: Pick<TimeWords, 'relative' | 'plans'>): void {
  for (const word of Object.keys(w.relative)) expect(word.includes('年'), 'time-words.json', `relative word "${word}" does not name a year (年)`);
  for (const plan of Object.keys(w.plans)) expect(plan.includes('五'), 'time-words.json', `plan "${plan}" does not have 五`);
}
checkTimeWords(words);
expect(isStringList(words.spansBack) && isStringList(words.spansAhead) && isStringList(words.running), 'time-words.json', 'spansBack, spansAhead and running must be lists of words');

/** A statement of time found in text: where it is and the years it names (given the report and the amount's status). */
export interface TimeStatement {
  start: number;
  end: number;
  /** Whether it names a span of several years (a frame for a passage): 过去五年, 十四五时期. */
  frame: boolean;
  period: (report: ReportInfo, status: Status) => Period | null;
}

const SMALL = '一二三四五六七八九';

/** A small count written in digits or Chinese numerals (五, 十, 十二, 二十, 两). */
function count(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const digit = (c: string) => (c === '两' ? 2 : SMALL.indexOf(c) + 1);
  const ten = s.indexOf('十');
  if (ten < 0) return digit(s);
  const tens = ten === 0 ? 1 : digit(s[0]!);
  const ones = ten === s.length - 1 ? 0 : digit(s[ten + 1]!);
  return tens * 10 + ones;
}

const Y = '((?:19|20)\\d{2})';
const N = '(\\d{1,2}|[一二两三四五六七八九十]{1,2})';
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (list: string[]) => [...list].sort((a, b) => b.length - a.length).map(escape).join('|');

const PATTERNS: Array<{ re: RegExp; make: (m: RegExpExecArray) => Omit<TimeStatement, 'start' | 'end'> }> = [
  // 2021—2025年, 2021-2023年, 2021至2025年
  { re: new RegExp(`${Y}\\s*年?\\s*[—\\-–~～至到]\\s*${Y}\\s*年`, 'g'), make: (m) => ({ frame: true, period: () => ({ from: Number(m[1]), to: Number(m[2]) }) }) },
  // 2019、2020年: a list of years
  { re: new RegExp(`${Y}\\s*年?\\s*[、和及与]\\s*${Y}\\s*年`, 'g'), make: (m) => ({ frame: false, period: () => ({ from: Number(m[1]), to: Number(m[2]) }) }) },
  // 到2027年, 截至2024年底
  {
    re: new RegExp(`(到|至|截至|截止到?)\\s*${Y}\\s*年`, 'g'),
    make: (m) => ({
      frame: false,
      period: (r, status) => {
        const year = Number(m[2]);
        if (status === 'target') return { from: r.targetYear !== null && r.targetYear <= year ? r.targetYear : year, to: year };
        return { from: year, to: year };
      },
    }),
  },
  // 2020年以来: from that year to the year of the work
  {
    re: new RegExp(`${Y}\\s*年以来`, 'g'),
    make: (m) => ({ frame: false, period: (r) => ({ from: Number(m[1]), to: r.year !== null && r.year >= Number(m[1]) ? r.year : Number(m[1]) }) }),
  },
  // 2025年, 2024年度, 二〇二一年
  { re: new RegExp(`${Y}\\s*年`, 'g'), make: (m) => ({ frame: false, period: () => ({ from: Number(m[1]), to: Number(m[1]) }) }) },
  { re: /([〇零一二三四五六七八九]{4})年/g, make: (m) => ({ frame: false, period: () => {
    const y = Number([...m[1]!].map((c) => (c === '零' ? 0 : '〇一二三四五六七八九'.indexOf(c))).join(''));
    return { from: y, to: y };
  } }) },
  // 十四五, “十三五”时期
  {
    re: new RegExp(`[“"]?(${alt(Object.keys(words.plans))})[”"]?(规划|时期|期间|以来|末|初|计划|目标)`, 'g'),
    make: (m) => ({ frame: true, period: () => ({ from: words.plans[m[1]!]![0], to: words.plans[m[1]!]![1] }) }),
  },
  { re: new RegExp(`[“"](${alt(Object.keys(words.plans))})[”"]`, 'g'), make: (m) => ({ frame: true, period: () => ({ from: words.plans[m[1]!]![0], to: words.plans[m[1]!]![1] }) }) },
  // 过去五年, 近三年, 这五年, 五年来
  {
    re: new RegExp(`(?:(${alt(words.spansBack)})${N}年|${N}年来)`, 'g'),
    make: (m) => {
      const n = count(m[2] ?? m[3]!);
      return { frame: n > 1, period: (r) => (r.year === null ? null : { from: r.year - n + 1, to: r.year }) };
    },
  },
  // 未来五年, 今后三年, 三年内, 用三年时间
  {
    re: new RegExp(`(?:(${alt(words.spansAhead)})${N}年|${N}年内)`, 'g'),
    make: (m) => {
      const n = count(m[2] ?? m[3]!);
      return { frame: false, period: (r) => (r.targetYear === null ? null : { from: r.targetYear, to: r.targetYear + n - 1 }) };
    },
  },
  // 今年, 去年, 明年 (counted from the year the report is written in)
  {
    re: new RegExp(`(${alt(Object.keys(words.relative))})`, 'g'),
    make: (m) => ({ frame: false, period: (r) => (r.currentYear === null ? null : { from: r.currentYear + words.relative[m[1]!]!, to: r.currentYear + words.relative[m[1]!]! }) }),
  },
];

const CONSECUTIVE = new RegExp(`连续${N}年`);
const RUNNING = new RegExp(`(${alt(words.running)})`);

/** 比2023年增长5%, 同2019年相比, 比去年增加: the year a change is measured from is not the year of the amount. */
function comparedWith(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  if (/(比|较)\s*$/.test(before)) return true;
  return /(同|与|和|跟)\s*$/.test(before) && /^\s*(同期)?(相比|比较)/.test(text.slice(end, end + 6));
}

/** Every statement of time in text[from, to), in order. */
export function timeStatements(text: string, from: number, to: number): TimeStatement[] {
  const out: TimeStatement[] = [];
  const raw = text.slice(from, to);
  if (!YEAR_MARKS.some((c) => raw.includes(c))) return out;
  const piece = asciiDigits(raw);
  const taken: Array<[number, number]> = [];
  for (const { re, make } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(piece); m !== null; m = re.exec(piece)) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && a < end)) continue;
      taken.push([start, end]);
      if (comparedWith(text, start, end)) continue;
      const { frame, period } = make(m);
      out.push({ start, end, frame, period });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export interface Stated {
  /** The years the text states for the amount, if it states any. */
  period: Period | null;
  /** 连续N年: the N years ending with the amount's year. */
  consecutive: number | null;
  /** 累计建成, 累计创建: a running total with no start. */
  running: boolean;
  /** Where the statement chosen stands. */
  at: { start: number; end: number } | null;
}

/** What a span of text states of time around an amount, whatever the amount's status. */
export interface Statements {
  chosen: TimeStatement | undefined;
  consecutive: number | null;
  running: boolean;
}

/**
 * What the text span [from, to) states of time for an amount at [at,
 * atEnd): the last statement of time before it, else the first after. Read
 * once per span: the status and the period of an amount both ask of it.
 */
export function statementsAround(text: string, from: number, to: number, at: number, atEnd: number): Statements {
  const found = timeStatements(text, from, to);
  const before = found.filter((s) => s.end <= atEnd).pop();
  const consecutive = CONSECUTIVE.exec(text.slice(from, atEnd));
  return {
    chosen: before ?? found.find((s) => s.start >= at),
    consecutive: consecutive ? count(consecutive[1]!) : null,
    running: RUNNING.test(text.slice(from, at)),
  };
}

/** The years those statements give an amount of this status. */
export function statedPeriod({ chosen, consecutive, running }: Statements, report: ReportInfo, status: Status): Stated {
  return {
    period: chosen?.period(report, status) ?? null,
    consecutive,
    running,
    at: chosen ? { start: chosen.start, end: chosen.end } : null,
  };
}
