import { isDigit, isChineseNumeralChar } from './numerals.js';
import { isCjk } from './units.js';
import { applyQualifierBefore, readAmountTail, type Mention, type TextPlaceholder } from './amount.js';
import { charTable, nextIn } from './char-scan.js';
import { charIn, type Span } from './spans.js';
import { MASKS } from './words.js';

// Placeholders are found before numbers are read: the digits of 20xx亩 or the
// stars of ***万元 must never be taken for an amount. Each mask run is either
// a quantity placeholder (a unit follows: X户, *%, 20xx万元), a date slot
// (20xx年, X月X日), or a text placeholder (XX镇, ***, 某某村).

const { x: X_CHARS, star: STAR_CHARS, blank: BLANK_CHARS, circle: CIRCLE_CHARS, box: BOX_CHARS } = MASKS;
const ALL_MASKS = X_CHARS + STAR_CHARS + BLANK_CHARS + CIRCLE_CHARS + BOX_CHARS;
const MASK_START = charTable(ALL_MASKS, '某（(【[「');
/** A bracket holding nothing but spaces is a form's blank: 共（ ）人; before a unit it may hold nothing at all: 【】%, （）万元. */
const EMPTY_BRACKET = /^(?:[（(][ \u3000]*[）)]|【[ \u3000]*】|\[[ \u3000]*\]|「[ \u3000]*」)/;
/** Endings of administrative units between two masks of one slot: ***镇***村, **市**区. */
const PLACE_JOIN = /^(省|市|州|盟|县|区|旗|镇|乡|街道|村|社区|组)/;
/** Words before a masked count of things named after it: 辖xx行政村, 共X所学校. */
const COUNT_BEFORE = /(辖|下辖|有|共有|共|含|包括|涉及|覆盖|带动|惠及|新增|新建|建成|完成|组建|培育)$/;
/** Words before a masked magnitude that say it counts people: 人口x万. */
const PERSONS_BEFORE = /(人口|人数|居民|群众|农民|劳动力)[^，。；,;]{0,2}$/;
const LATIN = /[A-Za-z]/;
const SPACE = /[ \u00a0\u3000]/;
/** What a lone 某 stands in front of when it hides a name (某镇, 某市委). */
const SOME_SUFFIXES = MASKS.someBefore;
const SOME_WORDS = MASKS.someWords;

function runEnd(text: string, start: number, chars: string): number {
  let i = start;
  while (i < text.length && chars.includes(text[i]!)) i++;
  return i;
}

function skipSpaces(text: string, i: number, max = 2): number {
  let n = 0;
  while (n < max && SPACE.test(text[i] ?? '')) {
    i++;
    n++;
  }
  return i;
}

/** 20xx年, X月X日, 20xx年x月: a date left to fill, reported as one span. */
function dateSlotEnd(text: string, at: number): number {
  let i = skipSpaces(text, at, 1);
  const part = (unit: string): boolean => {
    if (text[i] === unit) {
      i++;
      return true;
    }
    return false;
  };
  if (!part('年') && !part('月')) return -1;
  // Follow on with the rest of the date (x月, X日) as long as it is masked or numeric.
  for (;;) {
    const j = skipSpaces(text, i, 1);
    let k = j;
    while (k < text.length && (ALL_MASKS.includes(text[k]!) || isDigit(text, k))) k++;
    if (k === j) break;
    const u = text[skipSpaces(text, k, 1)];
    if (u !== '月' && u !== '日' && u !== '号') break;
    i = skipSpaces(text, k, 1) + 1;
  }
  return i;
}

export interface PlaceholderScan {
  quantities: Mention[];
  texts: TextPlaceholder[];
  /** Spans no other finder may read a number from. */
  claimed: Span[];
}

export function findPlaceholders(text: string, ranges: Span[]): PlaceholderScan {
  const quantities: Mention[] = [];
  const texts: TextPlaceholder[] = [];
  const claimed: Span[] = [];
  for (const range of ranges) {
    let next = range.start;
    let at: number;
    while ((at = nextIn(MASK_START, text, next, range.end)) >= 0) {
      next = at + 1;
      const found = readMask(text, at, range);
      if (!found) continue;
      next = Math.max(found.end, at + 1);
      if (found.kind === 'skip') continue;
      claimed.push({ start: found.start, end: found.end });
      if (found.kind === 'quantity') {
        applyQualifierBefore(text, found.mention, range.start);
        quantities.push(found.mention);
      }
      else texts.push({ start: found.start, end: found.end, reason: found.reason });
    }
  }
  return { quantities, texts, claimed };
}

type Found =
  | { kind: 'skip'; start: number; end: number }
  | { kind: 'quantity'; start: number; end: number; mention: Mention }
  | { kind: 'text'; start: number; end: number; reason: TextPlaceholder['reason'] };

function readMask(text: string, at: number, range: Span): Found | null {
  const ch = text[at]!;
  if (ch === '某') return readSome(text, at);
  if ('（(【[「'.includes(ch)) return readBracket(text, at);
  let start = at;
  let end: number;
  let long: boolean; // two or more mask characters, or a digit mask like 20xx
  if (X_CHARS.includes(ch)) {
    end = runEnd(text, at, X_CHARS);
    if (LATIN.test(text[at - 1] ?? '') || LATIN.test(text[end] ?? '')) return null; // XX inside an English word
    if (ch === '×' && end - at === 1 && isDigit(text, at - 1) && isDigit(text, end)) return null; // 2×35: a product
    // 20xx, 202x: digits before the mask belong to it, unless they are part of a code (G230XX).
    let j = at;
    while (j > range.start && isDigit(text, j - 1)) j--;
    if (j < at && !LATIN.test(text[j - 1] ?? '') && !(text[j - 1] === '.' || text[j - 1] === '．')) start = j;
    // xx.x, X.X: a masked decimal.
    if ((text[end] === '.' || text[end] === '．') && (charIn(X_CHARS, text[end + 1]) || isDigit(text, end + 1))) {
      end = runEnd(text, end + 1, X_CHARS + '0123456789');
    }
    long = end - start > 1;
    // “415X”, “141X”: a programme's name, digits and a letter in quotes of their own, is no blank.
    if (start < at && /^[“"「『]$/.test(text[start - 1] ?? '') && /^[”"」』]$/.test(text[end] ?? '')) return null;
  } else if (STAR_CHARS.includes(ch)) {
    end = runEnd(text, at, STAR_CHARS);
    // A lone star opening a line and followed by a space is a bullet, not a mask. (Stars are no emphasis
    // in plain text: **市**区 is a masked place; a Markdown file's emphasis never reaches here, remark reads it.)
    if (end - at === 1 && (at === 0 || text[at - 1] === '\n') && SPACE.test(text[end] ?? '')) return null;
    long = end - at > 1;
  } else if (BLANK_CHARS.includes(ch)) {
    end = runEnd(text, at, BLANK_CHARS);
    long = end - at > 1;
  } else if (CIRCLE_CHARS.includes(ch)) {
    // 二○○○年: circles inside a Chinese numeral are zeros, however many, whichever circle is typed.
    if (isChineseNumeralChar(text[at - 1]) || charIn(CIRCLE_CHARS, text[at - 1])) return { kind: 'skip', start: at, end: runEnd(text, at, CIRCLE_CHARS) };
    end = runEnd(text, at, CIRCLE_CHARS);
    if (end - at < 2) return null;
    if (isChineseNumeralChar(text[end])) return null;
    long = true;
  } else {
    end = runEnd(text, at, BOX_CHARS);
    long = true;
  }
  if (end > range.end) end = range.end;
  // 数据要素×, “人工智能×”: the sign of a policy's name, not a mask.
  if (ch === '×' && end - at === 1 && isCjk(text[at - 1]) && !/[\u3400-\u9fff\d]/.test(text[end] ?? '')) return null;
  if (MASKS.notMasks.some((w) => { const i = w.indexOf(ch); return i >= 0 && text.startsWith(w, at - i); })) return null;
  end = slotEnd(text, end, range.end);

  const dateEnd = dateSlotEnd(text, end);
  if (dateEnd > 0) return { kind: 'text', start, end: dateEnd, reason: 'date' };

  // 第X次, 第X届: an ordinal is missing, not an amount.
  const ordinal = text[start - 1] === '第';
  const tail = ordinal ? null : readAmountTail(text, start, end, { arabic: true, placeholder: true });
  // XX 组宣统委员: in a list of names, a space stands between the mask and the next word, and the word runs on.
  const spaced = tail !== null && SPACE.test(text[end] ?? '') && isCjk(text[tail.end]);
  if (tail && !spaced) return { kind: 'quantity', start: tail.start, end: tail.end, mention: tail };
  const counted = ordinal ? null : maskedCount(text, start, end);
  if (counted) return { kind: 'quantity', start, end: counted.end, mention: counted };

  if (!long) {
    // A single X or _ is a placeholder only beside Chinese text (X镇, 由X负责), not in formulas.
    const before = text[at - 1];
    const after = text[skipSpaces(text, end, 1)];
    if (!isCjk(after) && !isCjk(before)) return null;
    if (BLANK_CHARS.includes(ch) && !isCjk(after)) return null;
  }
  return { kind: 'text', start, end, reason: 'mask' };
}

/**
 * A masked slot is one span: X万XX (a number masked on both sides of its
 * magnitude), XXX XXX (two runs a space apart), ***镇***村 (a masked place
 * and the place within it).
 */
function slotEnd(text: string, end: number, limit: number): number {
  let runStart = end - runBack(text, end);
  for (;;) {
    let j = end;
    let place = false;
    if (/[万亿千百]/.test(text[j] ?? '')) j++;
    else if (text[j] === ' ' && charIn(ALL_MASKS, text[j + 1])) j++;
    else {
      const join = PLACE_JOIN.exec(text.slice(j, j + 2));
      // Only runs of two or more join over a place's ending: X村X户 is a village and a count.
      if (!join || end - runStart < 2) return end;
      j += join[0].length;
      place = true;
    }
    if (j >= limit || !charIn(ALL_MASKS, text[j])) return end;
    let k = j;
    while (k < limit && charIn(ALL_MASKS, text[k])) k++;
    if (place && k - j < 2) return end;
    // The ending after the last masked place belongs to the slot (**市**区, ***镇***村).
    const after = place ? PLACE_JOIN.exec(text.slice(k, k + 2)) : null;
    runStart = j;
    end = after ? k + after[0].length : k;
    if (after) return end;
  }
}

/** How many mask characters end at `end`. */
function runBack(text: string, end: number): number {
  let n = 0;
  while (end - n > 0 && charIn(ALL_MASKS, text[end - n - 1])) n++;
  return n;
}

/** 辖xx行政村, 人口x万: a count masked before the thing it counts, or a masked magnitude of people, with no measure word. */
function maskedCount(text: string, start: number, end: number): Mention | null {
  const before = text.slice(Math.max(0, start - 6), start);
  const base = {
    start, end, numberStart: start, numberEnd: end, value: null, valueMax: null, scale: 1, approx: 'exact' as const, approxAfter: false,
    placeholder: true, per: null, chinese: false, raw: text.slice(start, end),
  };
  const magnitude = /[万亿]/.exec(text.slice(start, end))?.[0];
  if ((magnitude || /^[万亿]/.test(text[end] ?? '')) && PERSONS_BEFORE.test(before)) {
    const stop = magnitude ? end : end + 1;
    return { ...base, end: stop, unit: '人', unitAsWritten: magnitude ?? text[end]!, dimension: 'persons' };
  }
  if (COUNT_BEFORE.test(before) && isCjk(text[end])) return { ...base, unit: '个', unitAsWritten: '', dimension: 'count' };
  return null;
}

function readBracket(text: string, at: number): Found | null {
  // Brackets are common and almost never empty: look no further unless a space or the closing bracket follows.
  if (!SPACE.test(text[at + 1] ?? '') && !/[）)】\]」]/.test(text[at + 1] ?? '')) return null;
  const m = EMPTY_BRACKET.exec(text.slice(at, at + 12));
  if (!m) return null;
  const end = at + m[0].length;
  const tail = readAmountTail(text, at, end, { arabic: true, placeholder: true });
  if (tail) return { kind: 'quantity', start: at, end: tail.end, mention: tail };
  // （）with nothing in it and no unit after: an empty pair of brackets, not a blank to fill.
  if (!/[ \u3000]/.test(m[0])) return null;
  return { kind: 'text', start: at, end, reason: 'mask' };
}

function readSome(text: string, at: number): Found | null {
  if (text[at + 1] === '某') {
    const end = runEnd(text, at, '某');
    return { kind: 'text', start: at, end, reason: 'mask' };
  }
  if (text[at - 1] === '某') return null;
  if (SOME_WORDS.some((w) => text.startsWith(w, at))) return null;
  if (!charIn(SOME_SUFFIXES, text[at + 1])) return null;
  return { kind: 'text', start: at, end: at + 1, reason: 'mask' };
}

