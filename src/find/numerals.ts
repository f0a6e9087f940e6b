// Reading numbers written the many ways Chinese reports write them. Every
// reader here is a plain forward scan over the string: no regular expression
// backtracking, so adversarial input (long runs of 一二三…, digits with
// separators) costs linear time.

import { work } from '../work.js';
import { NUMERALS } from './words.js';

export interface ParsedNumber {
  value: number;
  /** High end when the numeral itself is a range, as in 五六百 (500–600), or the most a 十几 can be. */
  valueMax?: number | null;
  /** 十几, 数百: a digit is not given, the amount is over the value. */
  approx?: 'over';
  /** Written with 廿 or 卅, which only ever write days of the month. */
  dateOnly?: boolean;
  end: number;
  /** Written in Chinese numerals rather than digits. */
  chinese: boolean;
  /** The numeral as written, for rules that look at its shape (一, 二, 二〇二一). */
  raw: string;
}

const FULLWIDTH_ZERO = 0xff10;

/** Full-width digits (１９５６) as ASCII, one character for one, so offsets hold: what matches years and dates reads both. */
export function asciiDigits(s: string): string {
  return /[０-９]/.test(s) ? s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - FULLWIDTH_ZERO + 48)) : s;
}

export function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= FULLWIDTH_ZERO && c <= FULLWIDTH_ZERO + 9) return c - FULLWIDTH_ZERO;
  return -1;
}

export function isDigit(s: string, i: number): boolean {
  return digitAt(s, i) >= 0;
}

function isDecimalPoint(c: number): boolean {
  return c === 0x2e || c === 0xff0e; // . ．
}

function isThousandsSeparator(c: number, asciiOnly: boolean): boolean {
  return c === 0x2c || (c === 0xff0c && !asciiOnly); // , ，
}

/** The signs that introduce an amount written the Western way ($20, ￥300): after them a Chinese comma ends the amount ($20，300美圆 is two). */
const WESTERN_SIGNS = new Set(['$', '＄', '￥', '¥', '€', '£']);

/** Arabic or full-width digits with thousands separators and a decimal part. */
export function parseArabic(s: string, start: number): ParsedNumber | null {
  let i = start;
  if (!isDigit(s, i)) return null;
  const asciiOnly = WESTERN_SIGNS.has(s[start - 1] ?? '');
  // Up to 15 digits an integer is exact as a double: most amounts are read without building a string.
  let whole = 0;
  let count = 0;
  for (let d = digitAt(s, i); d >= 0; d = digitAt(s, ++i)) {
    whole = whole * 10 + d;
    count++;
  }
  // A separator only counts when exactly three digits follow (1,200 but not 3，5个).
  while (isThousandsSeparator(s.charCodeAt(i), asciiOnly) && isDigit(s, i + 1) && isDigit(s, i + 2) && isDigit(s, i + 3) && !isDigit(s, i + 4)) {
    whole = whole * 1000 + digitAt(s, i + 1) * 100 + digitAt(s, i + 2) * 10 + digitAt(s, i + 3);
    count += 3;
    i += 4;
  }
  const decimal = isDecimalPoint(s.charCodeAt(i)) && isDigit(s, i + 1);
  if (decimal) {
    i++;
    while (isDigit(s, i)) i++;
  }
  work.steps += i - start;
  const value = decimal || count > 15 ? Number(asciiNumber(s, start, i)) : whole;
  return { value, end: i, chinese: false, raw: s.slice(start, i) };
}

/** The number in [start, end) as ASCII digits and '.', separators dropped, for Number(). */
function asciiNumber(s: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const d = digitAt(s, i);
    if (d >= 0) out += String.fromCharCode(48 + d);
    else if (isDecimalPoint(s.charCodeAt(i))) out += '.';
  }
  return out;
}

const { digits: CHINESE_DIGITS, smallUnits: CHINESE_SMALL_UNITS, bigUnits: CHINESE_BIG_UNITS } = NUMERALS;

/** Value of each numeral character by code unit (-1: not one), so the readers below never look a character up by name. */
function valueTable(...maps: Array<Record<string, number>>): Float64Array {
  const table = new Float64Array(0x10000).fill(-1);
  for (const map of maps) for (const [ch, v] of Object.entries(map)) table[ch.charCodeAt(0)] = v;
  return table;
}
const DIGIT_VALUE = valueTable(CHINESE_DIGITS);
const SMALL_UNIT_VALUE = valueTable(CHINESE_SMALL_UNITS);
const BIG_UNIT_VALUE = valueTable(CHINESE_BIG_UNITS);
const NUMERAL_VALUE = valueTable(CHINESE_DIGITS, CHINESE_SMALL_UNITS, CHINESE_BIG_UNITS);

export function isChineseNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && NUMERAL_VALUE[ch.charCodeAt(0)]! >= 0;
}

/** End of the run of Chinese numeral characters from `start`: where parseChinese stops, unless 点 follows (七点五). */
export function chineseNumeralEnd(s: string, start: number): number {
  let i = start;
  while (i < s.length && (NUMERAL_VALUE[s.charCodeAt(i)]! >= 0 || isUnknownDigit(s.charCodeAt(i)) || DATE_DIGITS[s.charCodeAt(i)] !== undefined)) i++;
  return i;
}

function chineseDigitAt(s: string, i: number): number {
  return i < s.length ? DIGIT_VALUE[s.charCodeAt(i)]! : -1;
}

/** Digit-by-digit Chinese numerals (二〇二一) in [start, end) as ASCII digits. */
function chineseDigitsText(s: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) out += String.fromCharCode(48 + chineseDigitAt(s, i));
  return out;
}

/** Options of parseChinese. */
export interface ChineseOptions {
  /** Leave 万 and 亿 to the caller, so that 十余万 reads as 十 + 余 + 万 like 50余万 does. */
  stopAtBigUnit?: boolean;
  /** Whether a unit starts at i: a magnitude character there that no digit asks for belongs to the unit (一百千瓦 is 100 千瓦). */
  unitAt?: (i: number) => boolean;
  /** A magnitude may stand alone as one of itself (近万人, 上亿元): the caller saw a qualifier before it. */
  loneBigUnit?: boolean;
}

/** Pairs of digits written together for "this or that many" besides neighbours (五六百): 三五百, 一两天. */
const DIGIT_PAIRS = new Set(['3,5', '1,2']);

/** 几 and 数 stand for a digit not given (十几, 几十, 数百). */
function isUnknownDigit(c: number): boolean {
  return c === 0x51e0 /* 几 */ || c === 0x5e7e /* 幾 */ || c === 0x6570 /* 数 */ || c === 0x6578 /* 數 */;
}

const LIANG = new Set([0x4e24 /* 两 */, 0x5169 /* 兩 */]);
const DATE_DIGITS: Record<number, number> = { 0x5eff: 20 /* 廿 */, 0x5345: 30 /* 卅 */ };

/**
 * A Chinese numeral such as 三, 十五, 两千, 一百二十三, 二〇二一, 五六百,
 * 三五百, 十几, 几十, 数百, 七点五. 两 after a complete numeral is the unit
 * 两 (两万两, 三千两百两); 廿 and 卅 only ever write days of the month.
 */
export function parseChinese(s: string, start: number, options: ChineseOptions | boolean = {}): ParsedNumber | null {
  const opts: ChineseOptions = typeof options === 'boolean' ? { stopAtBigUnit: options } : options;
  let i = start;
  let total = 0; // completed 万/亿 groups
  let section = 0; // below 万
  let digit = -1; // pending digit
  let prevDigit = -1; // first of a pair of digits (五六百, 三五百)
  let rangeLow: number | null = null;
  let seenAny = false;
  let digitCount = 0; // digit characters read, for digit-by-digit numerals (二〇二一)
  let onlyDigits = true;
  let digitsSinceUnit = 0;
  let lastWasUnit = false;
  /** An unknown digit (几, 数): before a unit it is 1 to 10 of it, after one it adds up to ten of the last place. */
  let unknown: 'pending' | null = null;
  let unknownHigh = 0; // what the unknown digit adds at most, below 万
  let unknownTotalHigh = 0;
  let approxOver = false;
  let dateOnly = false;
  let lastUnit = 1;
  /** The last small unit of the group being read (千 then 百 then 十), 0 after a big unit. */
  let lastSmall = 0;
  /** The largest big unit read so far (万 or 亿). */
  let lastBig = 0;
  let lowAtBig: number | null = null;
  let highAtBig = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const date = DATE_DIGITS[c];
    if (date !== undefined) {
      dateOnly = true;
      section += date;
      seenAny = true;
      lastWasUnit = true;
      onlyDigits = false;
      continue;
    }
    if (isUnknownDigit(c)) {
      const next = s.charCodeAt(i + 1);
      const before = SMALL_UNIT_VALUE[s.charCodeAt(i - 1)]! >= 0 && i > start;
      const unitAfter = SMALL_UNIT_VALUE[next]! >= 0 || BIG_UNIT_VALUE[next]! >= 0;
      // 数 only leads (数十, 数百); 几 leads (几十) or trails a unit (十几, 二十几).
      const leads = unitAfter && digit < 0 && (c === 0x6570 || c === 0x6578 || c === 0x51e0 || c === 0x5e7e) && !(lastWasUnit && !unitAfter);
      const trails = before && (c === 0x51e0 || c === 0x5e7e);
      if (!leads && !trails) break;
      seenAny = true;
      approxOver = true;
      onlyDigits = false;
      if (leads && !trails) {
        unknown = 'pending';
        digit = 1;
      } else {
        unknownHigh = 10 * lastUnit; // 十几: the place below the last unit, up to ten of it more
        digit = -1;
        lastWasUnit = false;
      }
      continue;
    }
    const d = DIGIT_VALUE[c]!;
    if (d >= 0) {
      // 两 after a complete numeral (两万两, 三千两百两) or after a digit (二两) is the unit 两, not a digit.
      // (一两天 is one or two days.)
      if (LIANG.has(c) && seenAny && (lastWasUnit || (digit >= 0 && digit !== 1)) && !(SMALL_UNIT_VALUE[s.charCodeAt(i + 1)]! >= 0 || BIG_UNIT_VALUE[s.charCodeAt(i + 1)]! >= 0)) break;
      digitsSinceUnit++;
      if (digitsSinceUnit === 2 && digit > 0 && prevDigit < 0 && rangeLow === null && (d === digit + 1 || DIGIT_PAIRS.has(`${digit},${d}`))) prevDigit = digit;
      digit = d;
      digitCount++;
      seenAny = true;
      lastWasUnit = false;
      continue;
    }
    const u = SMALL_UNIT_VALUE[c]!;
    if (u >= 0) {
      // 一百千瓦: a magnitude no digit asks for, where a unit starts, is the unit's.
      if (seenAny && digit < 0 && opts.unitAt?.(i)) break;
      // 七十百分位: small units only fall within a group (千, then 百, then 十); one that rises ends the numeral.
      if (lastSmall > 0 && u >= lastSmall) break;
      lastSmall = u;
      onlyDigits = false;
      digitsSinceUnit = 0;
      if (prevDigit >= 0) {
        rangeLow = section + prevDigit * u;
        prevDigit = -1;
      }
      if (unknown === 'pending') {
        unknownHigh = 9 * u; // 几十: 10 to 100
        unknown = null;
      }
      section += (digit < 0 ? 1 : digit) * u;
      digit = -1;
      seenAny = true;
      lastWasUnit = true;
      lastUnit = u / 10;
      continue;
    }
    const big = BIG_UNIT_VALUE[c]!;
    if (big >= 0) {
      if (opts.stopAtBigUnit || (!seenAny && !(opts.loneBigUnit && i === start))) break;
      if (!seenAny) {
        digit = 1;
        seenAny = true;
      }
      if (digit < 0 && !lastWasUnit && unknownHigh === 0 && opts.unitAt?.(i)) break;
      onlyDigits = false;
      digitsSinceUnit = 0;
      if (unknown === 'pending') {
        unknownHigh = 9; // 几万: 1万 to 10万
        unknown = null;
      }
      const groupValue = section + (digit < 0 ? 0 : digit);
      // 八九亿: a pair of digits right before the big unit.
      if (prevDigit >= 0 && rangeLow === null) {
        rangeLow = section + prevDigit;
        prevDigit = -1;
      }
      // A smaller big unit after a larger one scales only its own group (三亿二千万: 3亿 + 2000万);
      // otherwise it scales all before it (一万亿 is 10^12).
      const scaleAll = lastBig === 0 || big >= lastBig;
      const scale = (before: number, group: number) => (scaleAll ? (before + group) * big : before + group * big);
      // The low end in full (五六百万: 500万) beside the high end: digits after both add to both.
      if (rangeLow !== null) lowAtBig = scale(lowAtBig ?? total, rangeLow);
      else if (lowAtBig !== null) lowAtBig = scale(lowAtBig, groupValue);
      rangeLow = null;
      unknownTotalHigh = scale(unknownTotalHigh, unknownHigh);
      unknownHigh = 0;
      total = scale(total, groupValue);
      highAtBig = total;
      lastBig = Math.max(lastBig, big);
      lastSmall = 0;
      section = 0;
      digit = -1;
      lastWasUnit = true;
      lastUnit = big / 10;
      continue;
    }
    break;
  }
  work.steps += i - start;
  if (!seenAny) return null;
  // Built field by field: spreading a shared base into each result was most of this function's time.
  const done = (n: ParsedNumber): ParsedNumber => {
    if (dateOnly) n.dateOnly = true;
    return n;
  };
  // 七点五, 三点二六: a Chinese decimal, read digit by digit after 点.
  if ((s[i] === '点' || s[i] === '點') && chineseDigitAt(s, i + 1) >= 0 && !LIANG.has(s.charCodeAt(i + 1)) && prevDigit < 0 && rangeLow === null && !approxOver) {
    const whole = onlyDigits && digitCount > 1 ? Number(chineseDigitsText(s, start, i)) : total + section + (digit < 0 ? 0 : digit);
    let j = i + 1;
    while (chineseDigitAt(s, j) >= 0 && !LIANG.has(s.charCodeAt(j))) j++;
    return done({ chinese: true, value: Number(`${whole}.${chineseDigitsText(s, i + 1, j)}`), end: j, raw: s.slice(start, j) });
  }
  const raw = s.slice(start, i);
  if (onlyDigits && digitCount > 1 && prevDigit < 0) {
    // 二〇二一: digits read one by one, as years are.
    return done({ chinese: true, value: Number(chineseDigitsText(s, start, i)), end: i, raw });
  }
  if (onlyDigits && prevDigit >= 0) {
    // 五六个, 三五家: a range of two bare digits.
    return done({ chinese: true, value: prevDigit, valueMax: digit, end: i, raw });
  }
  const value = total + section + (digit < 0 ? 0 : digit);
  if (approxOver) {
    // 十几 → over 10, at most 20; 几十万 → over 10万, at most 100万.
    return done({ chinese: true, value, valueMax: value + unknownTotalHigh + unknownHigh, end: i, raw, approx: 'over' });
  }
  if (prevDigit >= 0) {
    // 十五六: the last two digits form a range.
    const low = value - digit + prevDigit;
    return done({ chinese: true, value: low, valueMax: value, end: i, raw });
  }
  if (lowAtBig !== null) return done({ chinese: true, value: lowAtBig + (value - highAtBig), valueMax: value, end: i, raw });
  if (rangeLow !== null) return done({ chinese: true, value: rangeLow + total, valueMax: value, end: i, raw });
  return done({ chinese: true, value, end: i, raw });
}

export function parseNumber(s: string, start: number, options: ChineseOptions | boolean = {}): ParsedNumber | null {
  return parseArabic(s, start) ?? parseChinese(s, start, options);
}
