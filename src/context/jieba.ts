import nodejieba from 'nodejieba';
import { dictionaryPath } from '../dictionaries.js';
import { BoundedMemo } from './memo.js';
import { work } from '../work.js';

// jieba, loaded once per thread with the project's dictionaries, and only
// ever asked about short clauses that hold an amount.

let loaded = false;
/** Loads the dictionaries now rather than at the first clause (a worker does it while the folders are walked). */
export function ensureDictionary(): void {
  if (loaded) return;
  // jieba's own dictionary costs ~250 MB a thread; the words it lists 10 times
  // or more (105k of 349k) cost ~80 MB and tag report clauses as well. The
  // IDF and stop-word tables serve keyword extraction, which is not used.
  nodejieba.load({
    dict: dictionaryPath('jieba-main.dict'),
    userDict: dictionaryPath('jieba-user.dict'),
    idfDict: dictionaryPath('jieba-idf.txt'),
    stopWordDict: dictionaryPath('jieba-stop-words.txt'),
  });
  loaded = true;
}

export type Token = { word: string; tag: string };

const tagMemo = new BoundedMemo<Token[]>();

function tagNow(phrase: string): Token[] {
  ensureDictionary();
  work.steps += phrase.length;
  return nodejieba.tag(phrase).filter((t) => t.word.trim() !== '');
}

/** jieba tags of a phrase, blanks dropped (memoised: see memo.ts). */
export function tag(phrase: string): Token[] {
  return tagMemo.get(phrase, tagNow);
}
