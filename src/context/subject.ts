import { readJsonDictionary } from '../dictionaries.js';
import { tag, type Token } from './jieba.js';
import { BoundedMemo } from './memo.js';
import { charTable } from '../find/char-scan.js';
import { work } from '../work.js';
import type { Mention } from '../find/amount.js';
import { actedOn, parallelLists, relativeBefore, sharedWithPrevious, spentOn, withPredicate } from './subject-rules.js';

// The subject of an amount: what it counts or measures, in the text's own
// words (EXTRACTION.md). Taken from the clause around the amount: the noun
// phrase right after a measure word (建成X个文化广场 → 文化广场), else the
// words before it (全镇中药材种植面积达到20xx亩 → 中药材种植面积), trimmed of
// scope and filler words by their jieba part of speech and the word lists
// in dictionaries/subject-words.json. jieba only ever sees clauses that hold
// an amount.

interface SubjectWords {
  leading: string[];
  trailing: string[];
  notHeads: string[];
  clauseBreaks: string;
}
const CJK = /[\u3400-\u9fff]/;
const words = readJsonDictionary<SubjectWords>('subject-words.json');
const LEADING = new Set(words.leading);
const TRAILING = new Set(words.trailing);
const BREAKS = charTable(words.clauseBreaks);
/** Parts of speech that never open or close a subject: adverbs, prepositions, conjunctions, particles, pronouns, numerals, time words, punctuation. */
const EDGE_TAGS = new Set(['d', 'p', 'c', 'u', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'y', 'r', 'm', 'mq', 'q', 't', 'x', 'f', 'e', 'o']);
/** Measure-word dimensions whose subject usually follows the amount (X个文化广场). */
const COUNTED_AFTER = new Set(['count', 'organizations', 'persons', 'households', 'events']);
/** Subjects that name only an attribute borrow the thing it belongs to from the clause before (…基地X个，面积达X亩). */
const ATTRIBUTE = /^(年|月|日|人均|户均|年均|日均|人均年|户均年)?(面积|金额|规模|总额|数量|人数|产值|产量|收入|增收|收益|比例|比重|占比|资金|投资|总投资|长度|里程|容量|.{0,2}率)$/;
/** Words that begin another amount's attribute: the thing counted before them ends there (100余户居民 | 亩产保底收益1500元). */
const ATTRIBUTE_START = /^(亩产|户均|人均|年均|年产|年产值|收益|收入|产值|面积|规模|总投资|投资)/;
const ATTRIBUTE_END = /(总投资|投资|投入|面积|金额|产值|规模)$/;
/** A clause holding only a change verb continues the previous amount's subject (从47.4岁下降到41.4岁). */
const CHANGE_ONLY = /^(下降|上升|增加|减少|提高|提升|降低|增长|扩大|缩小|回落)?$/;
/** A change stated on its own (同比增长5.2%, 分别增长…) belongs to the amount named before it in the sentence. */
const CHANGE_CLAUSE = /^(同比|比上年|较上年|比去年|分别|年均)?(下降|上升|增加|减少|提高|提升|降低|增长|扩大|缩小|回落)$/;
const NOUN_TAGS = /^(n|nz|ns|nt|nr|vn|an|l|j|i)/;
/** The noun phrase after an amount stops at 的 or 和 (3座公厕的建设…, 10件实事和述职…). */
const AFTER_STOP = /[的和并，,。；;：:！!？?\n\r“"「]/;
const MAX_CLAUSE = 40;
const SENTENCE_END = /[。！？!?\n\r]/;

/** jieba tags unknown words x, like punctuation: only real punctuation is an edge. 每乡 is a scope worth keeping. */
function isEdge(t: { word: string; tag: string }): boolean {
  if (t.word.startsWith('每')) return false;
  if (t.tag === 'x') return !CJK.test(t.word);
  return EDGE_TAGS.has(t.tag);
}

/**
 * A measure word comes after a number: one that ends the words before an
 * amount after a word, not a numeral, ends a noun (充电桩, 生活圈); after a
 * numeral it is another amount's (提升0.9个).
 */
function trailingEdge(t: Token, before: Token | null): boolean {
  if (!isEdge(t)) return false;
  return !(t.tag === 'q' && before !== null && CJK.test(before.word) && !/^m/.test(before.tag) && !/[\d０-９]/.test(before.word) && !before.word.startsWith('每'));
}

const trimmedMemo = new BoundedMemo<string>();

/** The phrase without its scope and filler words (memoised: clauses repeat across reports). */
function trim(phrase: string): string {
  return trimmedMemo.get(phrase, (p) => (p.trim() === '' ? '' : trimTokens(tag(p))));
}

const NUMBER_WORD = /^[\d.]+$/;

function trimTokens(tokens: Token[]): string {
  let a = 0;
  let b = tokens.length;
  while (a < b && (LEADING.has(tokens[a]!.word) || isEdge(tokens[a]!) || NUMBER_WORD.test(tokens[a]!.word))) a++;
  // A 每 word right before the amount is its rate (补贴标准为每亩100元), not part of the thing measured.
  while (b > a && (TRAILING.has(tokens[b - 1]!.word) || trailingEdge(tokens[b - 1]!, b - 1 > a ? tokens[b - 2]! : null) || tokens[b - 1]!.word.startsWith('每'))) b--;
  let phraseOut = '';
  for (let k = a; k < b; k++) phraseOut += tokens[k]!.word;
  if (phraseOut.includes('了')) phraseOut = phraseOut.replace(/了/g, '');
  // Trimming punctuation must not unbalance a parenthesis: 村(社区) keeps its ')'.
  if (unclosedParenthesis(phraseOut)) {
    const next = tokens[b]?.word;
    return phraseOut + (next === '）' || next === ')' ? next : phraseOut.includes('（') ? '）' : ')');
  }
  return phraseOut;
}

function unclosedParenthesis(phrase: string): boolean {
  let depth = 0;
  for (let i = 0; i < phrase.length; i++) {
    const ch = phrase[i];
    if (ch === '(' || ch === '（') depth++;
    else if (ch === ')' || ch === '）') depth--;
  }
  return depth > 0;
}

function clauseStart(text: string, at: number, floor: number): number {
  let s = at;
  while (s > floor && BREAKS[text.charCodeAt(s - 1)] !== 1 && at - s < MAX_CLAUSE) s--;
  work.steps += at - s;
  return s;
}

/**
 * 建设16个“两通工程”项目, 推出30个“高效办成一件事”: a name in quotes right
 * after the amount is what it counts, whole (its own numerals kept), with
 * the noun that follows it; written without the quotes, as the gold is.
 */
function quotedName(text: string, at: number, ceiling: number): string | null {
  const open = OPEN_QUOTES.indexOf(text[at] ?? '');
  if (open < 0) return null;
  const close = text.indexOf(CLOSE_QUOTES[open]!, at + 1);
  if (close < 0 || close > Math.min(ceiling, at + 21) || close === at + 1) return null;
  const name = text.slice(at + 1, close);
  if (!CJK.test(name)) return null;
  const tail = text.slice(close + 1, Math.min(ceiling, close + 1 + MAX_CLAUSE));
  const stop = tail.search(AFTER_STOP);
  const phrase = stop < 0 ? tail : tail.slice(0, stop);
  if (phrase === '' || !CJK.test(phrase[0]!)) return name;
  // Only the nouns that go on from the name (“两通工程”项目, “一单制”试点线路), not what is said of it (上线运行).
  let head = '';
  for (const t of tag(phrase)) {
    if (!TAIL_NOUN.test(t.tag) || NOT_A_HEAD.has(t.word)) break;
    head += t.word;
  }
  return name + head;
}
const TAIL_NOUN = /^(n|nz|ng|nt|j)$/;
const NOT_A_HEAD = new Set(words.notHeads);
const OPEN_QUOTES = ['“', '「', '‘', '"'];
const CLOSE_QUOTES = ['”', '」', '’', '"'];

/** The noun phrase right after the amount, when one follows (建成X个文化广场、…; 6000平方智能温室大棚). */
function afterPhrase(text: string, m: Mention, ceiling: number): { phrase: string; modified: boolean } {
  const named = quotedName(text, m.end, ceiling);
  if (named) return { phrase: named, modified: false };
  let rest = text.slice(m.end, Math.min(ceiling, m.end + MAX_CLAUSE));
  const modified = rest.startsWith('的');
  if (modified) rest = rest.slice(1);
  else if (!CJK.test(rest[0] ?? '')) return { phrase: '', modified };
  const stop = rest.search(AFTER_STOP);
  const phrase = stop < 0 ? rest : rest.slice(0, stop);
  if (phrase === '') return { phrase: '', modified };
  const words = afterWordsMemo.get(phrase, afterWords);
  if (!modified && !COUNTED_AFTER.has(m.dimension) && !words.opensWithNoun && !words.shortCompound) return { phrase: '', modified };
  return { phrase: words.nounPhrase, modified };
}

interface AfterWords {
  opensWithNoun: boolean;
  /** A short phrase that ends in a noun (排水 + 渠): a compound noun after a unit of measurement (1.5公里排水渠). */
  shortCompound: boolean;
  nounPhrase: string;
}
const afterWordsMemo = new BoundedMemo<AfterWords>();

/** The words after an amount: whether a noun opens them, and the noun phrase they start with. */
function afterWords(phrase: string): AfterWords {
  const tokens = tag(phrase);
  // The noun phrase ends where a verb with its own object starts (现代农业园区 | 突出科技支撑).
  let end = tokens.length;
  let nounChars = 0;
  for (let k = 0; k < tokens.length; k++) {
    const predicate = (tokens[k]!.tag === 'v' && tokens.length - k > 2) || tokens[k]!.tag === 'd' || ATTRIBUTE_START.test(tokens[k]!.word);
    if (predicate && nounChars >= 2) {
      end = k;
      break;
    }
    if (NOUN_TAGS.test(tokens[k]!.tag) || tokens[k]!.tag === 'x') nounChars += tokens[k]!.word.length;
  }
  const last = tokens[end - 1];
  const shortCompound = end <= 3 && tokens.slice(0, end).reduce((n, t) => n + t.word.length, 0) <= 6 && last !== undefined && NOUN_TAGS.test(last.tag);
  return { opensWithNoun: NOUN_TAGS.test(tokens[0]?.tag ?? ''), shortCompound, nounPhrase: trimTokens(tokens.slice(0, end)) };
}

/** A clause that is only a verb of spending or planning (计划投资, 总投资, 完成投资). */
const ONLY_VERB = /^(计划|预计|累计|完成|实际|拟|共)?(总)?(投资|投入|安排|完成|达到|实现)$/;
/** Numbering and enumeration at the head of a heading (一、 (三) 1. 一是). */
const HEADING_MARK = /^(第[一二三四五六七八九十百\d]+[章节部分篇]|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．]|[一二三四五六七八九十]+是)\s*/;

/** What a heading names, without its numbering and stops. */
export function headingName(heading: string): string {
  return heading.replace(HEADING_MARK, '').replace(/[。：:；;，,]+$/, '').trim();
}

/** （2分）, （10%）after an item: the item is the subject. */
function scoredItem(text: string, m: Mention): string | null {
  const open = text[m.start - 1];
  const close = text[m.end];
  if (!((open === '（' || open === '(') && (close === '）' || close === ')'))) return null;
  if (m.dimension !== 'score' && m.dimension !== 'percent') return null;
  let s = m.start - 1;
  while (s > 0 && /[。；;\s]/.test(text[s - 1]!)) s--;
  const end = s;
  while (s > 0 && !/[。；;，,\n]/.test(text[s - 1]!) && end - s < 40) s--;
  const item = trim(text.slice(s, end));
  return item === '' ? null : item;
}

/** A clause standing between the previous amount and this one names the thing an attribute belongs to (…50余亩,发展深加工产品,年产值达50余万元). */
function clauseBetween(text: string, from: number, to: number): string | null {
  const between = text.slice(from, to);
  const first = between.search(/[，,；;]/);
  if (first < 0) return null;
  const clause = between.slice(first + 1).replace(/[，,；;]\s*$/, '');
  if (/[，,；;]/.test(clause) || !/[\u3400-\u9fff]{2}/.test(clause)) return null;
  const trimmed = trim(clause);
  return trimmed === '' ? null : trimmed;
}

/** The thing, then its attribute, sharing the words they have in common: 参保 + 参保率 → 参保率. */
function joinSubjects(thing: string, attribute: string): string {
  for (let k = Math.min(thing.length, attribute.length); k > 0; k--) {
    if (thing.endsWith(attribute.slice(0, k))) return thing + attribute.slice(k);
  }
  return thing + attribute;
}

function stripChange(subject: string): string {
  return subject.replace(/(同比|比上年|较上年|比去年|分别|年均)?(下降|上升|增加|减少|提高|提升|降低|增长|扩大|缩小|回落)$/, '');
}

/** Subjects for mentions in document order (the previous one lends its subject to 面积 and to X户X人). */
/**
 * Subjects for mentions in document order (the previous one lends its
 * subject to 面积 and to X户X人). `headingAt` gives the heading an amount
 * stands under, for an amount whose sentence names nothing (计划投资30亿元
 * under a project's heading).
 */
export function subjectsOf(text: string, mentions: Mention[], headingAt: (offset: number) => string | null = () => null): Array<string | null> {
  const out: Array<string | null> = [];
  const paired = parallelLists(text, mentions, (at) => {
    let s = at;
    while (s > 0 && !/[，,。；;！？!?\n]/.test(text[s - 1]!) && at - s < MAX_CLAUSE) s--;
    return s;
  });
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const pair = paired.get(i);
    if (pair !== undefined) {
      const trimmed = trim(pair);
      out.push(trimmed === '' ? pair : trimmed);
      continue;
    }
    const prev = mentions[i - 1];
    const next = mentions[i + 1];
    const start = clauseStart(text, m.start, prev ? prev.end : 0);
    const after = afterPhrase(text, m, next ? next.start : text.length);
    // Trimmed only when asked: an amount followed by the noun it counts never needs the words before it tagged.
    let beforeTrimmed: string | undefined;
    const before = () => (beforeTrimmed ??= trim(text.slice(start, m.start)));
    // 总投资1亿元的…项目 → …项目总投资: the thing, then the attribute measured.
    let subject = after.phrase !== '' && after.modified && ATTRIBUTE_END.test(before()) ? after.phrase + before().match(ATTRIBUTE_END)![0] : after.phrase;
    const counted = after.phrase !== '' && !after.modified && COUNTED_AFTER.has(m.dimension);
    const nounAt = after.phrase === '' ? -1 : text.indexOf(after.phrase, m.end);
    const nounEnd = nounAt >= 0 && nounAt - m.end < 4 ? nounAt + after.phrase.length : -1;
    const raw = text.slice(start, m.start).replace(/^(如|其中|并|又|还|共|同时|另外|此外)/, '');
    const special =
      actedOn(text, m, start, after.phrase) ??
      (counted ? relativeBefore(raw, after.phrase) : null) ??
      (counted && nounEnd > 0 ? withPredicate(text, m, after.phrase, nounEnd) : null) ??
      (after.phrase === '' ? spentOn(text, m, before()) : null);
    if (special) subject = special;
    if (subject === '') subject = before();
    const prevSubject = out[i - 1];
    const sameSentence = prev !== undefined && !/[。；;！？!?\n]/.test(text.slice(prev.end, m.start));
    // Once the previous amount has named the thing (参保 → 参保率), there is no need to look further back.
    let borrowed = false;
    if (sameSentence && prevSubject) {
      borrowed = true;
      if (CHANGE_ONLY.test(subject) && start === prev.end) subject = prevSubject;
      else if (CHANGE_CLAUSE.test(subject)) subject = stripChange(prevSubject) + subject.replace(/^(同比|比上年|较上年|比去年|分别|年均)/, '');
      // 60岁以上占比26.07%: the amount before qualifies the attribute directly.
      else if (ATTRIBUTE.test(subject) && start === prev.end) subject = text.slice(prev.start, prev.end) + subject;
      else if (ATTRIBUTE.test(subject)) subject = joinSubjects(clauseBetween(text, prev.end, start) ?? prevSubject, subject);
      else {
        // An item of a list that names less than the one before takes what they share (微博115篇 → 微博发布信息).
        const shared = !special && prev.unit === m.unit && subject === before() ? sharedWithPrevious(subject, prevSubject) : null;
        if (shared) subject = shared;
        else borrowed = false;
      }
    }
    if (!borrowed && (subject === '' || ATTRIBUTE.test(subject)) && !SENTENCE_END.test(text[start - 1] ?? '。')) {
      // Nothing in this clause: take the clause before (参保率达到100% after a clause naming who), never across a sentence.
      const before = trim(text.slice(clauseStart(text, start - 1, 0), Math.max(0, start - 1)));
      subject = before === '' ? subject : subject === '' ? before : joinSubjects(before, subject);
    }
    // …建立工作台账。（2分）: a score or weight in brackets after its item scores that item.
    const bracketed = scoredItem(text, m);
    if (bracketed) subject = bracketed;
    // 计划投资30亿元 as a paragraph of its own under the project's heading: the heading names the thing.
    if ((subject === '' || ATTRIBUTE.test(subject) || ONLY_VERB.test(subject)) && SENTENCE_END.test(text[start - 1] ?? '\n')) {
      const heading = headingAt(m.start);
      if (heading) subject = joinSubjects(heading, subject);
    }
    // 分别 (respectively) only points at a list; it is never part of what is measured.
    subject = subject.replace(/分别(?=[\u3400-\u9fff])/g, '');
    out.push(subject === '' ? null : subject);
  }
  return out;
}
