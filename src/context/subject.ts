import { readJsonDictionary } from '../dictionaries.js';
import { tag, type Token } from './jieba.js';
import { BoundedMemo } from './memo.js';
import { charTable } from '../find/char-scan.js';
import { work } from '../work.js';
import type { Mention } from '../find/amount.js';

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
const ATTRIBUTE = /^(面积|金额|规模|总额|数量|人数|产值|收入|比例|比重|占比|资金|投资|总投资|长度|里程|容量|.{0,2}率)$/;
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
  while (b > a && (TRAILING.has(tokens[b - 1]!.word) || isEdge(tokens[b - 1]!))) b--;
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

/** The noun phrase right after the amount, when one follows (建成X个文化广场、…; 6000平方智能温室大棚). */
function afterPhrase(text: string, m: Mention, ceiling: number): { phrase: string; modified: boolean } {
  let rest = text.slice(m.end, Math.min(ceiling, m.end + MAX_CLAUSE));
  const modified = rest.startsWith('的');
  if (modified) rest = rest.slice(1);
  else if (!CJK.test(rest[0] ?? '')) return { phrase: '', modified };
  const stop = rest.search(AFTER_STOP);
  const phrase = stop < 0 ? rest : rest.slice(0, stop);
  if (phrase === '') return { phrase: '', modified };
  const words = afterWordsMemo.get(phrase, afterWords);
  if (!modified && !COUNTED_AFTER.has(m.dimension) && !words.opensWithNoun) return { phrase: '', modified };
  return { phrase: words.nounPhrase, modified };
}

interface AfterWords {
  opensWithNoun: boolean;
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
    const predicate = (tokens[k]!.tag === 'v' && tokens.length - k > 2) || tokens[k]!.tag === 'd';
    if (predicate && nounChars >= 2) {
      end = k;
      break;
    }
    if (NOUN_TAGS.test(tokens[k]!.tag) || tokens[k]!.tag === 'x') nounChars += tokens[k]!.word.length;
  }
  return { opensWithNoun: NOUN_TAGS.test(tokens[0]?.tag ?? ''), nounPhrase: trimTokens(tokens.slice(0, end)) };
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
export function subjectsOf(text: string, mentions: Mention[]): Array<string | null> {
  const out: Array<string | null> = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const prev = mentions[i - 1];
    const next = mentions[i + 1];
    const start = clauseStart(text, m.start, prev ? prev.end : 0);
    const after = afterPhrase(text, m, next ? next.start : text.length);
    const before = trim(text.slice(start, m.start));
    // 总投资1亿元的…项目 → …项目总投资: the thing, then the attribute measured.
    let subject = after.phrase !== '' && after.modified && ATTRIBUTE_END.test(before) ? after.phrase + before.match(ATTRIBUTE_END)![0] : after.phrase;
    if (subject === '') subject = before;
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
      else if (ATTRIBUTE.test(subject)) subject = joinSubjects(prevSubject, subject);
      else borrowed = false;
    }
    if (!borrowed && (subject === '' || ATTRIBUTE.test(subject)) && !SENTENCE_END.test(text[start - 1] ?? '。')) {
      // Nothing in this clause: take the clause before (参保率达到100% after a clause naming who), never across a sentence.
      const before = trim(text.slice(clauseStart(text, start - 1, 0), Math.max(0, start - 1)));
      subject = before === '' ? subject : subject === '' ? before : joinSubjects(before, subject);
    }
    out.push(subject === '' ? null : subject);
  }
  return out;
}
