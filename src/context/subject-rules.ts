import type { Mention } from '../find/amount.js';
import { tag } from './jieba.js';

// The classes of subject that the plain reading (the noun after a measure
// word, else the clause before the amount) gets wrong, each as a rule of
// Chinese report prose (EXTRACTION.md section 3, subject):
//   对损毁的4700米河堤进行修复重建  → 修复重建损毁河堤      (对…进行V)
//   与5个县市建立友好关系            → 建立友好关系的县市    (a counted thing and its predicate)
//   省长通报的9条问题                → 省长通报的问题        (a relative clause before)
//   投入1500万元整村推进户厕改造      → 整村推进户厕改造投入  (a verb of spending and its object)
// and, across the items of a list, the verb or head they share:
//   发布信息86篇，微博115篇           → 微博发布信息
//   延续帮扶政策41项，优化17项        → 优化帮扶政策
//   示范村3个、创建村3个              → “…”创建村

const CLAUSE_END = /[，,。；;！!？?\n\r]/;
/** Prepositions that make a counted thing a place or an object rather than the doer of what follows (在3个乡设立…). */
const OBJECT_BEFORE = /(在|对|向|为|把|将|从|由|按照|根据|通过)$/;
/** Verbs of spending or setting up whose object says what the money is for. */
const SPENDING = /^(投入|投资|总投资|安排|筹措|整合|落实|拨付|下达|发放|设立|争取|筹集|撬动|带动投资)$/;
const AMOUNT_START = /[\dXx×*＊一二两三四五六七八九十百千万]/;

function clauseAfter(text: string, from: number): string {
  let e = from;
  while (e < text.length && !CLAUSE_END.test(text[e]!) && e - from < 40) e++;
  return text.slice(from, e);
}

/** 对损毁的4700米河堤及10座桥梁进行修复重建: the action, the modifiers the 对-phrase gives, the thing. */
export function actedOn(text: string, m: Mention, clauseStart: number, noun: string): string | null {
  const before = text.slice(clauseStart, m.start);
  const at = before.lastIndexOf('对');
  if (at < 0 || noun === '') return null;
  const action = /(?:进行|开展|实施)了?([\u3400-\u9fff]{2,8})$/.exec(clauseAfter(text, m.end));
  if (!action) return null;
  const modifiers = before.slice(at + 1).replace(/的$/, '').replace(/^(全镇|全县|全区|全市|全乡|辖区内?|区内)/, '');
  return action[1]! + modifiers + noun.replace(/^的/, '');
}

/** 与5个县市建立友好关系, X种农产品获得绿色食品认证: the predicate after a counted thing belongs to its subject. */
export function withPredicate(text: string, m: Mention, noun: string, nounEnd: number): string | null {
  if (noun === '' || OBJECT_BEFORE.test(text.slice(Math.max(0, m.start - 4), m.start))) return null;
  const rest = clauseAfter(text, nounEnd);
  // A defining predicate is short and single; a list of them (突出科技支撑、种养循环) describes.
  if (rest === '' || rest.length > 12 || rest.includes('、') || AMOUNT_START.test(rest) || /[\dXx×*＊]/.test(rest)) return null;
  const tokens = tag(rest);
  const first = tokens[0];
  if (!first || !/^v/.test(first.tag) || first.word === '的') return null;
  const predicate = rest.replace(/了/g, '');
  return `${predicate}的${noun}`;
}

/** 如省长通报的9条问题: a relative clause ending in 的 before the amount modifies the thing counted after it. */
export function relativeBefore(before: string, noun: string): string | null {
  if (noun === '' || !before.endsWith('的') || before.length < 3) return null;
  return before + noun;
}

/** 投入1500万元整村推进户厕改造: what the money is spent on, then the verb of spending. */
export function spentOn(text: string, m: Mention, before: string): string | null {
  if (m.dimension !== 'money' || !SPENDING.test(before)) return null;
  const object = clauseAfter(text, m.end);
  if (object.length < 2 || !/^[\u3400-\u9fff]/.test(object) || object.startsWith('的') || AMOUNT_START.test(object[0]!)) return null;
  return object + before;
}

/** jieba tags a word its dictionary lacks x, as it tags punctuation: a Chinese one is as good as a noun. */
function isNounLike(t: { word: string; tag: string }): boolean {
  return /^(n|vn|nz|j|l|ns|nt)/.test(t.tag) || (t.tag === 'x' && /^[\u3400-\u9fff]+$/.test(t.word));
}

/** The words of a subject: its leading verb, and what comes after it. */
function leadingVerb(subject: string): { verb: string; rest: string } | null {
  const tokens = tag(subject);
  if (tokens.length < 2 || !/^v/.test(tokens[0]!.tag)) return null;
  return { verb: tokens[0]!.word, rest: tokens.slice(1).map((t) => t.word).join('') };
}

/** A subject that opens with a noun and then its verb: 区微信公众号 | 发布乡村振兴信息. */
function nounThenVerb(subject: string): { noun: string; predicate: string } | null {
  const tokens = tag(subject);
  const verbAt = tokens.findIndex((t, k) => k > 0 && /^v/.test(t.tag));
  if (verbAt < 1 || !isNounLike(tokens[0]!)) return null;
  return { noun: tokens.slice(0, verbAt).map((t) => t.word).join(''), predicate: tokens.slice(verbAt).map((t) => t.word).join('') };
}

/**
 * An item of a list that names less than the item before it takes what the
 * two share: the verb (优化 → 优化帮扶政策), the verb and its object (微博 →
 * 微博发布乡村振兴信息), or the modifier of their common head (创建村 →
 * “美丽XX”创建村).
 */
export function sharedWithPrevious(current: string, previous: string): string | null {
  if (current === '' || previous === '' || current.length >= previous.length) return null;
  const tokens = tag(current);
  const verbFirst = leadingVerb(previous);
  // 优化17项 after 延续帮扶政策41项: only a verb here, the object is the previous one's.
  if (tokens.length === 1 && /^v/.test(tokens[0]!.tag)) return verbFirst && verbFirst.rest !== '' ? current + verbFirst.rest : null;
  // 创建村3个 after “美丽XX.宜居乡村”示范村3个: another kind of the same head, with the same modifier.
  const head = current[current.length - 1]!;
  const stem = previous.slice(0, previous.length - current.length);
  if (previous.endsWith(head) && !previous.endsWith(current) && stem.length >= 2 && /[”"」]/.test(stem)) return stem.replace(/[^”"」]*$/, '') + current;
  if (!tokens.every(isNounLike)) return null;
  // 委员X人 after 调整村(社区)党组织书记X人: the same verb.
  if (verbFirst) return verbFirst.verb + current;
  // 微博115篇 after 区微信公众号发布乡村振兴信息86篇: another doer of the same thing.
  const prev = nounThenVerb(previous);
  if (prev && prev.predicate.length >= 2) return current + prev.predicate;
  return null;
}

const LIST_JOIN = /^\s*[、和及与，,]\s*$/;

/** 今年力争交通、水利: the first item of a list starts after the time, verb or adverb that opens the clause. */
function listItemStart(item: string): string {
  const tokens = tag(item);
  let from = 0;
  tokens.forEach((t, k) => {
    if (k < tokens.length - 1 && /^(t|v|d|p|c|m)/.test(t.tag) && !/^vn/.test(t.tag)) from = k + 1;
  });
  return tokens.slice(from).map((t) => t.word).join('');
}

/**
 * The head the last item spells out for the shorter ones: 第一、第三产业增加值
 * share a form (第…), so the first takes all the last adds (产业增加值);
 * 粮食、油料产量 do not, so the first takes the last's head noun (产量).
 */
function sharedHead(first: string, last: string): string {
  if (first.length >= last.length) return '';
  if (first[0] === last[0] && first.length >= 2) return last.slice(first.length);
  const tokens = tag(last);
  return tokens.length > 1 ? tokens.slice(1).map((t) => t.word).join('') : '';
}

/**
 * 教育、科学和文化事业的支出分别为774亿元、536亿元和138亿元: the items
 * before 分别 and the amounts after it, paired by position, each item taking
 * the head the last one spells out (文化事业的支出 → 教育事业的支出) and the
 * verb (分别增长 → 增长). Returns the subjects of the paired mentions by index.
 */
export function parallelLists(text: string, mentions: Mention[], clauseStartOf: (at: number) => number): Map<number, string> {
  const out = new Map<number, string>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const start = clauseStartOf(m.start);
    const before = text.slice(start, m.start);
    const at = before.lastIndexOf('分别');
    if (at < 0) continue;
    // The amounts of the list: this one and the next ones joined to it.
    const group = [i];
    for (let j = i + 1; j < mentions.length && LIST_JOIN.test(text.slice(mentions[j - 1]!.end, mentions[j]!.start)); j++) group.push(j);
    const verb = before.slice(at + 2).replace(/[了为是]$/, '').trim();
    const items = before.slice(0, at).split(/[、和及与]/).map((s) => s.trim()).filter((s) => s !== '');
    if (items.length < 2 || items.length !== group.length) continue;
    items[0] = listItemStart(items[0]!);
    const head = sharedHead(items[0]!, items[items.length - 1]!);
    items.forEach((item, k) => {
      const full = k < items.length - 1 && head !== '' && item.length < items[items.length - 1]!.length && !item.endsWith(head) ? item + head : item;
      out.set(group[k]!, full + verb);
    });
    i = group[group.length - 1]!;
  }
  return out;
}
