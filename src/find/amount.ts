import { charIn } from './spans.js';
import type { Approx, Dimension } from '../records/dimensions.js';
import { matchUnit, PER_UNITS } from './units.js';
import { alternation, EXCLUSIONS, NUMERALS, QUALIFIERS, qualifierList } from './words.js';

/** An amount found in the text, before it becomes a record. */
export interface Mention {
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
  value: number | null;
  valueMax: number | null;
  /** Magnitude times unit factor: what a bare list head before this mention is scaled by. */
  scale: number;
  unit: string;
  unitAsWritten: string;
  dimension: Dimension;
  approx: Approx;
  /** Set by a qualifier after the unit (以上, 左右), which a list shares. */
  approxAfter: boolean;
  placeholder: boolean;
  per: string | null;
  chinese: boolean;
  raw: string;
}

export interface TextPlaceholder {
  start: number;
  end: number;
  reason: 'mask' | 'date';
}

const BEFORE = qualifierList(QUALIFIERS.before);
/** Last characters of the qualifiers before a number: most numbers have none and are rejected at once. */
const BEFORE_LAST = new Set(BEFORE.map(([w]) => w[w.length - 1]!));
const AFTER_FIRST = new Set<string>();
const AFTER = qualifierList(QUALIFIERS.after);
for (const [w] of AFTER) AFTER_FIRST.add(w[0]!);
const INNER = qualifierList(QUALIFIERS.inner);
/** Words that end in a qualifier's character without being one (通过, 最近, 节约). */
const NOT_QUALIFIER_BEFORE = QUALIFIERS.notBefore;

const MAGNITUDES = NUMERALS.magnitudes;
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x20 || c === 0xa0 || c === 0x3000;
}

function skipSpaces(text: string, i: number): number {
  let n = 0;
  while (n < 2 && isSpace(text, i)) {
    i++;
    n++;
  }
  return i;
}

/** Words that may stand between a qualifier and its number (至少有一名, 超过了 5%). */
const BRIDGES = QUALIFIERS.bridges;

export function qualifierBefore(text: string, numberStart: number, floor = 0): { approx: Approx; start: number } | null {
  let at = numberStart;
  while (at > floor && isSpace(text, at - 1)) at--;
  const last = text[at - 1] ?? '';
  const bridged = BRIDGES.includes(last) ? last : undefined;
  if (!bridged && !BEFORE_LAST.has(last)) return null;
  const candidates = bridged ? [at, at - bridged.length] : [at];
  for (const end of candidates) {
    for (const [word, approx] of BEFORE) {
      const s = end - word.length;
      if (s < floor || !text.startsWith(word, s)) continue;
      const guard = NOT_QUALIFIER_BEFORE[word];
      if (guard && charIn(guard, text[s - 1])) continue;
      if (end !== at && word.length < 2) continue;
      return { approx, start: s };
    }
  }
  return null;
}

/** A qualifier just before the mention (超过98%, 近3000人, 超过X%) sets approx and joins the mention's text. */
export function applyQualifierBefore(text: string, m: Mention, floor: number): void {
  const q = qualifierBefore(text, m.start, floor);
  if (!q) return;
  if (m.approx === 'exact') m.approx = q.approx;
  m.start = q.start;
}

interface TailOptions {
  arabic: boolean;
  placeholder: boolean;
  value?: number | null;
  valueMax?: number | null;
  chinese?: boolean;
}

/**
 * What follows a number or a mask: 余/多, a magnitude (万, 亿), spaces, the
 * unit, a qualifier after it (以上, 左右) and a rate (/年). Returns null when
 * no unit follows: a bare number states no amount.
 */
export function readAmountTail(text: string, numberStart: number, numberEnd: number, opts: TailOptions): Mention | null {
  let i = skipSpaces(text, numberEnd);
  let approx: Approx = 'exact';
  let approxAfter = false;
  for (const [word, a] of INNER) {
    if (text.startsWith(word, i)) {
      approx = a;
      i += word.length;
      break;
    }
  }
  // A unit spelled with a magnitude character (千米, 千瓦) wins over the magnitude.
  let unit = matchUnit(text, i, { arabic: opts.arabic, numberStart });
  let magnitude = 1;
  const unitStart = i;
  if (!unit) {
    let j = i;
    // Stop before a magnitude character that opens a unit (万千瓦 is 万 + 千瓦).
    while (MAGNITUDES[text[j] ?? ''] !== undefined && (j === i || !matchUnit(text, j, { arabic: opts.arabic, numberStart }))) {
      magnitude *= MAGNITUDES[text[j]!]!;
      j++;
    }
    if (j > i) {
      if (approx === 'exact' && (text[j] === '余' || text[j] === '多')) {
        approx = 'over';
        j++;
      }
      const k = skipSpaces(text, j);
      unit = matchUnit(text, k, { arabic: opts.arabic, numberStart });
      if (!unit) return bareMagnitude(text, numberStart, numberEnd, j, magnitude, approx, opts);
    }
  }
  if (!unit) return null;
  let end = unit.end;
  const factor = (unit.entry.factor ?? 1) * magnitude;
  for (const [word, a] of AFTER_FIRST.has(text[end] ?? '') ? AFTER : []) {
    if (text.startsWith(word, end) && !(word === '多' || word === '余')) {
      approx = a;
      approxAfter = true;
      end += word.length;
      break;
    }
  }
  let per: string | null = null;
  if (text[end] === '/' || text[end] === '／') {
    const p = PER_UNITS.find((u) => text.startsWith(u, end + 1));
    if (p) {
      per = p;
      end += 1 + p.length;
    }
  }
  const value = opts.placeholder ? null : (opts.value ?? null);
  const valueMax = opts.placeholder ? null : (opts.valueMax ?? null);
  return {
    start: numberStart,
    end,
    numberStart,
    numberEnd,
    value: value === null ? null : round(value * factor),
    valueMax: valueMax === null ? null : round(valueMax * factor),
    scale: factor,
    unit: unit.entry.unit,
    unitAsWritten: withoutApproxOrSpace(text.slice(unitStart, unit.end)),
    dimension: unit.entry.dimension,
    approx: valueMax !== null && approx === 'exact' ? 'range' : approx,
    approxAfter,
    placeholder: opts.placeholder,
    per,
    chinese: opts.chinese ?? false,
    raw: text.slice(numberStart, numberEnd),
  };
}

const APPROX_OR_SPACE = /[余多\s]/;

/** 万余元 → 万元: the unit as written, without the qualifier and spaces inside it. */
function withoutApproxOrSpace(written: string): string {
  return APPROX_OR_SPACE.test(written) ? written.replace(/[余多\s]/g, '') : written;
}

const MONEY_CONTEXT = new RegExp(`(${alternation(EXCLUSIONS.moneyBefore)})[^，。；]{0,6}$`);
const PERSON_NOUN = new RegExp(`^[\u3400-\u9fff]{0,4}?(${alternation(EXCLUSIONS.personsAfter)})`);

/** 5.06亿 after 投资, 13亿人口: a magnitude with no unit whose unit the context gives. */
function bareMagnitude(text: string, numberStart: number, numberEnd: number, end: number, magnitude: number, approx: Approx, opts: TailOptions): Mention | null {
  if (magnitude < 1e4) return null;
  const base = {
    start: numberStart, end, numberStart, numberEnd, scale: magnitude, approx, approxAfter: false,
    placeholder: opts.placeholder, per: null, chinese: opts.chinese ?? false, raw: text.slice(numberStart, numberEnd),
    unitAsWritten: text.slice(numberEnd, end).trim(),
    value: opts.placeholder || opts.value == null ? null : round(opts.value * magnitude),
    valueMax: opts.placeholder || opts.valueMax == null ? null : round(opts.valueMax * magnitude),
  };
  const people = PERSON_NOUN.exec(text.slice(end, end + 8));
  if (people) return { ...base, unit: '人', dimension: 'persons' };
  if (MONEY_CONTEXT.test(text.slice(Math.max(0, numberStart - 16), numberStart))) return { ...base, unit: '元', dimension: 'money' };
  return null;
}

export function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
