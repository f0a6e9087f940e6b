import nodejieba from 'nodejieba';
import { dictionaryPath } from '../dictionaries.js';

// jieba, loaded once per thread with the project's dictionaries, and only
// ever asked about short clauses that hold an amount.

let loaded = false;
function ensureDictionary(): void {
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

/**
 * jieba tags of a phrase, memoised: reports written from the same template
 * repeat their clauses (全镇脱贫劳动力实现就业…) across thousands of files.
 * Bounded, and emptied when full, so memory stays flat on any corpus.
 */
const tagMemo = new Map<string, Token[]>();
/** REPORT_METRICS_TAG_MEMO=0 turns the memo off (the benchmark shows both). */
const TAG_MEMO_LIMIT = process.env.REPORT_METRICS_TAG_MEMO === '0' ? 0 : 20000;

export function tag(phrase: string): Token[] {
  const known = tagMemo.get(phrase);
  if (known) return known;
  ensureDictionary();
  const tokens = nodejieba.tag(phrase).filter((t) => t.word.trim() !== '');
  if (TAG_MEMO_LIMIT === 0) return tokens;
  if (tagMemo.size >= TAG_MEMO_LIMIT) tagMemo.clear();
  tagMemo.set(phrase, tokens);
  return tokens;
}

