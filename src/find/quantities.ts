import { applyQualifierBefore, qualifierBefore, readAmountTail, round, type Mention } from './amount.js';
import { excludedReason } from './exclusions.js';
import { chineseNumeralEnd, isDigit, parseArabic, parseNumber, type ParsedNumber } from './numerals.js';
import { bareLowRange, scaledRange, separatorEnd } from './ranges.js';
import { fraction, half, halfShare, magnitudeFraction, slashFraction, tenths } from './shares.js';
import { CURRENCY_BEFORE, matchUnit, unitMayStartWith, type UnitEntry } from './units.js';
import { charTable, nextIn } from './char-scan.js';
import { charIn, isInside, type Span } from './spans.js';
import { NUMERALS } from './words.js';

// Reads every number in the scanned ranges and keeps those that state an
// amount: a number with a unit, a share (三分之一, 九成, 八五折, 1/4), a
// range, or a magnitude whose unit the context gives. Bare numbers are kept
// aside as possible list heads (2.16和1.66个百分点).

const NUMBER_START = charTable('0123456789０１２３４５６７８９', '零〇一二两三四五六七八九十百千万亿萬億壹贰叁肆伍陆柒捌玖拾佰仟兩貳參陸几幾数數廿卅', '半对對');
const PRODUCT_SIGNS = NUMERALS.productSigns;
const SIGNS = NUMERALS.negativeSigns.join('');
const MAGNITUDES = NUMERALS.magnitudes;

/** A number with no unit of its own (2.16 in 2.16和1.66个百分点, 10万 in 10万、30万吨): a list item the next amount may give its unit. */
export interface BareNumber {
  /** Where its sign starts, if it has one (-2 in -2、3和5个百分点); else numberStart. */
  start: number;
  numberStart: number;
  numberEnd: number;
  /** After the magnitude written with it (10万), if any. */
  end: number;
  /** Signed, before the magnitude. */
  value: number;
  /** 1 unless a magnitude follows the number. */
  magnitude: number;
}

export interface QuantityScan {
  mentions: Mention[];
  bare: BareNumber[];
}

/** Characters after a Chinese numeral that may begin an amount's tail (the rest of 一是, 统一, 进一步 is skipped unread). */
const CHINESE_TAIL_STARTS = new Set(['分', '半', '余', '多', '万', '亿', '萬', '億', ' ', '\u3000', '点', '點', '成', '折', '几', '幾', '又', '（', '(', ...NUMERALS.rangeSeparators, '–', '〜']);

function digitsEnd(text: string, at: number): number {
  let i = at;
  while (isDigit(text, i)) i++;
  return i;
}

function canFollowChinese(text: string, end: number): boolean {
  const ch = text[end];
  return ch !== undefined && (CHINESE_TAIL_STARTS.has(ch) || unitMayStartWith(ch));
}

export function findQuantities(text: string, ranges: Span[], claimed: Span[]): QuantityScan {
  const mentions: Mention[] = [];
  const bare: BareNumber[] = [];
  const unitAt = (i: number) => matchUnit(text, i, { arabic: false, numberStart: i }) !== null;
  for (const range of ranges) {
    let next = range.start;
    let at: number;
    while ((at = nextIn(NUMBER_START, text, next, range.end)) >= 0) {
      next = at + 1;
      if (isInside(claimed, at)) continue;
      // 第一条, 第3款: an ordinal, never an amount; laws hold thousands, so they are passed over unread.
      if (text[at - 1] === '第') {
        next = isDigit(text, at) ? digitsEnd(text, at) : Math.max(at + 1, parseNumber(text, at)?.end ?? at + 1);
        continue;
      }
      // 1 9 9 8 年: a digit after a digit and a space is inside a number spaced out, read from its first digit.
      if (text[at - 1] === ' ' && isDigit(text, at - 2) && isDigit(text, at)) continue;
      const word = spacedShare(text, at, range.end) ?? wordAmount(text, at);
      if (word) {
        next = Math.max(next, word.end);
        if (word.end > range.end || isInside(claimed, word.end - 1)) continue;
        const high = rangeEnd(text, word, range.end);
        if (high) {
          word.valueMax = high.value;
          word.approx = 'range';
          word.end = high.end;
          next = Math.max(next, word.end);
        }
        applyQualifierBefore(text, word, range.start);
        mentions.push(word);
        continue;
      }
      // Most Chinese numerals (一是, 统一, 进一步) have nothing after them that could make an amount: skip them unread.
      if (!isDigit(text, at)) {
        const runEnd = chineseNumeralEnd(text, at);
        if (runEnd === at) continue;
        // (A run may end in the unit 两: 两万两, 三十两.)
        if (!canFollowChinese(text, runEnd) && !(runEnd - at > 1 && /[两兩]/.test(text[runEnd - 1]!))) {
          next = runEnd;
          continue;
        }
      }
      const loneBigUnit = /[万亿萬億]/.test(text[at]!) && qualifierBefore(text, at, range.start) !== null;
      const num = parseNumber(text, at, { unitAt, loneBigUnit });
      if (!num) continue;
      next = Math.max(num.end, at + 1);
      if (isInside(claimed, num.end - 1)) continue;
      if (num.chinese && !canFollowChinese(text, num.end)) continue;
      const mention = readMention(text, at, num, range.end);
      if (!mention) {
        const currency = currencyBefore(text, at, range.start);
        if (currency && !num.chinese) {
          mentions.push(currencyAmount(text, currency, at, num));
          next = Math.max(next, num.end);
        } else if (!num.chinese && !isDigit(text, at - 1)) bare.push(bareNumber(text, at, num));
        continue;
      }
      // 5%-8%, 3万元至5万元, 1万元--5万元: a range written with the unit on both ends.
      const high = rangeEnd(text, mention, range.end);
      if (high) {
        mention.valueMax = high.value;
        mention.approx = 'range';
        mention.end = high.end;
      }
      next = Math.max(next, mention.end);
      if (isInside(claimed, mention.end - 1)) continue;
      applySign(text, mention);
      applyCurrencyBefore(text, mention, range.start);
      applyQualifierBefore(text, mention, range.start);
      if (excludedReason(text, mention, num)) continue;
      mentions.push(mention);
    }
  }
  return { mentions, bare };
}

function readMention(text: string, at: number, num: ParsedNumber, limit: number): Mention | null {
  const arabic = !num.chinese;
  const end = num.end;
  // 三分之一, 百分之六十, 千分之三
  if (text.startsWith('分之', end)) return fraction(text, at, num, end + 2);
  const share = half(text, at, num) ?? slashFraction(text, at, num) ?? tenths(text, at, num);
  if (share) return share;
  const scaled = arabic ? scaledRange(text, at, num, MAGNITUDES, limit) : null;
  if (scaled) return scaled;
  // 3-5个, 三到五年, 两到三万人, 3-5万元, 两~3百日元
  const range = bareLowRange(text, at, num, limit);
  if (range) return range;
  // 2×35万千瓦: a product
  if (arabic && PRODUCT_SIGNS.includes(text[end] ?? '') && isDigit(text, end + 1)) {
    const second = parseArabic(text, end + 1);
    if (second) {
      const tail = readAmountTail(text, at, second.end, { arabic, placeholder: false, value: num.value * second.value });
      if (tail) return { ...tail, raw: text.slice(at, second.end) };
    }
  }
  return readAmountTail(text, at, end, { arabic, placeholder: false, value: num.value, valueMax: num.valueMax ?? null, chinese: num.chinese, approx: num.approx });
}

/**
 * Amounts that start with a word rather than a numeral: 万分之三 and
 * 百万分之五, 半斤 and 半年, 半成 and 半折, (打)对折.
 */
function wordAmount(text: string, at: number): Mention | null {
  const ch = text[at]!;
  if (MAGNITUDES[ch] !== undefined) return magnitudeFraction(text, at);
  if (ch === '半' || ch === '对' || ch === '對') return halfShare(text, at) ?? (ch === '半' ? halfUnit(text, at) : null);
  return null;
}

const SPACE = /[ \u3000]/;
const SPACED_REACH = 40;

/**
 * A share written with a space between every character (一 百 五 十 个 百 分
 * 点, 陆 点 五 折, 百 分之 2), as letter-spaced titles and some extracted
 * text have it: read on the text with the spaces taken out, and kept only
 * if it is a share and a space stood inside it.
 */
function spacedShare(text: string, at: number, limit: number): Mention | null {
  if (!hasInnerSpace(text, at)) return null;
  let compact = '';
  const origin: number[] = [];
  for (let i = at; i < Math.min(limit, at + SPACED_REACH); i++) {
    const ch = text[i]!;
    if (/[，。；,;！？\n]/.test(ch)) break;
    if (SPACE.test(ch)) continue;
    compact += ch;
    origin.push(i);
  }
  origin.push(origin.length > 0 ? origin[origin.length - 1]! + 1 : at);
  const found = findQuantities(compact, [{ start: 0, end: compact.length }], []).mentions[0];
  if (!found || found.start !== 0 || found.value === null) return null;
  const end = origin[found.end - 1]! + 1;
  if (end - at === found.end) return null; // no space inside it: the ordinary reading has it
  const numberEnd = origin[found.numberEnd - 1]! + 1;
  // Any amount whose digits old typesetting spaced out one by one (1 0 0 0 万人); else only a share.
  if (found.dimension !== 'percent' && !/^\d(?: \d){2,}$/.test(text.slice(at, numberEnd))) return null;
  return { ...found, start: at, end, numberStart: at, numberEnd, raw: text.slice(at, end) };
}

/** Characters a spaced-out share is made of: numerals, digits, points, 成, 折, 个百分点, 百分之. */
const SHARE_PART = /[0-9０-９.．万亿零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟兩貳參陸点點成折个個分之]/;

/** Whether a space stands between two parts of a share within the next few characters. */
function hasInnerSpace(text: string, at: number): boolean {
  for (let i = at + 1; i < at + 12 && i < text.length; i++) {
    if (!SPACE.test(text[i]!)) {
      if (!SHARE_PART.test(text[i]!)) return false;
      continue;
    }
    let j = i;
    while (j < text.length && SPACE.test(text[j]!)) j++;
    return SHARE_PART.test(text[i - 1]!) && SHARE_PART.test(text[j] ?? '');
  }
  return false;
}

/** Dimensions that can be halved with 半 before the unit: 半斤, 半年, 半个月, 一个半小时 (read as 1.5). */
const HALF_BEFORE = new Set(['mass', 'duration', 'length', 'volume']);

/** 半年, 半斤, 半个月: half a unit. Not 上半年 / 下半年 (a half of the year named), nor 过半 (over half). */
function halfUnit(text: string, at: number): Mention | null {
  if (/[上下前后过大多一]/.test(text[at - 1] ?? '')) return null;
  const unit = matchUnit(text, at + 1, { arabic: false, numberStart: at });
  if (!unit || !HALF_BEFORE.has(unit.entry.dimension)) return null;
  const factor = unit.entry.factor ?? 1;
  return {
    start: at, end: unit.end, numberStart: at, numberEnd: at + 1, value: round(0.5 * factor), valueMax: null, scale: factor,
    unit: unit.entry.unit, unitAsWritten: text.slice(at + 1, unit.end), dimension: unit.entry.dimension, approx: 'exact', approxAfter: false,
    placeholder: false, per: null, chinese: true, raw: '半',
  };
}

/** The high end of a range whose low end already has its unit: the same unit must follow the second number. */
function rangeEnd(text: string, low: Mention, limit: number): { value: number; end: number } | null {
  if (low.value === null || low.valueMax !== null || low.approxAfter) return null;
  const highStart = separatorEnd(text, low.end);
  if (highStart < 0) return null;
  const num = parseNumber(text, highStart);
  if (!num || num.chinese !== low.chinese) return null;
  const high = readMention(text, highStart, num, limit);
  if (!high || high.unit !== low.unit || high.value === null || high.end > limit || high.value <= low.value) return null;
  return { value: high.value, end: high.end };
}

function bareNumber(text: string, at: number, num: ParsedNumber): BareNumber {
  let end = num.end;
  let magnitude = 1;
  // 10万, 3万亿: only magnitude characters, the unit is the list's.
  while (MAGNITUDES[text[end] ?? ''] !== undefined && end - num.end < 2) magnitude *= MAGNITUDES[text[end++]!]!;
  const signStart = signBefore(text, at);
  const signed = signStart >= 0 ? -num.value : num.value;
  return { start: signStart >= 0 ? signStart : at, numberStart: at, numberEnd: num.end, end, value: signed, magnitude };
}

/**
 * A minus sign (-5.64个百分点), 负 (负3.9%) or 零下 (零下5摄氏度). A dash
 * between two amounts, or after a digit, a letter or a unit, joins a range
 * or a code and is never a sign.
 */
function applySign(text: string, m: Mention): void {
  if (m.value === null) return;
  const signStart = signBefore(text, m.numberStart);
  if (signStart < 0) return;
  m.value = -m.value;
  if (m.valueMax !== null) m.valueMax = -m.valueMax;
  m.start = signStart;
}

/** Where the sign before the number at `numberStart` starts, or -1. */
function signBefore(text: string, numberStart: number): number {
  const before = text[numberStart - 1] ?? '';
  let signStart = -1;
  // 负 is a sign after a space, a mark or a verb of stating (增速为负3.9%), not inside a word (减负, 税负, 胜负).
  if ((before === '负' || before === '負') && !/[\u3400-\u9fff]/.test(text[numberStart - 2] ?? '') || ((before === '负' || before === '負') && /[为是到至达]/.test(text[numberStart - 2] ?? ''))) signStart = numberStart - 1;
  else if (text.slice(numberStart - 2, numberStart) === '零下') signStart = numberStart - 2;
  else if (charIn(SIGNS, before)) {
    const prior = text[numberStart - 2] ?? '';
    const joins = isDigit(text, numberStart - 2) || /[A-Za-z)）\]】%‰％\-−－—–~～]/.test(prior) || unitEndsAt(text, numberStart - 2);
    if (!joins) signStart = numberStart - 1;
  }
  return signStart;
}

/** Whether an amount's unit or magnitude ends at `i` (元-, 万-, 个-): a dash after it joins two amounts. */
function unitEndsAt(text: string, i: number): boolean {
  return /[元万亿千百人个户亩吨米家次年天岁]/.test(text[i] ?? '');
}

/** A currency written just before the number (人民币300元, 港币两千元, ￥300, $20), up to two spaces apart. */
function currencyBefore(text: string, numberStart: number, floor: number): { entry: UnitEntry; start: number } | null {
  let at = numberStart;
  while (at > floor && numberStart - at < 2 && /[ \u3000]/.test(text[at - 1]!)) at--;
  for (const entry of CURRENCY_BEFORE) {
    const start = at - entry.alias.length;
    if (start >= floor && text.startsWith(entry.alias, start)) return { entry, start };
  }
  return null;
}

/** 人民币300元 is 300 元; 港币两千九百六十元 and 新台币 177.1 亿元 are in that currency. */
function applyCurrencyBefore(text: string, m: Mention, floor: number): void {
  if (m.dimension !== 'money') return;
  const currency = currencyBefore(text, m.start, floor);
  if (!currency) return;
  if (m.unit === '元' && currency.entry.unit !== '元') m.unit = currency.entry.unit;
  m.start = currency.start;
}

/** ￥300, $20: a bare number after a currency sign is an amount in it. */
function currencyAmount(text: string, currency: { entry: UnitEntry; start: number }, at: number, num: ParsedNumber): Mention {
  const tail = readAmountTail(text, at, num.end, { arabic: true, placeholder: false, value: num.value });
  return {
    start: currency.start, end: num.end, numberStart: at, numberEnd: num.end, value: round(num.value), valueMax: null, scale: 1,
    unit: currency.entry.unit, unitAsWritten: currency.entry.alias, dimension: 'money', approx: tail?.approx ?? 'exact', approxAfter: false,
    placeholder: false, per: null, chinese: false, raw: text.slice(at, num.end),
  };
}
