import { applyQualifierBefore, readAmountTail, round, type Mention } from './amount.js';
import { excludedReason } from './exclusions.js';
import { chineseNumeralEnd, isDigit, parseArabic, parseChinese, parseNumber, type ParsedNumber } from './numerals.js';
import { matchUnit, unitMayStartWith } from './units.js';
import { charTable, nextIn } from './char-scan.js';
import { charIn, isInside, type Span } from './spans.js';
import { NUMERALS, QUALIFIERS, qualifierList } from './words.js';

// Reads every number in the scanned ranges and keeps those that state an
// amount: a number with a unit, a fraction (三分之一, 1/4), a range, or a
// magnitude whose unit the context gives. Bare numbers are kept aside as
// possible list heads (2.16和1.66个百分点).

const NUMBER_START = charTable('0123456789０１２３４５６７８９', '零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟兩貳參陸');
const RANGE_SEPARATORS = NUMERALS.rangeSeparators;
const PRODUCT_SIGNS = NUMERALS.productSigns;
const SIGNS = NUMERALS.negativeSigns.join('');

export interface BareNumber {
  numberStart: number;
  numberEnd: number;
  value: number;
}

export interface QuantityScan {
  mentions: Mention[];
  bare: BareNumber[];
}

export function findQuantities(text: string, ranges: Span[], claimed: Span[]): QuantityScan {
  const mentions: Mention[] = [];
  const bare: BareNumber[] = [];
  for (const range of ranges) {
    let next = range.start;
    let at: number;
    while ((at = nextIn(NUMBER_START, text, next, range.end)) >= 0) {
      next = at + 1;
      if (isInside(claimed, at)) continue;
      // Most Chinese numerals (一是, 统一, 进一步) have nothing after them that could make an amount: skip them unread.
      if (!isDigit(text, at)) {
        const runEnd = chineseNumeralEnd(text, at);
        if (text[runEnd] !== '点' && !canFollowChinese(text, runEnd)) {
          next = runEnd;
          continue;
        }
      }
      const num = parseNumber(text, at);
      if (!num) continue;
      next = Math.max(num.end, at + 1);
      if (isInside(claimed, num.end - 1)) continue;
      if (num.chinese && !canFollowChinese(text, num.end)) continue;
      const mention = readMention(text, at, num);
      if (!mention) {
        if (!num.chinese && !isDigit(text, at - 1)) bare.push({ numberStart: at, numberEnd: num.end, value: num.value });
        continue;
      }
      // 5%-8%, 3万元至5万元: a range written with the unit on both ends.
      const high = rangeEnd(text, mention, range.end);
      if (high) {
        mention.valueMax = high.value;
        mention.approx = 'range';
        mention.end = high.end;
      }
      next = Math.max(next, mention.end);
      if (isInside(claimed, mention.end - 1)) continue;
      applySignAndQualifier(text, mention, range.start);
      if (excludedReason(text, mention)) continue;
      mentions.push(mention);
    }
  }
  return { mentions, bare };
}

const CHINESE_TAIL_STARTS = new Set(['分', '半', '余', '多', '万', '亿', '萬', '億', ' ', '\u3000', ...RANGE_SEPARATORS]);

function canFollowChinese(text: string, end: number): boolean {
  const ch = text[end];
  return ch !== undefined && (CHINESE_TAIL_STARTS.has(ch) || unitMayStartWith(ch));
}

function readMention(text: string, at: number, num: ParsedNumber): Mention | null {
  const arabic = !num.chinese;
  const end = num.end;
  // 三分之一, 百分之六十, 千分之三
  if (text.startsWith('分之', end)) return fraction(text, at, num, end + 2);
  // 一半: half, as in 减少一半
  if (num.raw === '一' && text[end] === '半') return percentMention(text, at, end, end + 1, 50, num);
  // 1/4, 1/3以上 (but not a date such as 2022/4/12)
  if (arabic && (text[end] === '/' || text[end] === '／') && isDigit(text, end + 1) && text[at - 1] !== '/') {
    const den = parseArabic(text, end + 1);
    if (den && den.value !== 0 && text[den.end] !== '/' && !/^[12]\d{3}$/.test(num.raw)) {
      return percentMention(text, at, end, den.end, (num.value / den.value) * 100, num);
    }
  }
  const scaled = arabic ? scaledRange(text, at, num) : null;
  if (scaled) return scaled;
  // 3-5个, 三到五年
  if (RANGE_SEPARATORS.includes(text[end] ?? '')) {
    const second = parseNumber(text, end + 1);
    if (second && second.chinese === num.chinese && second.value > num.value) {
      const tail = readAmountTail(text, at, second.end, { arabic, placeholder: false, value: num.value, valueMax: second.value, chinese: num.chinese });
      if (tail) return { ...tail, numberEnd: second.end, raw: text.slice(at, second.end) };
      return null;
    }
  }
  // 2×35万千瓦: a product
  if (arabic && PRODUCT_SIGNS.includes(text[end] ?? '') && isDigit(text, end + 1)) {
    const second = parseArabic(text, end + 1);
    if (second) {
      const tail = readAmountTail(text, at, second.end, { arabic, placeholder: false, value: num.value * second.value });
      if (tail) return { ...tail, raw: text.slice(at, second.end) };
    }
  }
  return readAmountTail(text, at, end, { arabic, placeholder: false, value: num.value, valueMax: num.valueMax ?? null, chinese: num.chinese });
}

const RANGE_MAGNITUDES = NUMERALS.magnitudes;

/** A magnitude character at `i` that is not the start of a unit (千米, 千瓦, 百分点 are units). */
function magnitudeAt(text: string, i: number): number | undefined {
  const m = RANGE_MAGNITUDES[text[i] ?? ''];
  return m !== undefined && !matchUnit(text, i, { arabic: true, numberStart: i }) ? m : undefined;
}

/** 3万-5万元, 2千至3千元, 1万～2万亩, 5千-1万元: both ends carry a magnitude and the unit follows the high end only. */
function scaledRange(text: string, at: number, low: ParsedNumber): Mention | null {
  const lowMagnitude = magnitudeAt(text, low.end);
  const sep = low.end + 1;
  if (lowMagnitude === undefined || !RANGE_SEPARATORS.includes(text[sep] ?? '')) return null;
  const high = parseArabic(text, sep + 1);
  const highMagnitude = high ? magnitudeAt(text, high.end) : undefined;
  if (!high || highMagnitude === undefined) return null;
  // The tail applies the high end's magnitude to both ends; the low end is rescaled to match.
  const value = (low.value * lowMagnitude) / highMagnitude;
  if (!(value < high.value)) return null;
  const tail = readAmountTail(text, at, high.end, { arabic: true, placeholder: false, value, valueMax: high.value });
  if (!tail) return null;
  return { ...tail, approx: tail.approx === 'exact' ? 'range' : tail.approx, numberEnd: high.end, raw: text.slice(at, high.end) };
}

/** The high end of a range whose low end already has its unit: the same unit must follow the second number. */
function rangeEnd(text: string, low: Mention, limit: number): { value: number; end: number } | null {
  const sep = text[low.end];
  if (low.value === null || low.valueMax !== null || !RANGE_SEPARATORS.includes(sep ?? '') || low.approxAfter) return null;
  const num = parseNumber(text, low.end + 1);
  if (!num || num.chinese !== low.chinese) return null;
  const high = readMention(text, low.end + 1, num);
  if (!high || high.unit !== low.unit || high.value === null || high.end > limit || high.value <= low.value) return null;
  return { value: high.value, end: high.end };
}

function fraction(text: string, at: number, den: ParsedNumber, numeratorStart: number): Mention | null {
  const num = parseChinese(text, numeratorStart) ?? parseArabic(text, numeratorStart);
  if (!num) return null;
  if (den.value === 1000) return percentMention(text, at, den.end, num.end, num.value, den, '‰');
  if (den.value === 100) return percentMention(text, at, den.end, num.end, num.value, den);
  if (den.value === 0) return null;
  return percentMention(text, at, den.end, num.end, (num.value / den.value) * 100, den);
}

const AFTER_WORDS = qualifierList(QUALIFIERS.after);

function percentMention(text: string, at: number, numberEnd: number, end: number, value: number, num: ParsedNumber, unit = '%'): Mention {
  let approx: Mention['approx'] = 'exact';
  let approxAfter = false;
  let afterWord = 0;
  for (const [w, a] of AFTER_WORDS) {
    if (text.startsWith(w, end)) {
      approx = a;
      approxAfter = true;
      afterWord = w.length;
      end += w.length;
      break;
    }
  }
  return {
    start: at, end, numberStart: at, numberEnd: end, value: round(value), valueMax: null, scale: 1,
    unit, unitAsWritten: (approxAfter ? text.slice(numberEnd, end - afterWord) : text.slice(numberEnd, end)) || unit,
    dimension: 'percent', approx, approxAfter, placeholder: false, per: null, chinese: num.chinese, raw: text.slice(at, end),
  };
}

function applySignAndQualifier(text: string, m: Mention, floor: number): void {
  const before = text[m.numberStart - 1] ?? '';
  const beforeSign = text[m.numberStart - 2] ?? '';
  const joinsRange = isDigit(text, m.numberStart - 2) || /[%‰％万亿千百元人个户亩吨米]/.test(beforeSign);
  if (charIn(SIGNS, before) && !joinsRange && m.value !== null) {
    m.value = -m.value;
    if (m.valueMax !== null) m.valueMax = -m.valueMax;
    m.start = m.numberStart - 1;
  }
  applyQualifierBefore(text, m, floor);
}
