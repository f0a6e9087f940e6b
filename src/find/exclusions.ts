import { readJsonDictionary, readListDictionary } from '../dictionaries.js';
import { tag } from '../context/jieba.js';
import type { Mention } from './amount.js';
import { isChineseNumeralChar, isDigit } from './numerals.js';
import { charIn, type Span } from './spans.js';
import { EXCLUSIONS } from './words.js';

// What EXTRACTION.md excludes: dates, ordinals, codes, set phrases and
// slogans. Each rule is a small predicate over a mention and its
// surroundings; `excludedReason` names the first that applies.

const fixedPhrases = readListDictionary('fixed-phrases.txt');

/** Spans of fixed phrases (十九大, 一村一品…) found in the text, by one scan per phrase start. */
const byFirst = new Map<string, string[]>();
for (const p of fixedPhrases) {
  const list = byFirst.get(p[0]!) ?? [];
  list.push(p);
  byFirst.set(p[0]!, list);
}
const LONGEST_PHRASE = Math.max(...fixedPhrases.map((p) => p.length));

/** Whether a fixed phrase (十九大, 一村一品…) overlaps the span: only the few starts that could reach it are tried. */
export function inFixedPhrase(text: string, span: Span): boolean {
  for (let p = Math.max(0, span.start - LONGEST_PHRASE + 1); p < span.end; p++) {
    const list = byFirst.get(text[p]!);
    if (!list) continue;
    for (const phrase of list) if (p + phrase.length > span.start && text.startsWith(phrase, p)) return true;
  }
  return false;
}

const LATIN = /[A-Za-z]/;
const CLAUSE_END = /[，,。；;！!？?、：:\n\r）)”"」』]/;
const CHINESE_SINGLE = /[一二两三四五六七八九十百千万]/;
const QUOTES: Array<[string, string]> = [['“', '”'], ['"', '"'], ['「', '」'], ['『', '』'], ['‘', '’']];
/** What makes a lone 一 + measure word count something real rather than read as "a" (一项长期任务). */
const ONE_NEEDS = EXCLUSIONS.oneNeeds;
/** 一批 is "a number of", never a count. */
const VAGUE_ONE = EXCLUSIONS.vagueOne;

/** 2021年, 二〇二一年, and ranges of years (2021—2025年): the first number decides. */
function isYearLike(m: Mention): boolean {
  if (m.chinese) return /^[〇零一二三四五六七八九]{4}(?![〇零一二三四五六七八九])/.test(m.raw);
  // 20142020年: a range of years whose dash a PDF's text layer lost.
  if (/^(19|20)\d{2}(19|20)\d{2}$/.test(m.raw) && Number(m.raw.slice(4)) >= Number(m.raw.slice(0, 4))) return true;
  return /^[12１２][\d０-９]{3}(?![\d０-９])/.test(m.raw);
}

/** 十四届六次、七次、八次全会: a list of sessions is a list of ordinals. */
function isSessionList(text: string, m: Mention): boolean {
  if (m.unit !== '次' && m.unit !== '届') return false;
  const ahead = text.slice(m.end, m.end + 24);
  return /^([、和及][一二三四五六七八九十\d０-９]+[次届])*[、和及]?[一二三四五六七八九十\d０-９]*[次届]?(全会|全体会议|会议|代表大会|党代会)/.test(ahead) && /[届次、]$/.test(text.slice(Math.max(0, m.numberStart - 1), m.numberStart));
}

/** Inside a short quotation (“四个意识”, “五天四夜”): a slogan, not an amount. */
function inShortQuote(text: string, m: Mention): boolean {
  // Only a few characters around the mention are looked at, so this stays linear on any text.
  const from = Math.max(0, m.start - 8);
  const before = text.slice(from, m.start);
  const after = text.slice(m.end, m.end + 10);
  for (const [open, close] of QUOTES) {
    const oi = before.lastIndexOf(open);
    if (oi < 0) continue;
    const o = from + oi;
    const ci = after.indexOf(close);
    if (ci < 0) continue;
    const c = m.end + ci;
    if (c - o > 10) continue;
    const between = text.slice(o + 1, c);
    if (!between.includes(close) && !/[，。；]/.test(between)) return true;
  }
  return false;
}

/** 五天四夜, 两推一选, 五个一批: numerals answering each other across a few characters. */
function isNumeralPattern(text: string, m: Mention): boolean {
  for (let i = m.end; i < m.end + 3 && i < text.length; i++) {
    if (CLAUSE_END.test(text[i]!)) break;
    if (CHINESE_SINGLE.test(text[i]!)) return true;
  }
  for (let i = m.numberStart - 2; i >= m.numberStart - 3 && i >= 0; i--) {
    if (CLAUSE_END.test(text[i]!) || CLAUSE_END.test(text[i + 1]!)) break;
    if (CHINESE_SINGLE.test(text[i]!)) return true;
  }
  return false;
}

const sloganShapes = readJsonDictionary<{ tags: string[]; tails: string[]; processNouns: string[] }>('slogan-shapes.json');
const SLOGAN_TAGS = new Set(sloganShapes.tags);

/** 两个确保, 三个转变: 个 followed by one verb or adjective that closes the phrase. */
function isCountedSlogan(text: string, m: Mention): boolean {
  if (m.unitAsWritten !== '个') return false;
  const clause = text.slice(m.end, m.end + 12).split(/[，,。；;：:、\n）)“”"]/)[0]!;
  if (clause === '') return false;
  const tokens = tag(clause);
  const first = tokens[0];
  if (!first || !SLOGAN_TAGS.has(first.tag)) return false;
  const rest = tokens.slice(1).map((t) => t.word).join('');
  return rest === '' || sloganShapes.tails.some((t) => rest.startsWith(t));
}

/** 推动两个转型, 实现三个融合: 个 before a noun that names a change or a way of working, closing the phrase. */
function isProcessSlogan(text: string, m: Mention): boolean {
  if (m.unitAsWritten !== '个') return false;
  const rest = text.slice(m.end, m.end + 8);
  const noun = sloganShapes.processNouns.find((w) => rest.startsWith(w));
  return noun !== undefined && (rest.length === noun.length || CLAUSE_END.test(rest[noun.length]!) || /[、和”"）)]/.test(rest[noun.length]!));
}

/** 二期工程, （三期）, 一期、二期: a numeral + 期 that names a project's phase. */
function isPhase(text: string, m: Mention): boolean {
  if (m.unitAsWritten !== '期') return false;
  const after = text.slice(m.end, m.end + 3);
  const phase = EXCLUSIONS.phaseAfter.find((w) => after.startsWith(w));
  if (phase === undefined) return false;
  // 培训3期、参训200人: an Arabic count in a list; only 一期、二期 (or 1期、2期) chains phases.
  if (phase === '、') return /^、[一二三四五六七八九十\d]+期/.test(after + text.slice(m.end + 3, m.end + 6));
  return m.chinese || phase === '工程' || phase === '项目';
}

/** 三元乳业, 二元结构: a Chinese numeral + 元 that runs into a noun is a name or a term, not money. */
function isYuanName(text: string, m: Mention): boolean {
  if (!m.chinese || m.unitAsWritten !== '元' || m.value === null || m.value > 10) return false;
  if (!/[\u3400-\u9fff]/.test(text[m.end] ?? '')) return false;
  const next = tag(text.slice(m.numberStart, m.end + 6)).slice(1)[0];
  return next !== undefined && next.word.length >= 2 && EXCLUSIONS.nameAfterYuan.includes(next.tag);
}

/** Dimensions counted with measure words (个, 项, 家, 户, 名), as opposed to units of measurement; a lone 一 with a span of time (一年, 这一年) names a period. */
const MEASURE_WORDS = new Set(['count', 'events', 'organizations', 'households', 'persons', 'person_times']);

/** 2.2本计划, 3.1个: things counted with a measure word come in whole numbers; a decimal there numbers a section. */
function isDecimalCount(text: string, m: Mention): boolean {
  if (!MEASURE_WORDS.has(m.dimension) || m.value === null || Number.isInteger(m.value) || (m.magnitude ?? 1) !== 1 || m.chinese) return false;
  // An average may be a fraction of a thing (每百户拥有汽车21.5辆, 每千人口托位数4.5个).
  return !/(每|平均|人均|户均|年均|均)/.test(text.slice(Math.max(0, m.numberStart - 30), m.numberStart).split(/[。；;\n]/).pop()!);
}

/** 10000与20000间: 间 after a second number is "between", not rooms. */
function isBetween(text: string, m: Mention): boolean {
  return m.unit === '间' && /[\d一二三四五六七八九十百千万亿][与和及至到]$/.test(text.slice(Math.max(0, m.numberStart - 2), m.numberStart));
}

export type ExclusionReason =
  | 'date' | 'ordinal' | 'code' | 'fixed-phrase' | 'slogan' | 'name' | 'time' | 'weak-one';

/** 7月5日, 三月四日, 5日至6日: a day of the month is a date, not a span of days. */
function isDayOfMonth(text: string, m: Mention): boolean {
  if (m.unit !== '天' || !m.unitAsWritten.startsWith('日')) return false;
  const before = text.slice(Math.max(0, m.numberStart - 3), m.numberStart);
  return /月\s?$/.test(before) || /日\s?[至到—\-–~～、和及与]\s?$/.test(before);
}

/** 零年零月: nothing is never an amount. */
function isZero(m: Mention): boolean {
  return m.chinese && /^[零〇]+$/.test(m.raw);
}

export function excludedReason(text: string, m: Mention, num?: { dateOnly?: boolean }): ExclusionReason | null {
  const before = text[m.numberStart - 1] ?? '';
  const after = text[m.numberEnd] ?? '';
  if (m.unit === '年' && isYearLike(m)) return 'date';
  if (num?.dateOnly || isDayOfMonth(text, m)) return 'date';
  if (isSessionList(text, m)) return 'ordinal';
  if (isZero(m)) return 'name';
  if (isDecimalCount(text, m)) return 'ordinal';
  if (isBetween(text, m)) return 'name';
  if (isPhase(text, m)) return 'ordinal';
  // 第 3 条, 第 十 章: an ordinal, spaced as some typesetting does.
  if (/第[ \u3000\u00a0]{1,2}$/.test(text.slice(Math.max(0, m.numberStart - 3), m.numberStart))) return 'ordinal';
  if (before === '第' || before === '届' || (before === '前' && m.dimension === 'persons')) return 'ordinal';
  if (!m.chinese) {
    if (LATIN.test(before) || (LATIN.test(after) && !/^[A-Za-z]/.test(m.unitAsWritten))) return 'code';
    if (charIn('+＋', before) || charIn('+＋', after)) return 'code';
    if ((before === ':' || before === '：') && isDigit(text, m.numberStart - 2)) return 'time';
    if (m.unit === '分' && /[时点:：]$/.test(text.slice(m.numberStart - 1, m.numberStart))) return 'time';
  }
  if (m.chinese && inFixedPhrase(text, m)) return 'fixed-phrase';
  if (m.chinese) {
    if ((m.raw === '二' || m.raw === '貳' || m.raw === '贰') && m.unit !== '两') return 'ordinal'; // counting says 两; 二次, 二轮 are ordinals (but 二两 is two taels)
    if (/^[百千万佰仟萬]/.test(m.raw) && m.approx === 'exact' && m.dimension !== 'percent') return 'name'; // 千亩蔬菜产业园, 万亩良田
    if (inShortQuote(text, m) || isNumeralPattern(text, m) || isCountedSlogan(text, m) || isProcessSlogan(text, m)) return 'slogan';
    if (isYuanName(text, m)) return 'name';
    // A lone 一 before a measure word reads as "a" (一项长期任务); before a unit of measurement (近一吨) it is an amount.
    if ((m.raw === '一' || m.raw === '壹') && (MEASURE_WORDS.has(m.dimension) || m.dimension === 'duration')) {
      const next = text[m.end] ?? '\n';
      const window = text.slice(Math.max(0, m.numberStart - 4), m.numberStart);
      if (VAGUE_ONE.includes(m.unitAsWritten)) return 'weak-one';
      // 这一年, 过去一年, 新的一年 name a period; 提前一年, 用一年时间 measure one.
      if (m.dimension === 'duration') {
        if (!EXCLUSIONS.oneSpanNeeds.some((w) => window.includes(w))) return 'weak-one';
      } else if (!CLAUSE_END.test(next) && !ONE_NEEDS.some((w) => window.includes(w))) return 'weak-one';
    }
  }
  if (isChineseNumeralChar(before) && !m.chinese) return 'name';
  return null;
}
