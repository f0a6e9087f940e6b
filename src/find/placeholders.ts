import { isDigit, isChineseNumeralChar } from './numerals.js';
import { isCjk, matchUnit } from './units.js';
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
const MASK_START = charTable(ALL_MASKS, '某（(');
/** A bracket holding nothing but spaces is a form's blank: 共（ ）人. */
const EMPTY_BRACKET = /^[（(][ \u3000]+[）)]/;
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
  if (ch === '（' || ch === '(') return readBracket(text, at);
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
  } else if (STAR_CHARS.includes(ch)) {
    end = runEnd(text, at, STAR_CHARS);
    // A lone star opening a line and followed by a space is a bullet, not a mask.
    if (end - at === 1 && (at === 0 || text[at - 1] === '\n') && SPACE.test(text[end] ?? '')) return null;
    // **重点工作**: Markdown emphasis pasted into plain text, not a mask.
    const emphasis = emphasisEnd(text, at, end);
    if (emphasis > 0) return { kind: 'skip', start: at, end: emphasis };
    long = end - at > 1;
  } else if (BLANK_CHARS.includes(ch)) {
    end = runEnd(text, at, BLANK_CHARS);
    long = end - at > 1;
  } else if (CIRCLE_CHARS.includes(ch)) {
    end = runEnd(text, at, CIRCLE_CHARS);
    if (end - at < 2) return null;
    // 二〇二一: circles inside a Chinese numeral are zeros.
    if (isChineseNumeralChar(text[at - 1]) || isChineseNumeralChar(text[end])) return null;
    long = true;
  } else {
    end = runEnd(text, at, BOX_CHARS);
    long = true;
  }
  if (end > range.end) end = range.end;

  const dateEnd = dateSlotEnd(text, end);
  if (dateEnd > 0) return { kind: 'text', start, end: dateEnd, reason: 'date' };

  // 第X次, 第X届: an ordinal is missing, not an amount.
  const ordinal = text[start - 1] === '第';
  const tail = ordinal ? null : readAmountTail(text, start, end, { arabic: true, placeholder: true });
  // XX 组宣统委员: in a list of names, a space stands between the mask and the next word, and the word runs on.
  const spaced = tail !== null && SPACE.test(text[end] ?? '') && isCjk(text[tail.end]);
  if (tail && !spaced) return { kind: 'quantity', start: tail.start, end: tail.end, mention: tail };

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
 * The end of `**text**` or `*text*` opened at [at, end): the same run of stars
 * closing on the same line, with words (not only stars or spaces) between.
 */
function emphasisEnd(text: string, at: number, end: number): number {
  const run = end - at;
  if (run > 2 || text[at - 1] === '*' || SPACE.test(text[end] ?? '') || text[end] === undefined) return -1;
  const lineEnd = text.indexOf('\n', end);
  const line = text.slice(end, lineEnd < 0 ? Math.min(text.length, end + 200) : Math.min(lineEnd, end + 200));
  const close = line.indexOf('*'.repeat(run));
  if (close < 1 || line[close + run] === '*' || SPACE.test(line[close - 1]!)) return -1;
  const inner = line.slice(0, close);
  if ([...inner].length < 2 || /[*\s]/.test(inner)) return -1;
  // *个…和*个: stars before a unit are amounts left blank, not emphasis.
  const opts = { arabic: true, numberStart: at };
  if (matchUnit(text, end, opts) || matchUnit(text, end + close + run, opts)) return -1;
  return end + close + run;
}

function readBracket(text: string, at: number): Found | null {
  // Brackets are common and almost never empty: look no further unless a space follows.
  if (!SPACE.test(text[at + 1] ?? '')) return null;
  const m = EMPTY_BRACKET.exec(text.slice(at, at + 12));
  if (!m) return null;
  const end = at + m[0].length;
  const tail = readAmountTail(text, at, end, { arabic: true, placeholder: true });
  if (tail) return { kind: 'quantity', start: at, end: tail.end, mention: tail };
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

