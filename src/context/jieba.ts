import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import { dictionaryPath } from '../dictionaries.js';
import { BoundedMemo } from './memo.js';
import { work } from '../work.js';

// jieba, loaded once per thread with the project's dictionaries, and only
// ever asked about short clauses that hold an amount.
//
// Loading the dictionary is most of a short run (0.3 s of a lint of one
// report): jieba builds its trie from every word. A run that reads one small
// text loads only the words that occur in it, and two stand-ins that keep
// the dictionary's total and least frequency, so every weight, and hence
// every cut and tag, is what the whole dictionary gives (jieba weighs a word
// by log(freq / total), and an unknown character by the least weight). A
// phrase with a word the small dictionary lacks loads the whole one.

const FILES = {
  dict: dictionaryPath('jieba-main.dict'),
  userDict: dictionaryPath('jieba-user.dict'),
  idfDict: dictionaryPath('jieba-idf.txt'),
  stopWordDict: dictionaryPath('jieba-stop-words.txt'),
};

/** Texts up to this many characters in all get a dictionary of their own words. */
const SMALL_TEXT = 200_000;
/** Characters no report writes (Unicode private use): the stand-in words. */
const STAND_IN = ['\ue000', '\ue001\ue001'];

type State = 'none' | 'subset' | 'full';
let state: State = 'none';
let expected: string[] = [];
let expectedChars = 0;
/** Told by a run of more than one report: the first tag loads the whole dictionary. */
let many = false;
let subset: Set<string> | null = null;
let words: { lines: Map<string, string>; total: number; least: number; longest: Map<number, number> } | null = null;

/** What was loaded so far, in order: for tests of what a kind of run costs. */
export const dictionaryLoads: Array<'subset' | 'full'> = [];

/** Loads the whole dictionary now (a worker does it while the folders are walked). */
export function ensureDictionary(): void {
  if (state === 'full') return;
  nodejieba.load(FILES);
  dictionaryLoads.push('full');
  state = 'full';
  subset = null;
}

/**
 * The text the next tags will come from, told before the first one: a run
 * of one small report loads only its words. Once a second text comes, the
 * whole dictionary will be loaded when a word needs it.
 */
export function expectText(text: string): void {
  if (state === 'full' || process.env.REPORT_METRICS_JIEBA === 'full') return;
  expected.push(text);
  expectedChars += text.length;
}

/**
 * A run of several reports says so before the first: the whole dictionary
 * then costs less than the small one of the first report plus the whole one
 * at the second.
 */
export function expectReports(count: number): void {
  if (count > 1) many = true;
}

function dictionaryWords(): NonNullable<typeof words> {
  if (words) return words;
  const lines = new Map<string, string>();
  let total = 0;
  let least = Infinity;
  // The longest word each character starts, so a scan tries no longer slices than can match.
  const longest = new Map<number, number>();
  for (const line of readFileSync(FILES.dict, 'utf8').split('\n')) {
    if (line === '') continue;
    const space = line.indexOf(' ');
    const word = line.slice(0, space);
    const freq = Number(line.slice(space + 1, line.indexOf(' ', space + 1)));
    lines.set(word, line);
    total += freq;
    if (freq < least) least = freq;
    const first = word.charCodeAt(0);
    if (word.length > (longest.get(first) ?? 0)) longest.set(first, word.length);
  }
  words = { lines, total, least, longest };
  return words;
}

/** The dictionary's words that occur in `text`. */
function wordsIn(text: string, into: Set<string>): Set<string> {
  const { lines, longest } = dictionaryWords();
  for (let i = 0; i < text.length; i++) {
    const max = Math.min(longest.get(text.charCodeAt(i)) ?? 0, text.length - i);
    for (let n = 1; n <= max; n++) {
      const w = text.slice(i, i + n);
      if (lines.has(w)) into.add(w);
    }
  }
  return into;
}

function loadSubset(wanted: Set<string>): void {
  const { lines, total, least } = dictionaryWords();
  let sum = 0;
  const body: string[] = [];
  for (const w of wanted) {
    const line = lines.get(w)!;
    body.push(line);
    sum += Number(line.split(' ')[1]);
  }
  body.push(`${STAND_IN[0]} ${least} x`, `${STAND_IN[1]} ${Math.max(1, total - sum - least)} x`);
  const file = join(tmpdir(), `report-metrics-jieba-${process.pid}-${Date.now()}.dict`);
  writeFileSync(file, body.join('\n') + '\n');
  try {
    nodejieba.load({ ...FILES, dict: file });
  } finally {
    rmSync(file, { force: true });
  }
  subset = wanted;
  state = 'subset';
  dictionaryLoads.push('subset');
}

function ready(phrase: string): void {
  if (state === 'full') return;
  if (state === 'none') {
    if (!many && expected.length === 1 && expectedChars <= SMALL_TEXT) {
      loadSubset(wordsIn(phrase, wordsIn(expected[0]!, new Set())));
      return;
    }
    ensureDictionary();
    return;
  }
  // A phrase from another text, or made of pieces (a subject joined from two clauses): its words must all be loaded.
  if (expected.length > 1) {
    ensureDictionary();
    return;
  }
  const needed = wordsIn(phrase, new Set());
  for (const w of needed) {
    if (!subset!.has(w)) {
      loadSubset(new Set([...subset!, ...needed]));
      return;
    }
  }
}

export type Token = { word: string; tag: string };

const tagMemo = new BoundedMemo<Token[]>();

function tagNow(phrase: string): Token[] {
  ready(phrase);
  work.steps += phrase.length;
  return nodejieba.tag(phrase).filter((t) => t.word.trim() !== '');
}

/** jieba tags of a phrase, blanks dropped (memoised: see memo.ts). */
export function tag(phrase: string): Token[] {
  return tagMemo.get(phrase, tagNow);
}
