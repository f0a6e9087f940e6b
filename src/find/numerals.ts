// Reading numbers written the many ways Chinese reports write them. Every
// reader here is a plain forward scan over the string: no regular expression
// backtracking, so adversarial input (long runs of 一二三…, digits with
// separators) costs linear time.

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

const DECIMAL_POINTS = new Set(['.', '．']);
const THOUSANDS = new Set([',', '，']);

/** Arabic or full-width digits with thousands separators and a decimal part. */
export function parseArabic(s: string, start: number): ParsedNumber | null {
  let i = start;
  if (!isDigit(s, i)) return null;
  let digits = '';
  while (isDigit(s, i)) digits += String(digitAt(s, i++));
  // A separator only counts when exactly three digits follow (1,200 but not 3，5个).
  while (THOUSANDS.has(s[i] ?? '') && isDigit(s, i + 1) && isDigit(s, i + 2) && isDigit(s, i + 3) && !isDigit(s, i + 4)) {
    digits += String(digitAt(s, i + 1)) + String(digitAt(s, i + 2)) + String(digitAt(s, i + 3));
    i += 4;
  }
  let text = digits;
  if (DECIMAL_POINTS.has(s[i] ?? '') && isDigit(s, i + 1)) {
    text += '.';
    i++;
    while (isDigit(s, i)) text += String(digitAt(s, i++));
  }
  return { value: Number(text), end: i, chinese: false, raw: s.slice(start, i) };
}

export const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9, 兩: 2,
};
export const CHINESE_SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
export const CHINESE_BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

const CHINESE_NUMERAL_CHARS = new Set([...Object.keys(CHINESE_DIGITS), ...Object.keys(CHINESE_SMALL_UNITS), ...Object.keys(CHINESE_BIG_UNITS)]);

export function isChineseNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && CHINESE_NUMERAL_CHARS.has(ch);
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
  let digitRun = ''; // digit-by-digit numerals (二〇二一)
  let onlyDigits = true;
  let digitsSinceUnit = 0;
  for (; i < s.length; i++) {
    const ch = s[i]!;
    if (ch in CHINESE_DIGITS) {
      const d = CHINESE_DIGITS[ch]!;
      digitsSinceUnit++;
      if (digitsSinceUnit === 2 && digit > 0 && prevDigit < 0 && d === digit + 1 && rangeLow === null) {
        // 五六 followed by a unit: a range of two neighbouring digits.
        prevDigit = digit;
        digit = d;
        digitRun += String(d);
        seenAny = true;
        continue;
      }
      if (digit >= 0 && onlyDigits) {
        digitRun += String(d);
        digit = d;
        seenAny = true;
        continue;
      }
      digit = d;
      digitRun += String(d);
      seenAny = true;
      continue;
    }
    if (ch in CHINESE_SMALL_UNITS) {
      onlyDigits = false;
      digitsSinceUnit = 0;
      const u = CHINESE_SMALL_UNITS[ch]!;
      if (prevDigit >= 0) {
        rangeLow = section + prevDigit * u;
        prevDigit = -1;
      }
      section += (digit < 0 ? 1 : digit) * u;
      digit = -1;
      seenAny = true;
      continue;
    }
    if (ch in CHINESE_BIG_UNITS) {
      if (stopAtBigUnit || !seenAny) break;
      onlyDigits = false;
      digitsSinceUnit = 0;
      const u = CHINESE_BIG_UNITS[ch]!;
      const groupValue = section + (digit < 0 ? 0 : digit);
      if (rangeLow !== null) rangeLow = (total + rangeLow) * u;
      total = (total + groupValue) * u;
      section = 0;
      digit = -1;
      continue;
    }
    break;
  }
  if (!seenAny) return null;
  // 七点五, 三点二六: a Chinese decimal, read digit by digit after 点.
  if (s[i] === '点' && digitOf(s[i + 1]) >= 0 && prevDigit < 0 && rangeLow === null) {
    const whole = onlyDigits && digitRun.length > 1 ? Number(digitRun) : total + section + (digit < 0 ? 0 : digit);
    let j = i + 1;
    let fraction = '';
    while (digitOf(s[j]) >= 0) fraction += String(digitOf(s[j++]));
    return { value: Number(`${whole}.${fraction}`), end: j, chinese: true, raw: s.slice(start, j) };
  }
  const raw = s.slice(start, i);
  if (onlyDigits && digitRun.length > 1 && prevDigit < 0) {
    // 二〇二一: digits read one by one, as years are.
    return { value: Number(digitRun), end: i, chinese: true, raw };
  }
  let value: number;
  if (onlyDigits && prevDigit >= 0) {
    // 五六个: a range of two bare digits.
    return { value: prevDigit, valueMax: digit, end: i, chinese: true, raw };
  }
  value = total + section + (digit < 0 ? 0 : digit);
  if (prevDigit >= 0) {
    // 十五六: the last two digits form a range.
    const low = value - digit + prevDigit;
    return { value: low, valueMax: value, end: i, chinese: true, raw };
  }
  if (rangeLow !== null) return { value: rangeLow + total, valueMax: value, end: i, chinese: true, raw };
  return { value, end: i, chinese: true, raw };
}

function digitOf(ch: string | undefined): number {
  return ch !== undefined && ch in CHINESE_DIGITS ? CHINESE_DIGITS[ch]! : -1;
}

export function parseNumber(s: string, start: number, stopAtBigUnit = false): ParsedNumber | null {
  return parseArabic(s, start) ?? parseChinese(s, start, stopAtBigUnit);
}
