import { expect, isNumberMap, isStringList, readJsonDictionary } from '../dictionaries.js';
import type { Approx } from '../records/dimensions.js';

// The word lists the finders read, from dictionaries/, checked once at load.

interface Numerals {
  digits: Record<string, number>;
  smallUnits: Record<string, number>;
  bigUnits: Record<string, number>;
  magnitudes: Record<string, number>;
  rangeSeparators: string[];
  negativeSigns: string[];
  productSigns: string[];
}

interface Qualifiers {
  before: Record<'over' | 'under' | 'about', string[]>;
  after: Record<'over' | 'under' | 'about', string[]>;
  inner: Record<'over', string[]>;
  notBefore: Record<string, string>;
  bridges: string[];
  beforeMagnitude: Record<'over' | 'under' | 'about', string[]>;
}

interface Masks {
  x: string;
  star: string;
  blank: string;
  circle: string;
  box: string;
  someBefore: string;
  someWords: string[];
  notMasks: string[];
}

interface Exclusions {
  oneNeeds: string[];
  oneSpanNeeds: string[];
  vagueOne: string[];
  moneyBefore: string[];
  personsAfter: string[];
  phaseAfter: string[];
  nameAfterYuan: string[];
}

function load<T>(name: string, check: (d: T) => void): T {
  const d = readJsonDictionary<T>(name);
  check(d);
  return d;
}

export const NUMERALS = load<Numerals>('numerals.json', (d) => {
  for (const key of ['digits', 'smallUnits', 'bigUnits', 'magnitudes'] as const) expect(isNumberMap(d[key]), 'numerals.json', `${key} must map characters to numbers`);
  for (const key of ['rangeSeparators', 'negativeSigns', 'productSigns'] as const) expect(isStringList(d[key]), 'numerals.json', `${key} must be a list of strings`);
  for (const ch of Object.keys({ ...d.digits, ...d.smallUnits, ...d.bigUnits })) expect([...ch].length === 1, 'numerals.json', `"${ch}" is not one character`);
});

export const QUALIFIERS = load<Qualifiers>('qualifiers.json', (d) => {
  for (const side of ['before', 'after', 'inner', 'beforeMagnitude'] as const) {
    for (const [approx, words] of Object.entries(d[side] ?? {})) {
      expect(['over', 'under', 'about'].includes(approx), 'qualifiers.json', `${side}.${approx} is not over, under or about`);
      expect(isStringList(words), 'qualifiers.json', `${side}.${approx} must be a list of words`);
    }
  }
  expect(isStringList(d.bridges), 'qualifiers.json', 'bridges must be a list of words');
});

export const MASKS = load<Masks>('masks.json', (d) => {
  for (const key of ['x', 'star', 'blank', 'circle', 'box', 'someBefore'] as const) expect(typeof d[key] === 'string' && d[key] !== '', 'masks.json', `${key} must be a string of characters`);
  expect(isStringList(d.someWords), 'masks.json', 'someWords must be a list of words');
  expect(isStringList(d.notMasks), 'masks.json', 'notMasks must be a list of words');
});

export const EXCLUSIONS = load<Exclusions>('exclusions.json', (d) => {
  for (const key of ['oneNeeds', 'oneSpanNeeds', 'vagueOne', 'moneyBefore', 'personsAfter', 'phaseAfter', 'nameAfterYuan'] as const) expect(isStringList(d[key]), 'exclusions.json', `${key} must be a list of words`);
});

/** Qualifier words with their approx, longest first so 不超过 wins over 超过. */
export function qualifierList(map: Partial<Record<string, string[]>>): Array<[string, Approx]> {
  const out: Array<[string, Approx]> = [];
  for (const [approx, words] of Object.entries(map)) for (const w of words ?? []) out.push([w, approx as Approx]);
  return out.sort((a, b) => b[0].length - a[0].length);
}

/** A regular-expression alternation of words, longest first. */
export function alternation(words: string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}
