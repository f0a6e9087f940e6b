import { expect, isStringList, readJsonDictionary } from '../dictionaries.js';
import { DIMENSIONS, isDimension, type Dimension } from '../records/dimensions.js';

// Units and measure words from dictionaries/units.json: one group a
// dimension, one canonical unit with a factor, many aliases as written.

interface Guards {
  notFollowedBy?: string[];
  standalone?: boolean;
  arabicOnly?: boolean;
  numeralOnly?: boolean;
  contextBefore?: string[] | string;
  before?: boolean;
  alsoBefore?: boolean;
  subunitOnly?: boolean;
  endOnly?: boolean;
}

type AliasSpec = string | (Guards & { alias: string });

interface UnitSpec extends Guards {
  unit: string;
  factor?: number;
  iso4217?: string;
  aliases: AliasSpec[];
}

interface UnitsDictionary {
  per: string[];
  groups: Array<{ dimension: string; source: string; units: UnitSpec[] }>;
}

/** One alias, flattened with its unit's dimension, factor and guards. */
export interface UnitEntry {
  alias: string;
  unit: string;
  dimension: Dimension;
  factor?: number;
  iso4217?: string;
  notFollowedBy?: string[];
  standalone?: boolean;
  arabicOnly?: boolean;
  numeralOnly?: boolean;
  contextBefore?: string[];
  /** A currency sign written before the number (￥300, $20). */
  before?: boolean;
  /** A part of a currency's unit, read only after it (5元3角2分). */
  subunitOnly?: boolean;
  /** A currency name also written before the number (人民币300元, 港币两千元). */
  alsoBefore?: boolean;
  /** Counts only where no word follows (三块 is money, 3块地 is land). */
  endOnly?: boolean;
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
    expect(entry.contextBefore === undefined || isStringList(entry.contextBefore), 'units.json', `${name}: contextBefore must be a list of words`);
  }
}

function flatten(dictionary: UnitsDictionary): UnitEntry[] {
  const out: UnitEntry[] = [];
  for (const group of dictionary.groups) {
    for (const unit of group.units) {
      const { aliases, unit: name, factor, iso4217, ...shared } = unit;
      for (const spec of aliases) {
        const own: Guards & { alias: string } = typeof spec === 'string' ? { alias: spec } : spec;
        const { contextBefore: context, ...guards } = { ...shared, ...own };
        out.push({
          ...guards,
          unit: name,
          dimension: group.dimension as Dimension,
          ...(factor !== undefined && factor !== 1 ? { factor } : {}),
          ...(iso4217 ? { iso4217 } : {}),
          ...(context !== undefined ? { contextBefore: typeof context === 'string' ? [context] : context } : {}),
        });
      }
    }
  }
  return out;
}

const dictionary = readJsonDictionary<UnitsDictionary>('units.json');
const units = flatten(dictionary);
checkUnitEntries(units);
expect(isStringList(dictionary.per), 'units.json', 'per must be a list of units');
/** Units a rate may be given per, after a slash (10万元/年). */
export const PER_UNITS = dictionary.per;
/** Every alias, for tests and the conversion table. */
export const UNIT_ENTRIES: readonly UnitEntry[] = units;

/** An entry with its guards prepared once: matching runs for every number in every report. */
interface PreparedUnit {
  entry: UnitEntry;
  latin: boolean;
}

/** Aliases by the code unit they start with: longest first, and of equal length the one with a context first. */
function index(entries: UnitEntry[]): Map<number, PreparedUnit[]> {
  const map = new Map<number, PreparedUnit[]>();
  for (const entry of entries) {
    const code = entry.alias.charCodeAt(0);
    const list = map.get(code) ?? [];
    list.push({ entry, latin: isLatinLetter(code) });
    map.set(code, list);
  }
  // Of equal length, the alias with a condition goes first: it is the more particular reading.
  const particular = (e: UnitEntry) => Number(Boolean(e.contextBefore) || Boolean(e.endOnly));
  for (const list of map.values()) list.sort((a, b) => b.entry.alias.length - a.entry.alias.length || particular(b.entry) - particular(a.entry));
  return map;
}
const byFirstCode = index(units.filter((u) => !u.before && !u.subunitOnly));
const subunits = index(units.filter((u) => u.subunitOnly || (u.dimension === 'money' && u.factor !== undefined && u.factor < 1)));
/** Currencies written before the number: signs (￥, $) and names (人民币, 港币). */
export const CURRENCY_BEFORE = units.filter((u) => u.before || u.alsoBefore).sort((a, b) => b.alias.length - a.alias.length);

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
const STANDALONE_FOLLOWERS = new Set(['以', '左', '上', '下', '的', '和', '及', '与', '至', '到', '或', '、', '多', '余', '每', '之', '内', '前', '后', '次', '半', '（', '(']);

/** What may follow a unit that counts only at the end of its words (三块, 三块多, 三块钱). */
const END_FOLLOWERS = new Set(['钱', '多', '余', '左', '以', '上', '下', '的', '了', '和', '或', '、', '至', '到']);

/** CJK Unified Ideographs and Extension A: the characters a Chinese word is made of. */
export function isCjkCode(c: number): boolean {
  return c >= 0x3400 && c <= 0x9fff;
}

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && isCjkCode(ch.charCodeAt(0));
}

export interface MatchOptions {
  arabic: boolean;
  numberStart: number;
}

function accepts(text: string, at: number, { entry, latin }: PreparedUnit, opts: MatchOptions): number {
  if (!text.startsWith(entry.alias, at)) return -1;
  const end = at + entry.alias.length;
  if (entry.arabicOnly && !opts.arabic) return -1;
  if (entry.numeralOnly && opts.arabic) return -1;
  if (entry.notFollowedBy && followedByAny(text, end, entry.notFollowedBy)) return -1;
  const next = text.charCodeAt(end);
  if (entry.standalone && isCjkCode(next) && !STANDALONE_FOLLOWERS.has(text[end]!)) return -1;
  if (entry.endOnly && isCjkCode(next) && !END_FOLLOWERS.has(text[end]!)) return -1;
  if (latin && isLatinLetterOrDigit(next)) return -1;
  if (entry.contextBefore) {
    const window = text.slice(Math.max(0, opts.numberStart - 8), opts.numberStart) + text.slice(end, end + 1);
    if (!entry.contextBefore.some((w) => window.includes(w))) return -1;
  }
  return end;
}

/**
 * The longest unit alias at `at`, honouring each alias's guards from the
 * dictionary (名 is not a unit in 名单, 分 only stands alone).
 */
export function matchUnit(text: string, at: number, opts: MatchOptions): UnitMatch | null {
  const candidates = byFirstCode.get(text.charCodeAt(at));
  if (!candidates) return null;
  for (const candidate of candidates) {
    const end = accepts(text, at, candidate, opts);
    if (end >= 0) return { entry: candidate.entry, end };
  }
  return null;
}

/** A part of a currency's unit (角, 毛, 分, 美分) at `at`, of the currency `unit`. */
export function matchSubunit(text: string, at: number, unit: string): UnitMatch | null {
  for (const candidate of subunits.get(text.charCodeAt(at)) ?? []) {
    if (candidate.entry.unit !== unit || !text.startsWith(candidate.entry.alias, at)) continue;
    return { entry: candidate.entry, end: at + candidate.entry.alias.length };
  }
  return null;
}

function followedByAny(text: string, at: number, words: string[]): boolean {
  for (const w of words) if (text.startsWith(w, at)) return true;
  return false;
}
