import { expect, isStringList, readJsonDictionary } from '../dictionaries.js';
import { DIMENSIONS, isDimension, type Dimension } from '../records/dimensions.js';

export interface UnitEntry {
  alias: string;
  unit: string;
  dimension: Dimension;
  factor?: number;
  notFollowedBy?: string[];
  standalone?: boolean;
  arabicOnly?: boolean;
  contextBefore?: string;
}

export interface UnitMatch {
  entry: UnitEntry;
  end: number;
}

/** Stops at load on an entry the finders could not use right (an unknown dimension would become wrong records). */
export function checkUnitEntries(entries: UnitEntry[]): void {
  for (const entry of entries) {
    const name = `unit "${entry.alias}"`;
    expect(typeof entry.alias === 'string' && entry.alias !== '' && typeof entry.unit === 'string' && entry.unit !== '', 'units.json', `${name} needs an alias and a unit`);
    expect(isDimension(entry.dimension), 'units.json', `${name} has dimension "${entry.dimension}", not one of ${DIMENSIONS.join(', ')}`);
    expect(entry.factor === undefined || (typeof entry.factor === 'number' && entry.factor > 0), 'units.json', `${name} has a factor that is not a positive number`);
    expect(entry.notFollowedBy === undefined || isStringList(entry.notFollowedBy), 'units.json', `${name}: notFollowedBy must be a list of strings`);
  }
}

const dictionary = readJsonDictionary<{ units: UnitEntry[]; per: string[] }>('units.json');
checkUnitEntries(dictionary.units);
expect(isStringList(dictionary.per), 'units.json', 'per must be a list of units');
const units = dictionary.units;
/** Units a rate may be given per, after a slash (10万元/年). */
export const PER_UNITS = dictionary.per;

/** An entry with its guards prepared once: matching runs for every number in every report. */
interface PreparedUnit {
  entry: UnitEntry;
  latin: boolean;
}
/** Aliases by the code unit they start with, longest first. */
const byFirstCode = new Map<number, PreparedUnit[]>();
for (const entry of units) {
  const code = entry.alias.charCodeAt(0);
  const list = byFirstCode.get(code) ?? [];
  list.push({ entry, latin: isLatinLetter(code) });
  byFirstCode.set(code, list);
}
for (const list of byFirstCode.values()) list.sort((a, b) => b.entry.alias.length - a.entry.alias.length);

function isLatinLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLatinLetterOrDigit(c: number): boolean {
  return isLatinLetter(c) || (c >= 48 && c <= 57);
}

export function unitMayStartWith(ch: string): boolean {
  return byFirstCode.has(ch.charCodeAt(0));
}
/** Words that may follow a standalone unit without making it part of a word. */
const STANDALONE_FOLLOWERS = new Set(['以', '左', '上', '下', '的', '和', '及', '与', '至', '到', '或', '、', '多', '余', '每', '之', '内', '前', '后', '次']);

/** CJK Unified Ideographs and Extension A: the characters a Chinese word is made of. */
export function isCjkCode(c: number): boolean {
  return c >= 0x3400 && c <= 0x9fff;
}

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && isCjkCode(ch.charCodeAt(0));
}

/**
 * The longest unit alias at `at`, honouring each alias's guards from the
 * dictionary (名 is not a unit in 名单, 分 only stands alone).
 */
export function matchUnit(text: string, at: number, opts: { arabic: boolean; numberStart: number }): UnitMatch | null {
  const candidates = byFirstCode.get(text.charCodeAt(at));
  if (!candidates) return null;
  for (const { entry, latin } of candidates) {
    if (!text.startsWith(entry.alias, at)) continue;
    const end = at + entry.alias.length;
    if (entry.arabicOnly && !opts.arabic) continue;
    if (entry.notFollowedBy && followedByAny(text, end, entry.notFollowedBy)) continue;
    const next = text.charCodeAt(end);
    if (entry.standalone && isCjkCode(next) && !STANDALONE_FOLLOWERS.has(text[end]!)) continue;
    if (latin && isLatinLetterOrDigit(next)) continue;
    if (entry.contextBefore) {
      const window = text.slice(Math.max(0, opts.numberStart - 8), opts.numberStart) + text.slice(end, end + 1);
      if (!window.includes(entry.contextBefore)) continue;
    }
    return { entry, end };
  }
  return null;
}

function followedByAny(text: string, at: number, words: string[]): boolean {
  for (const w of words) if (text.startsWith(w, at)) return true;
  return false;
}
