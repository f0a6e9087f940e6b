import { round, type Mention } from './amount.js';
import { isDigit, parseArabic, parseChinese, type ParsedNumber } from './numerals.js';
import { NUMERALS, QUALIFIERS, qualifierList } from './words.js';

// Shares written without a % sign: 三分之一, 百分之六十, 万分之三, 1/4,
// 一半, 九成, 七成半, 八五折, 打对折. Each becomes a percent mention
// (千分之 keeps ‰, as the spec says).

const AFTER_WORDS = qualifierList(QUALIFIERS.after);
const MAGNITUDE = NUMERALS.magnitudes;
const SMALL = NUMERALS.smallUnits;
const BIG = NUMERALS.bigUnits;

export function percentMention(text: string, at: number, numberEnd: number, end: number, value: number, num: Pick<ParsedNumber, 'chinese'>, unit = '%', valueMax: number | null = null): Mention {
  let approx: Mention['approx'] = valueMax !== null ? 'range' : 'exact';
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
    start: at, end, numberStart: at, numberEnd: end, value: round(value), valueMax: valueMax === null ? null : round(valueMax), scale: 1,
    unit, unitAsWritten: (approxAfter ? text.slice(numberEnd, end - afterWord) : text.slice(numberEnd, end)) || unit,
    dimension: 'percent', approx, approxAfter, placeholder: false, per: null, chinese: num.chinese, raw: text.slice(at, end),
  };
}

/** The numerator of 分之 (百分之六十, 百分之负三点八, 百分之二三十), with its sign. */
function numerator(text: string, from: number): (ParsedNumber & { sign: number }) | null {
  const negative = text[from] === '负' || text[from] === '負' || text[from] === '-';
  const at = negative ? from + 1 : from;
  const num = parseChinese(text, at) ?? parseArabic(text, at);
  if (!num) return null;
  // 百分之15k: a thousands letter after the numerator.
  const k = !num.chinese && /^[kKｋＫ](?![A-Za-z])/.test(text.slice(num.end, num.end + 2)) ? 1000 : 1;
  return { ...num, value: num.value * k, valueMax: num.valueMax == null ? num.valueMax : num.valueMax * k, end: num.end + (k > 1 ? 1 : 0), sign: negative ? -1 : 1 };
}

/** 三分之一, 百分之六十, 千分之三: the denominator `den` is already read; 分之 follows it. */
export function fraction(text: string, at: number, den: Pick<ParsedNumber, 'value' | 'end' | 'chinese'>, numeratorStart: number): Mention | null {
  const num = numerator(text, numeratorStart);
  if (!num || den.value === 0) return null;
  const high = num.valueMax ?? null;
  if (den.value === 1000) return percentMention(text, at, den.end, num.end, num.sign * num.value, den, '‰', high === null ? null : num.sign * high);
  const scale = 100 / den.value;
  return percentMention(text, at, den.end, num.end, num.sign * num.value * scale, den, '%', high === null ? null : num.sign * high * scale);
}

/** 万分之三, 百万分之五, 万万分之七: a denominator written as magnitudes only. */
export function magnitudeFraction(text: string, at: number): Mention | null {
  let i = at;
  let den = 1;
  while (i < text.length && (SMALL[text[i]!] !== undefined || BIG[text[i]!] !== undefined)) {
    den *= SMALL[text[i]!] ?? BIG[text[i]!]!;
    i++;
  }
  if (i === at || !text.startsWith('分之', i)) return null;
  return fraction(text, at, { value: den, end: i, chinese: true }, i + 2);
}

/** 1/4, 1/3以上 (but not a date such as 2022/4/12, nor 2021/22). */
export function slashFraction(text: string, at: number, num: ParsedNumber): Mention | null {
  const end = num.end;
  if (num.chinese || (text[end] !== '/' && text[end] !== '／') || !isDigit(text, end + 1) || text[at - 1] === '/') return null;
  const den = parseArabic(text, end + 1);
  if (!den || den.value === 0 || text[den.end] === '/' || /^[12]\d{3}$/.test(num.raw)) return null;
  return percentMention(text, at, end, den.end, (num.value / den.value) * 100, num);
}

/** 一半 (减少一半): half. */
export function half(text: string, at: number, num: ParsedNumber): Mention | null {
  return num.raw === '一' && text[num.end] === '半' ? percentMention(text, at, num.end, num.end + 1, 50, num) : null;
}

/**
 * 九成 → 90 %, 七成半 → 75 %, 七成六 → 76 %, 9.5成 → 95 %; 八五折 → 85 %,
 * 九折 → 90 %, 9.9折 → 99 %, 75折 → 75 %, 一折 → 10 %. 十成 is 100 %; 十折
 * is no discount at all and not read.
 */
export function tenths(text: string, at: number, num: ParsedNumber): Mention | null {
  const mark = text[num.end];
  if (mark !== '成' && mark !== '折') return null;
  // Words that begin with 成 or 折 (一成不变 is a set phrase; 成本, 成立, 折合, 折旧 are other words).
  if (/^(本|立|为|果|效|功|员|绩|熟|长|型|交|片|套|都|年|品|分|就|了|全|人|为|材|活|语)/.test(text.slice(num.end + 1, num.end + 2)) && mark === '成') return null;
  if (/^(合|算|旧|价|扣|射|叠|腾|服|线|返|中|损|断)/.test(text.slice(num.end + 1, num.end + 2)) && mark === '折') return null;
  let value = num.value;
  let end = num.end + 1;
  if (mark === '折') {
    // Two digits written one by one (八五, 75) are the share itself; one digit is tenths.
    const twoDigits = num.chinese ? /^[一二三四五六七八九两]{2}$/.test(num.raw) : /^\d\d$/.test(num.raw);
    if (twoDigits) value = Number(String(num.raw).replace(/[一二三四五六七八九两]/g, (c) => String('一二三四五六七八九'.indexOf(c) + 1 || 2)));
    else if (num.value >= 10) return null;
    else value = num.value * 10;
  } else {
    if (num.value > 10) return null;
    value = num.value * 10;
    if (text[end] === '半') {
      value += 5;
      end++;
    } else {
      // 七成六: one more digit after 成 is the next tenth.
      const next = parseChinese(text, end) ?? parseArabic(text, end);
      if (next && next.value < 10 && next.end === end + 1 && Number.isInteger(next.value) && !/[\u3400-\u9fff]/.test(text[next.end] ?? '') ) {
        value += next.value;
        end = next.end;
      }
    }
  }
  if (value <= 0 || value > 100) return null;
  return percentMention(text, at, num.end, end, value, num);
}

/** 半成 → 5 %, 半折 → 50 %, (打)对折 → 50 %. */
export function halfShare(text: string, at: number): Mention | null {
  // (半成品 is a half-finished product.)
  if (text[at] === '半' && (text[at + 1] === '成' || text[at + 1] === '折') && text[at + 2] !== '品') {
    return percentMention(text, at, at + 1, at + 2, text[at + 1] === '成' ? 5 : 50, { chinese: true });
  }
  if ((text[at] === '对' || text[at] === '對') && text[at + 1] === '折' && text[at - 1] === '打') {
    return percentMention(text, at, at + 1, at + 2, 50, { chinese: true });
  }
  return null;
}

export { MAGNITUDE };
