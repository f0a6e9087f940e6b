import { readJsonDictionary } from '../dictionaries.js';
import type { Dimension } from '../records/schema.js';

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

const units = readJsonDictionary<{ units: UnitEntry[] }>('units.json').units;
const byFirstChar = new Map<string, UnitEntry[]>();
for (const entry of units) {
  const list = byFirstChar.get(entry.alias[0]!) ?? [];
  list.push(entry);
  byFirstChar.set(entry.alias[0]!, list);
}
for (const list of byFirstChar.values()) list.sort((a, b) => b.alias.length - a.alias.length);

const CJK = /[\u3400-\u9fff]/;

export function unitMayStartWith(ch: string): boolean {
  return byFirstChar.has(ch);
}
/** Words that may follow a standalone unit without making it part of a word. */
const STANDALONE_FOLLOWERS = new Set(['以', '左', '上', '下', '的', '和', '及', '与', '至', '到', '或', '、', '多', '余', '每', '之', '内', '前', '后', '次']);

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/**
 * The longest unit alias at `at`, honouring each alias's guards from the
 * dictionary (名 is not a unit in 名单, 分 only stands alone).
 */
export function matchUnit(text: string, at: number, opts: { arabic: boolean; numberStart: number }): UnitMatch | null {
  const candidates = byFirstChar.get(text[at] ?? '');
  if (!candidates) return null;
  for (const entry of candidates) {
    if (!text.startsWith(entry.alias, at)) continue;
    const end = at + entry.alias.length;
    if (entry.arabicOnly && !opts.arabic) continue;
    if (entry.notFollowedBy?.some((w) => text.startsWith(w, end))) continue;
    const next = text[end];
    if (entry.standalone && isCjk(next) && !STANDALONE_FOLLOWERS.has(next!)) continue;
    if (/^[A-Za-z]/.test(entry.alias) && /[A-Za-z0-9]/.test(next ?? '')) continue;
    if (entry.contextBefore) {
      const window = text.slice(Math.max(0, opts.numberStart - 8), opts.numberStart) + text.slice(end, end + 1);
      if (!window.includes(entry.contextBefore)) continue;
    }
    return { entry, end };
  }
  return null;
}
