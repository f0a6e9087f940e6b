import { expect, isStringList, readJsonDictionary } from '../dictionaries.js';
import { MASKS } from '../find/words.js';
import { LEVELS, type Level } from '../records/dimensions.js';
import { tag } from './jieba.js';

// The place that issues a report, from its title or opening line: a name
// jieba knows as a place (陕西省, 赣州市, 城关镇), or a proper name followed
// by the ending of an administrative unit (海拉尔 + 区, 木兰 + 乡), or a mask
// before one (XX镇). Nested units written together are one place (杭州市西湖区),
// whose level is the last one's. Words that only end like a place (乡村,
// 示范区, 先进镇, 全县) are not one.

interface PlaceWords {
  levels: Record<Level, string[]>;
  municipalities: string[];
  regions: string[];
  notPlaces: string[];
  governments: string[];
}

const FILE = 'report-kinds.json';
const words = readJsonDictionary<PlaceWords>(FILE);
for (const level of LEVELS) expect(isStringList(words.levels[level]), FILE, `levels.${level} must be a list of name endings`);
for (const key of ['municipalities', 'regions', 'notPlaces', 'governments'] as const) expect(isStringList(words[key]), FILE, `${key} must be a list of words`);

const ENDINGS = LEVELS.flatMap((level) => words.levels[level].map((ending) => ({ ending, level }))).sort((a, b) => b.ending.length - a.ending.length);
const NOT_PLACES = new Set(words.notPlaces);
const MASK_CHARS = `${MASKS.x}${MASKS.star}${MASKS.circle}`;
const MASK = new RegExp(`^[${MASK_CHARS.replace(/[\]\\^-]/g, '\\$&')}]{1,4}$|^某$`);
/** Tags of a word that can be the proper part of a place's name before its ending. */
const NAME_TAGS = /^(ns|nr|nrt|nz|x|n|j)$/;

export interface Place {
  place: string;
  level: Level | null;
}

function endingOf(word: string): { ending: string; level: Level } | undefined {
  return ENDINGS.find((e) => word.endsWith(e.ending));
}

/** 区, 区政府, 县人民政府: a token that is an ending, alone or before the word for its government. */
function endingToken(word: string): { ending: string; level: Level } | undefined {
  return ENDINGS.find((e) => word === e.ending || (word.startsWith(e.ending) && words.governments.includes(word.slice(e.ending.length))));
}

function isChinese(word: string): boolean {
  return /^[\u3400-\u9fff]+$/.test(word);
}

/** A one-character name is a county's or a city's (沛县), not a village's: 强村 is a slogan. */
function longEnough(stem: string, level: Level): boolean {
  return stem.length >= 2 || (stem.length === 1 && ['county', 'city', 'province'].includes(level));
}

function unitAt(tokens: Array<{ word: string; tag: string }>, i: number): { place: string; level: Level | null; next: number } | null {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  const after = next ? endingToken(next.word) : undefined;
  if (NOT_PLACES.has(t.word)) return null;
  if (t.tag === 'ns' && isChinese(t.word)) {
    const own = endingOf(t.word);
    if (own && t.word.length > own.ending.length && !NOT_PLACES.has(t.word.slice(0, -own.ending.length))) return { place: t.word, level: own.level, next: i + 1 };
    if (after) return { place: t.word + after.ending, level: after.level, next: i + 2 };
    if (words.regions.includes(t.word)) return { place: t.word, level: 'province', next: i + 1 };
    return null;
  }
  // 北京市政府, 城关镇人民政府: an organisation jieba knows, named after its place.
  if (t.tag === 'nt') {
    const government = words.governments.find((g) => t.word.endsWith(g) && t.word.length > g.length);
    const stem = government ? t.word.slice(0, -government.length) : '';
    const own = endingOf(stem);
    if (own && stem.length > own.ending.length && !NOT_PLACES.has(stem.slice(0, -own.ending.length))) return { place: stem, level: own.level, next: i + 1 };
    return null;
  }
  if (MASK.test(t.word) && after) return { place: t.word + after.ending, level: after.level, next: i + 2 };
  if (NAME_TAGS.test(t.tag) && isChinese(t.word) && after && t.word.length <= 5 && longEnough(t.word, after.level)) {
    return { place: t.word + after.ending, level: after.level, next: i + 2 };
  }
  // 双泉村: a word jieba does not know that ends like a village.
  if (t.tag === 'x' && isChinese(t.word)) {
    const own = endingOf(t.word);
    const stem = own ? t.word.slice(0, -own.ending.length) : '';
    if (own && longEnough(stem, own.level) && !NOT_PLACES.has(stem)) return { place: t.word, level: own.level, next: i + 1 };
  }
  return null;
}

/** ××乡, 某镇: a mask jieba cut into characters, or took with its ending, as one word and its ending. */
function mergeMasks(tokens: Array<{ word: string; tag: string }>): Array<{ word: string; tag: string }> {
  const out: Array<{ word: string; tag: string }> = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && MASK.test(last.word) && MASK.test(last.word + t.word)) last.word += t.word;
    else if (/^某./.test(t.word) && endingToken(t.word.slice(1))) out.push({ word: '某', tag: 'r' }, { word: t.word.slice(1), tag: 'n' });
    else out.push({ ...t });
  }
  return out;
}

/** The first place named in the line, nested units joined (杭州市西湖区). */
export function placeOf(line: string): Place | null {
  if (/国务院/.test(line)) return { place: '国务院', level: null };
  const tokens = mergeMasks(tag(line.replace(/(?:19|20)\d{2}\s*年度?/g, ' ')));
  for (let i = 0; i < tokens.length; i++) {
    let unit = unitAt(tokens, i);
    if (!unit) continue;
    let place = unit.place;
    let level = unit.level;
    for (let j = unit.next; j < tokens.length && (unit = unitAt(tokens, j)); j = unit.next) {
      place += unit.place;
      level = unit.level;
    }
    const municipality = level === 'city' && words.municipalities.some((c) => place.startsWith(c));
    return { place, level: municipality ? 'province' : level };
  }
  return null;
}
