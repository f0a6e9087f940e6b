import { extractText } from '../pipeline.js';
import type { MetricRecord } from '../records/schema.js';
import type { Expected, PeerCase } from './peers.js';

// The fixed conversion from a peer's units to the spec's canonical units
// (docs/EXTRACTION.md section 3): a peer's value times the factor is the
// value this tool must give in that unit.

type Target = Array<[unit: string, factor: number]>;

const UNITS: Record<string, Target> = {
  // Recognizers-Text currencies (ISO codes and names), JioNLP's currency names.
  CNY: [['元', 1]], 'Chinese yuan': [['元', 1]], 元: [['元', 1]], USD: [['美元', 1]], 'United States dollar': [['美元', 1]], Dollar: [['美元', 1]], 美元: [['美元', 1]],
  EUR: [['欧元', 1]], Euro: [['欧元', 1]], 欧元: [['欧元', 1]], HKD: [['港元', 1]], 'Hong Kong dollar': [['港元', 1]], 港元: [['港元', 1]],
  JPY: [['日元', 1]], 'Japanese yen': [['日元', 1]], 日元: [['日元', 1]], TWD: [['新台币', 1]], 'New Taiwan dollar': [['新台币', 1]], 新台币: [['新台币', 1]],
  CHF: [['瑞士法郎', 1]], 'Swiss franc': [['瑞士法郎', 1]], NGN: [['奈拉', 1]], 'Nigerian naira': [['奈拉', 1]], Bitcoin: [['比特币', 1]],
  泰铢: [['泰铢', 1]], 卢布: [['卢布', 1]], 澳元: [['澳元', 1]], 韩元: [['韩元', 1]],
  // Recognizers-Text dimensions.
  Mu: [['亩', 1]], Kilogram: [['公斤', 1]], Gram: [['克', 1]], Microgram: [['克', 1e-6]], Ton: [['吨', 1]], Jin: [['斤', 1]], Liang: [['两', 1]],
  Meter: [['米', 1]], Centimeter: [['米', 0.01]], Kilometer: [['公里', 1]], Bit: [['比特', 1]], Kilobit: [['比特', 1000]], Kilobyte: [['字节', 1000]], Megabyte: [['字节', 1e6]],
  Hertz: [['赫兹', 1]], Megahertz: [['赫兹', 1e6]], Kilowatt: [['千瓦', 1]], Kilocalorie: [['千卡', 1]],
  // Recognizers-Text ages and temperatures.
  Year: [['岁', 1]], Month: [['个月', 1]], Week: [['周', 1]], Day: [['天', 1]],
  Degree: [['℃', 1]], C: [['℃', 1]], F: [['℉', 1]],
  // Percentages: a share in %, or in percentage points or per mille.
  '%': [['%', 1], ['个百分点', 1], ['‰', 10]],
};

/** cn2an names a unit with its factor (`公里*0.001`); its names map to the spec's. */
const CN2AN_NAMES: Record<string, string> = { 摄氏度: '℃', 块: '元' };

const MONEY = new Set(['money']);

export function targets(e: Expected): Target | 'any' | 'money' {
  if (e.units.length === 0) return 'any';
  if (e.units.some((u) => MONEY.has(u))) return 'money';
  const out: Target = [];
  for (const u of e.units) {
    const cn2an = /^(.+)\*([\d.e-]+)$/.exec(u);
    if (cn2an) out.push([CN2AN_NAMES[cn2an[1]!] ?? cn2an[1]!, Number(cn2an[2])]);
    else out.push(...(UNITS[u] ?? []));
  }
  return out;
}

function same(a: number | null, b: number | null | undefined): boolean {
  if (a === null || b === null || b === undefined) return a === (b ?? null);
  return Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 1e-6);
}

function overlaps(m: MetricRecord, e: Expected, input: string): boolean {
  const start = e.start ?? input.indexOf(e.text);
  const end = e.end ?? (start < 0 ? -1 : start + e.text.length);
  return start >= 0 && m.start < end && start < m.end;
}

/** Whether a record states the expected amount: same place, a unit the peer's maps to, the same value (and high end, and over/under). */
export function matches(m: MetricRecord, e: Expected, input: string): boolean {
  if (!overlaps(m, e, input)) return false;
  const t = targets(e);
  // A range of bare numbers is matched in whatever unit the text gives; a share of 1/2 may come as 50 %.
  const options: Target = t === 'any' || t === 'money' ? (t === 'any' && m.unit === '%' ? [['%', 1], ['%', 100]] : [[m.unit, 1]]) : t;
  if (t === 'money' && m.dimension !== 'money') return false;
  return options.some(([unit, factor]) => {
    if (unit !== m.unit) return false;
    if (!same(m.value, e.value === null ? null : e.value * factor)) return false;
    if (e.valueMax != null && m.valueMax !== null && !same(m.valueMax, e.valueMax * factor)) return false;
    if ((e.approx === 'over' || e.approx === 'under') && m.approx !== e.approx) return false;
    // 3000多欧元 read as over 3000 states the peer's range as far as the text does.
    if (e.approx === 'range' && e.valueMax != null && m.valueMax === null && m.approx !== 'over') return false;
    return true;
  });
}

export interface CaseResult {
  pass: boolean;
  /** Expected amounts with no record stating them. */
  missed: Expected[];
  /** Records where the peer expects no amount. */
  extra: MetricRecord[];
  records: MetricRecord[];
}

/**
 * The dimensions a suite speaks for: Recognizers-Text has one model per
 * dimension and JioNLP's tests are about money, so an amount of another
 * dimension in their sentences (15位股东 in a currency test) is not theirs
 * to expect or to miss.
 */
const SUITE_DIMENSIONS: Partial<Record<string, (d: string) => boolean>> = {
  'rt-currency': (d) => d === 'money',
  'rt-dimension': (d) => !['money', 'percent', 'persons', 'person_times', 'households', 'organizations', 'count', 'events', 'duration', 'age', 'temperature', 'score', 'ratio'].includes(d),
  'rt-age': (d) => d === 'age',
  'rt-temperature': (d) => d === 'temperature',
  'rt-percent': (d) => d === 'percent',
  'jionlp-parse': (d) => d === 'money',
  'jionlp-extract': (d) => d === 'money',
};

export function runCase(c: PeerCase): CaseResult {
  const records = extractText(c.input, 'peer.txt').records.filter((r): r is MetricRecord => r.kind === 'metric' && !r.placeholder);
  const theirs = SUITE_DIMENSIONS[c.suite] ?? (() => true);
  const used = new Set<MetricRecord>();
  const missed: Expected[] = [];
  for (const e of c.expected) {
    const hit = records.find((m) => !used.has(m) && matches(m, e, c.input));
    if (hit) used.add(hit);
    else missed.push(e);
  }
  const extra = records.filter((m) => !used.has(m) && theirs(m.dimension) && !c.expected.some((e) => overlaps(m, e, c.input)));
  return { pass: missed.length === 0 && extra.length === 0, missed, extra, records };
}
