import { readAmountTail, round, type Mention } from './amount.js';
import { parseArabic, parseChinese, type ParsedNumber } from './numerals.js';
import { NUMERALS } from './words.js';

// Ranges: 3-5个, 三到五年, 20 – 100个, 1万元--5万元, 5%-8%, and a magnitude
// or unit written once after the high end that both ends take: 两到三万人,
// 3-5万元, 十八至三十万元, 一千到两千万元, 两~3百日元, 10~15k元. A dash
// between two amounts is never a minus sign.

const SEPARATORS = [...NUMERALS.rangeSeparators, '--', '——', '–', '〜', '―'].sort((a, b) => b.length - a.length);
const SPACE = /[ \u00a0\u3000]/;
/** （含）after the low end: 1万(含)-5万元. */
const INCLUSIVE = /^[（(]含[)）]/;

/** Where the high end starts when a range separator stands at `at` (spaces allowed around it), else -1. */
export function separatorEnd(text: string, at: number): number {
  let i = at;
  if (SPACE.test(text[i] ?? '')) i++;
  const inclusive = INCLUSIVE.exec(text.slice(i, i + 4));
  if (inclusive) i += inclusive[0].length;
  const sep = SEPARATORS.find((s) => text.startsWith(s, i));
  if (!sep) return -1;
  i += sep.length;
  if (SPACE.test(text[i] ?? '')) i++;
  return i;
}

/** The high end: digits or Chinese numerals, either script whatever the low end's (两~3百), big units left to the tail. */
function readHigh(text: string, at: number): ParsedNumber | null {
  return parseArabic(text, at) ?? parseChinese(text, at, { stopAtBigUnit: true });
}

/** What the written place of a Chinese numeral's first digit is worth: 三仟 → 1000, 九百 → 100, 三十五 → 1 (more than one digit). */
function leadingPlace(num: ParsedNumber): number {
  if (!num.chinese || num.value <= 0) return 1;
  const place = 10 ** Math.floor(Math.log10(num.value));
  return num.value % place === 0 && num.value / place < 10 ? place : 1;
}

/**
 * A range whose low end is a bare number: the magnitude and unit after the
 * high end apply to both (the low end takes them only if it stays below the
 * high end: 从8500到3万 is 8500 to 30000). A single-digit low end takes the
 * high end's place as well (两到三仟 → 2000 to 3000, 八到九百亿 → 800亿 to 900亿).
 */
export function bareLowRange(text: string, at: number, low: ParsedNumber, limit: number): Mention | null {
  if (low.valueMax != null) return null;
  const highStart = separatorEnd(text, low.end);
  if (highStart < 0 || highStart >= limit) return null;
  return sharedTail(text, at, low, highStart, limit) ?? wholeHigh(text, at, low, highStart, limit);
}

/** 四亿六千八百万至四亿七千五百万吨: the high end a whole numeral, the unit after it. */
function wholeHigh(text: string, at: number, low: ParsedNumber, highStart: number, limit: number): Mention | null {
  const high = parseArabic(text, highStart) ?? parseChinese(text, highStart);
  if (!high || high.valueMax != null) return null;
  const tail = readAmountTail(text, at, high.end, { arabic: !high.chinese, placeholder: false, value: high.value, chinese: low.chinese && high.chinese });
  if (!tail || tail.end > limit) return null;
  const lowValue = round(low.value * (tail.scale / (tail.magnitude ?? 1)));
  if (!(lowValue < tail.value!)) return null;
  return { ...tail, value: lowValue, valueMax: tail.value, approx: tail.approxAfter ? tail.approx : 'range', numberEnd: high.end, raw: text.slice(at, high.end) };
}

function sharedTail(text: string, at: number, low: ParsedNumber, highStart: number, limit: number): Mention | null {
  const high = readHigh(text, highStart);
  if (!high || high.valueMax != null) return null;
  const tail = readAmountTail(text, at, high.end, { arabic: !high.chinese, placeholder: false, value: high.value, chinese: low.chinese && high.chinese });
  if (!tail || tail.end > limit) return null;
  const highValue = tail.value!;
  const singleDigit = low.chinese ? /^[一二三四五六七八九两兩壹贰叁肆伍陆柒捌玖]$/.test(low.raw) : /^\d$/.test(low.raw);
  const place = singleDigit ? leadingPlace(high) : 1;
  let lowValue = round(low.value * place * tail.scale);
  if (!(lowValue < highValue)) lowValue = round(low.value * (tail.scale / (tail.magnitude ?? 1)));
  if (!(lowValue < highValue)) return null;
  return { ...tail, value: lowValue, valueMax: highValue, approx: tail.approxAfter ? tail.approx : 'range', numberEnd: high.end, raw: text.slice(at, high.end) };
}

/** 3万-5万元, 2千至3千元, 5千-1万元: both ends carry a magnitude and the unit follows the high end only. */
export function scaledRange(text: string, at: number, low: ParsedNumber, magnitudes: Record<string, number>, limit: number): Mention | null {
  const lowMagnitude = magnitudes[text[low.end] ?? ''];
  if (lowMagnitude === undefined) return null;
  const highStart = separatorEnd(text, low.end + 1);
  if (highStart < 0 || highStart >= limit) return null;
  const high = readHigh(text, highStart);
  const highMagnitude = high ? magnitudes[text[high.end] ?? ''] : undefined;
  if (!high || highMagnitude === undefined) return null;
  const tail = readAmountTail(text, at, high.end, { arabic: !high.chinese, placeholder: false, value: high.value });
  if (!tail || tail.end > limit) return null;
  const lowValue = round(low.value * lowMagnitude * (tail.scale / highMagnitude));
  if (!(lowValue < tail.value!)) return null;
  return { ...tail, value: lowValue, valueMax: tail.value, approx: tail.approx === 'exact' ? 'range' : tail.approx, numberEnd: high.end, raw: text.slice(at, high.end) };
}
