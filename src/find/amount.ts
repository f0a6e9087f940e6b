import { charIn } from './spans.js';
import type { Approx, Dimension } from '../records/dimensions.js';
import { parseNumber } from './numerals.js';
import { matchSubunit, matchUnit, PER_UNITS, UNIT_ENTRIES, type UnitMatch } from './units.js';
import { alternation, EXCLUSIONS, NUMERALS, QUALIFIERS, qualifierList } from './words.js';

/** What a table's headers say of a number in one of its cells (EXTRACTION.md, table cells). */
export interface CellFrame {
  /** The row header and the column header joined, years and status words aside. */
  subject: string | null;
  status?: 'actual' | 'target';
  /** A year a header names. */
  period?: { from: number | null; to: number };
}

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
  /** The magnitude written after the number (万 in 3万元), where there is one. */
  magnitude?: number;
  unit: string;
  unitAsWritten: string;
  dimension: Dimension;
  approx: Approx;
  /** Set by a qualifier after the unit (以上, 左右), which a list shares. */
  approxAfter: boolean;
  /** Set when a qualifier before the number (超过, 近) gave `approx`. */
  approxBefore?: boolean;
  placeholder: boolean;
  per: string | null;
  chinese: boolean;
  raw: string;
  /** A number in a table cell whose unit its header or caption gives: what the headers say it is. */
  cell?: CellFrame;
}

export interface TextPlaceholder {
  start: number;
  end: number;
  reason: 'mask' | 'date';
}

const BEFORE = qualifierList(QUALIFIERS.before);
/** 上万人, 上千家: 上 qualifies only a magnitude standing alone. */
const BEFORE_MAGNITUDE = qualifierList(QUALIFIERS.beforeMagnitude);
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

function skipSpaces(text: string, i: number, max = 2): number {
  let n = 0;
  while (n < max && isSpace(text, i)) {
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
  if (at === numberStart && /[百千万亿萬億]/.test(text[numberStart] ?? '')) {
    const word = BEFORE_MAGNITUDE.find(([w]) => text.startsWith(w, at - w.length) && at - w.length >= floor);
    if (word) return { approx: word[1], start: at - word[0].length };
  }
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
  if (m.approx === 'exact') {
    m.approx = q.approx;
    m.approxBefore = true;
  }
  m.start = q.start;
}

interface TailOptions {
  arabic: boolean;
  placeholder: boolean;
  value?: number | null;
  valueMax?: number | null;
  chinese?: boolean;
  /** Set by the number itself (十几, 数百: a digit not given). */
  approx?: Approx;
}

/** Letters that scale an Arabic number where no unit starts with them: 15k, 10~15k元, 30w. */
const LATIN_MAGNITUDES: Record<string, number> = { k: 1e3, K: 1e3, ｋ: 1e3, Ｋ: 1e3, w: 1e4, W: 1e4 };
/** Spaces a unit may stand after its number (一百五十    个百分点). */
const MAX_SPACES_BEFORE_UNIT = 4;
/** Dimensions whose unit can take 半 after it: 两米半, 一吨半, 三年半. */
const HALVES = new Set(['length', 'mass', 'duration', 'area', 'volume', 'age']);
/** （含）: the bound itself included, as in 50万元（含）以上. */
const INCLUSIVE = /^[（(]含[)）]/;

function magnitudeAt(text: string, j: number, arabic: boolean, numberStart: number): number | undefined {
  const m = MAGNITUDES[text[j] ?? ''];
  if (m !== undefined) return m;
  const latin = arabic ? LATIN_MAGNITUDES[text[j] ?? ''] : undefined;
  // 5kW, 3km: a letter that starts a unit (or a word) is not a magnitude.
  if (latin === undefined || /[A-Za-z]/.test(text[j + 1] ?? '') || matchUnit(text, j, { arabic, numberStart })) return undefined;
  return latin;
}

/** 元 then 角 and 分 (五元三毛, 50元6角三分, 十块三毛, 两美元又三美分): what the parts add, and where they end. */
function subunits(text: string, from: number, unit: string): { add: number; end: number } | null {
  let add = 0;
  let at = text[from] === '又' ? from + 1 : from;
  let end = -1;
  for (let parts = 0; parts < 2; parts++) {
    const num = parseNumber(text, at);
    if (!num) break;
    const sub = matchSubunit(text, num.end, unit);
    if (!sub) break;
    add += num.value * (sub.entry.factor ?? 1);
    end = sub.end;
    at = sub.end;
  }
  if (end < 0) return null;
  if (text[end] === '钱') end++;
  return { add, end };
}

/** 8亿元人民币, 三万元欧元, 9000元日币: a currency named after 元 is the amount's currency. */
function currencyAfter(text: string, at: number, numberStart: number): UnitMatch | null {
  const next = matchUnit(text, at, { arabic: true, numberStart });
  return next && next.entry.dimension === 'money' && next.entry.factor === undefined ? next : null;
}

const BIG_UNITS: Array<[RegExp, number]> = [[/[亿億]/, 1e8], [/[万萬]/, 1e4]];

/**
 * 一亿一千多万: a magnitude after the numeral scales only what follows the
 * larger unit inside it (1亿 + 1千万), not the whole (1.0001亿万). Returns
 * the value to be multiplied by the magnitude.
 */
function belowLargerUnit(raw: string, value: number | null | undefined, magnitude: number): number | null | undefined {
  if (value == null) return value;
  for (const [re, big] of BIG_UNITS) {
    if (big <= magnitude || !re.test(raw)) continue;
    const high = Math.floor(value / big) * big;
    return high / magnitude + (value - high);
  }
  return value;
}

/**
 * What follows a number or a mask: 余/多, a magnitude (万, 亿, k), spaces,
 * the unit, 半 or the parts of a currency's unit, a qualifier after it
 * (以上, 左右, （含）以上) and a rate (/年). Returns null when no unit
 * follows: a bare number states no amount.
 */
export function readAmountTail(text: string, numberStart: number, numberEnd: number, given: TailOptions): Mention | null {
  let opts = given;
  let i = skipSpaces(text, numberEnd, MAX_SPACES_BEFORE_UNIT);
  let approx: Approx = opts.approx ?? 'exact';
  let approxAfter = false;
  for (const [word, a] of INNER) {
    if (text.startsWith(word, i)) {
      approx = a;
      i += word.length;
      break;
    }
  }
  const match = { arabic: opts.arabic, numberStart };
  // 两个亿, 三个多亿: 个 before a magnitude is only said, not counted.
  if (text[i] === '个' && !opts.arabic && (MAGNITUDES[text[i + 1] ?? ''] ?? 0) >= 1e4 && matchUnit(text, i + 2, { arabic: false, numberStart })) i++;
  // 一个半小时, 两个半月: 个半 before a unit adds a half.
  let extraHalf = 0;
  if (text.startsWith('个半', i) && opts.value != null && matchUnit(text, i + 2, { arabic: opts.arabic, numberStart })) {
    extraHalf = 0.5;
    i += 2;
  }
  // A unit spelled with a magnitude character (千米, 千瓦) wins over the magnitude.
  let unit = matchUnit(text, i, match);
  let magnitude = 1;
  const unitStart = i;
  if (!unit) {
    let j = i;
    // Stop before a magnitude character that opens a unit (万千瓦 is 万 + 千瓦).
    for (let m = magnitudeAt(text, j, opts.arabic, numberStart); m !== undefined && (j === i || !matchUnit(text, j, match)); m = magnitudeAt(text, j, opts.arabic, numberStart)) {
      magnitude *= m;
      j++;
    }
    if (j > i) {
      if (opts.chinese) opts = { ...opts, value: belowLargerUnit(text.slice(numberStart, numberEnd), opts.value, magnitude), valueMax: belowLargerUnit(text.slice(numberStart, numberEnd), opts.valueMax, magnitude) };
      if (approx === 'exact' && (text[j] === '余' || text[j] === '多')) {
        approx = 'over';
        j++;
      }
      const k = skipSpaces(text, j, MAX_SPACES_BEFORE_UNIT);
      unit = matchUnit(text, k, match);
      if (!unit) return bareMagnitude(text, numberStart, numberEnd, j, magnitude, approx, opts);
    }
  }
  if (!unit) return null;
  let end = unit.end;
  let entry = unit.entry;
  const factor = (entry.factor ?? 1) * magnitude;
  let value = opts.placeholder ? null : opts.value == null ? null : opts.value + extraHalf;
  const valueMax = opts.placeholder ? null : (opts.valueMax ?? null);
  let dimension = entry.dimension;
  if (value !== null && text[end] === '半' && HALVES.has(dimension) && magnitude === 1) {
    value += 0.5;
    end++;
  } else if (value !== null && (dimension === 'money' || MONEY_BY_ALIAS.has(entry.alias))) {
    // 十块三毛: 块 with the parts of a yuan after it is money, whatever else 块 may count.
    const money = dimension === 'money' ? entry : MONEY_BY_ALIAS.get(entry.alias)!;
    const parts = subunits(text, end, money.unit);
    if (parts) {
      entry = money;
      dimension = 'money';
      value += parts.add / factor;
      end = parts.end;
    }
  }
  if (entry.unit === '元') {
    const other = currencyAfter(text, end, numberStart);
    if (other) {
      entry = other.entry;
      end = other.end;
    }
  }
  // 十个月大, 三周大, 90天大: an age given in months, weeks or days.
  if (dimension === 'duration' && text[end] === '大' && !/[\u3400-\u9fff]/.test(text[end + 1] ?? '') ) {
    dimension = 'age';
    end++;
  } else if (dimension === 'duration' && text[end] === '大' && /[的了时]/.test(text[end + 1] ?? '')) {
    dimension = 'age';
    end++;
  }
  const inclusive = INCLUSIVE.exec(text.slice(end, end + 4));
  const afterAt = inclusive ? end + inclusive[0].length : end;
  for (const [word, a] of AFTER_FIRST.has(text[afterAt] ?? '') ? AFTER : []) {
    if (text.startsWith(word, afterAt) && !(word === '多' || word === '余')) {
      approx = a;
      approxAfter = true;
      end = afterAt + word.length;
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
  const mention: Mention = {
    start: numberStart,
    end,
    numberStart,
    numberEnd,
    value: value === null ? null : round(value * factor),
    valueMax: valueMax === null ? null : round(valueMax * factor),
    scale: factor,
    unit: entry.unit,
    unitAsWritten: withoutApproxOrSpace(text.slice(unitStart, unit.end)),
    dimension,
    approx: valueMax !== null && approx === 'exact' ? 'range' : approx,
    approxAfter,
    placeholder: opts.placeholder,
    per,
    chinese: opts.chinese ?? false,
    raw: text.slice(numberStart, numberEnd),
  };
  // Set afterwards: a conditional spread inside the literal made building every mention a slow runtime call.
  if (magnitude !== 1) mention.magnitude = magnitude;
  return mention;
}

/** Money units by alias, for a measure word that is money when the parts of its currency follow (块). */
const MONEY_BY_ALIAS = new Map(UNIT_ENTRIES.filter((u) => u.dimension === 'money' && !u.subunitOnly && !u.before).map((u) => [u.alias, u]));

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
  // 1000万以上农村贫困人口: a qualifier may stand between the magnitude and the people.
  const after = AFTER.find(([w]) => w !== '多' && w !== '余' && text.startsWith(w, end));
  const people = PERSON_NOUN.exec(text.slice(after ? end + after[0].length : end, end + 10));
  if (people) {
    if (!after) return { ...base, unit: '人', dimension: 'persons' };
    return { ...base, end: end + after[0].length, approx: approx === 'exact' ? after[1] : approx, approxAfter: true, unit: '人', dimension: 'persons' };
  }
  if (MONEY_CONTEXT.test(text.slice(Math.max(0, numberStart - 16), numberStart))) return { ...base, unit: '元', dimension: 'money' };
  return null;
}

/** Twelve significant digits: rounds away float noise (1.54 × 10000) and keeps small amounts (2.4微克 = 0.0000024 克). */
export function round(v: number): number {
  // Most amounts are whole: nothing to round, and toPrecision is costly.
  if (Number.isInteger(v) && v < 1e12 && v > -1e12) return v;
  return v === 0 || !Number.isFinite(v) ? v : Number(v.toPrecision(12));
}
