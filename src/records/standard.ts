import { expect, readJsonDictionary } from '../dictionaries.js';
import { round } from '../find/amount.js';
import { DIMENSIONS, type Dimension } from './dimensions.js';

// Amounts of one dimension in one unit (valueStd, unitStd), so that an
// analyst's sum by dimension adds 亩 to 平方米 correctly. The table and its
// sources are dictionaries/standard-units.json; a unit that does not convert
// exactly (a month, a foreign currency) has no standard value.

type Exact = number | string;

interface StandardEntry {
  unit: string | null;
  factors?: Record<string, Exact>;
  offsets?: Record<string, Exact>;
  none?: Record<string, string>;
  noneOthers?: string;
}

const FILE = 'standard-units.json';
const table = readJsonDictionary<{ dimensions: Record<string, StandardEntry> }>(FILE).dimensions;

function exact(v: Exact, where: string): number {
  if (typeof v === 'number') return v;
  const m = /^(-?[\d.]+)\/([\d.]+)$/.exec(v);
  expect(m !== null, FILE, `${where}: "${v}" is neither a number nor a fraction a/b`);
  return Number(m![1]) / Number(m![2]);
}

const conversions = new Map<string, { unit: string; factor: number; offset: number } | null>();
for (const dimension of DIMENSIONS) {
  const entry = table[dimension];
  expect(entry !== undefined, FILE, `dimension ${dimension} has no entry (give its standard unit, or unit null and noneOthers)`);
  expect(entry!.unit === null ? typeof entry!.noneOthers === 'string' : typeof entry!.unit === 'string', FILE, `${dimension}: a standard unit, or null with noneOthers saying why`);
  for (const [unit, f] of Object.entries(entry!.factors ?? {})) {
    const offset = entry!.offsets?.[unit];
    conversions.set(`${dimension}\t${unit}`, { unit: entry!.unit!, factor: exact(f, `${dimension}.${unit}`), offset: offset === undefined ? 0 : exact(offset, `${dimension}.offsets.${unit}`) });
  }
  for (const unit of Object.keys(entry!.none ?? {})) conversions.set(`${dimension}\t${unit}`, null);
}

export interface StandardValue {
  valueStd: number | null;
  valueMaxStd: number | null;
  unitStd: string | null;
}

/** Whether the table decides the unit: a factor, or a listed reason why it has none. */
export function isStandardised(dimension: Dimension, unit: string): boolean {
  return conversions.has(`${dimension}\t${unit}`) || table[dimension]?.noneOthers !== undefined;
}

export function standardUnitOf(dimension: Dimension): string | null {
  return table[dimension]?.unit ?? null;
}

/** The amount in its dimension's standard unit; a rate keeps what it is per (元/年). */
export function standardValue(dimension: Dimension, unit: string, value: number | null, valueMax: number | null, per: string | null = null): StandardValue {
  const c = conversions.get(`${dimension}\t${unit}`);
  if (!c) return { valueStd: null, valueMaxStd: null, unitStd: null };
  const convert = (v: number | null) => (v === null ? null : round(v * c.factor + c.offset));
  return { valueStd: convert(value), valueMaxStd: convert(valueMax), unitStd: per ? `${c.unit}/${per}` : c.unit };
}
