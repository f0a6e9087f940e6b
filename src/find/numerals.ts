// Reading numbers written the many ways Chinese reports write them. Every
// reader here is a plain forward scan over the string: no regular expression
// backtracking, so adversarial input (long runs of 一二三…, digits with
// separators) costs linear time.

import { work } from '../work.js';
import { NUMERALS } from './words.js';

export interface ParsedNumber {
  value: number;
  /** High end when the numeral itself is a range, as in 五六百 (500–600). */
  valueMax?: number;
  end: number;
  /** Written in Chinese numerals rather than digits. */
  chinese: boolean;
  /** The numeral as written, for rules that look at its shape (一, 二, 二〇二一). */
  raw: string;
}

const FULLWIDTH_ZERO = 0xff10;

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

function isThousandsSeparator(c: number): boolean {
  return c === 0x2c || c === 0xff0c; // , ，
}

/** Arabic or full-width digits with thousands separators and a decimal part. */
export function parseArabic(s: string, start: number): ParsedNumber | null {
  let i = start;
  if (!isDigit(s, i)) return null;
  // Up to 15 digits an integer is exact as a double: most amounts are read without building a string.
  let whole = 0;
  let count = 0;
  for (let d = digitAt(s, i); d >= 0; d = digitAt(s, ++i)) {
    whole = whole * 10 + d;
    count++;
  }
  // A separator only counts when exactly three digits follow (1,200 but not 3，5个).
  while (isThousandsSeparator(s.charCodeAt(i)) && isDigit(s, i + 1) && isDigit(s, i + 2) && isDigit(s, i + 3) && !isDigit(s, i + 4)) {
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
  while (i < s.length && NUMERAL_VALUE[s.charCodeAt(i)]! >= 0) i++;
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

/**
 * A Chinese numeral such as 三, 十五, 两千, 一百二十三, 二〇二一, 五六百.
 * Big units (万, 亿) are left to the caller when `stopAtBigUnit` is set, so
 * that 十余万 reads as 十 + 余 + 万 like 50余万 does.
 */
export function parseChinese(s: string, start: number, stopAtBigUnit = false): ParsedNumber | null {
  let i = start;
  let total = 0; // completed 万/亿 groups
  let section = 0; // below 万
  let digit = -1; // pending digit
  let prevDigit = -1; // for adjacent-digit ranges (五六百)
  let rangeLow: number | null = null;
  let seenAny = false;
  let digitCount = 0; // digit characters read, for digit-by-digit numerals (二〇二一)
  let onlyDigits = true;
  let digitsSinceUnit = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = DIGIT_VALUE[c]!;
    if (d >= 0) {
      digitsSinceUnit++;
      // 五六 followed by a unit: a range of two neighbouring digits.
      if (digitsSinceUnit === 2 && digit > 0 && prevDigit < 0 && d === digit + 1 && rangeLow === null) prevDigit = digit;
      digit = d;
      digitCount++;
      seenAny = true;
      continue;
    }
    const u = SMALL_UNIT_VALUE[c]!;
    if (u >= 0) {
      onlyDigits = false;
      digitsSinceUnit = 0;
      if (prevDigit >= 0) {
        rangeLow = section + prevDigit * u;
        prevDigit = -1;
      }
      section += (digit < 0 ? 1 : digit) * u;
      digit = -1;
      seenAny = true;
      continue;
    }
    const big = BIG_UNIT_VALUE[c]!;
    if (big >= 0) {
      if (stopAtBigUnit || !seenAny) break;
      onlyDigits = false;
      digitsSinceUnit = 0;
      const groupValue = section + (digit < 0 ? 0 : digit);
      if (rangeLow !== null) rangeLow = (total + rangeLow) * big;
      total = (total + groupValue) * big;
      section = 0;
      digit = -1;
      continue;
    }
    break;
  }
  work.steps += i - start;
  if (!seenAny) return null;
  // 七点五, 三点二六: a Chinese decimal, read digit by digit after 点.
  if (s[i] === '点' && chineseDigitAt(s, i + 1) >= 0 && prevDigit < 0 && rangeLow === null) {
    const whole = onlyDigits && digitCount > 1 ? Number(chineseDigitsText(s, start, i)) : total + section + (digit < 0 ? 0 : digit);
    let j = i + 1;
    while (chineseDigitAt(s, j) >= 0) j++;
    return { value: Number(`${whole}.${chineseDigitsText(s, i + 1, j)}`), end: j, chinese: true, raw: s.slice(start, j) };
  }
  const raw = s.slice(start, i);
  if (onlyDigits && digitCount > 1 && prevDigit < 0) {
    // 二〇二一: digits read one by one, as years are.
    return { value: Number(chineseDigitsText(s, start, i)), end: i, chinese: true, raw };
  }
  if (onlyDigits && prevDigit >= 0) {
    // 五六个: a range of two bare digits.
    return { value: prevDigit, valueMax: digit, end: i, chinese: true, raw };
  }
  const value = total + section + (digit < 0 ? 0 : digit);
  if (prevDigit >= 0) {
    // 十五六: the last two digits form a range.
    const low = value - digit + prevDigit;
    return { value: low, valueMax: value, end: i, chinese: true, raw };
  }
  if (rangeLow !== null) return { value: rangeLow + total, valueMax: value, end: i, chinese: true, raw };
  return { value, end: i, chinese: true, raw };
}

export function parseNumber(s: string, start: number, stopAtBigUnit = false): ParsedNumber | null {
  return parseArabic(s, start) ?? parseChinese(s, start, stopAtBigUnit);
}
