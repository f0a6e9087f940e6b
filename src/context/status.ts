import { asciiDigits } from '../find/numerals.js';
import { expect, isStringList, readJsonDictionary } from '../dictionaries.js';
import type { Mention } from '../find/amount.js';
import type { Status } from './period.js';
import type { ReportInfo } from './report.js';

// Whether an amount is done, planned or a rule (EXTRACTION.md section 4),
// from cue words in its clause, the headings it stands under, and the kind
// of report.

interface Cues {
  strongTarget: string[];
  contextTarget: string[];
  actual: string[];
  rule: string[];
  headingsTarget: string[];
  headingsActual: string[];
  headingsRule: string[];
  changeVerbs: string[];
}

const cues = readJsonDictionary<Cues>('status-cues.json');
for (const key of ['strongTarget', 'contextTarget', 'actual', 'rule', 'headingsTarget', 'headingsActual', 'headingsRule', 'changeVerbs'] as const) expect(isStringList(cues[key]), 'status-cues.json', `${key} must be a list of words`);

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (list: string[]) => [...list].sort((a, b) => b.length - a.length).map(escape).join('|');
const words = (list: string[]) => new RegExp(alternation(list));
/** 增加|提高|…: the verbs of a change from one value to another, as a regular-expression alternation. */
export const CHANGE_VERBS = alternation(cues.changeVerbs);
const TARGET = words(cues.strongTarget);
const CONTEXT_TARGET = words(cues.contextTarget);
const ACTUAL = words(cues.actual);
const RULE = words(cues.rule);
const HEADING_TARGET = words(cues.headingsTarget);
const HEADING_RULE = words(cues.headingsRule);
const HEADING_ACTUAL = words(cues.headingsActual);
/** 到2027年, 2026年底前, 年内…实现: a deadline makes a target. */
// 到2027年 is a deadline; 增加到2002年的10.2万亿元 is the year of a value reached.
const DEADLINE = new RegExp(`(?<!(?:${CHANGE_VERBS}))(到|至)\\s*(?:19|20)\\d{2}\\s*年|(?:19|20)\\d{2}\\s*年(?:\\d{1,2}月)?(?:底|末)?前|年内[^，,。；;]{0,10}(实现|完成|建成|达到|新增)$`);
/** 每乡设专员5人, 每户补助3000元, 每村配备1名: a standard set for every unit. */
const PER_UNIT = /每[^，,。；;]{0,6}?(设|配备|配齐|配|安排|明确|补贴|补助|奖励|奖补|发放|不超过|不低于|最高|保底|给予|落实)/;
/** Dimensions a threshold (35岁以下干部, 超亿元企业, 500亩以上基地) defines a class with. */
const THRESHOLD_DIMENSIONS = new Set(['age', 'money', 'area', 'persons', 'power', 'mass', 'volume', 'length', 'count', 'organizations']);
/** Words after an amount that go on with the clause rather than name a class. */
/** Dimensions that count things rather than measure a property of them. */
const COUNTS = new Set(['persons', 'count', 'organizations']);
/** Another count later in the clause: 的企业20家, 的村3个. */
const LATER_COUNT = /[\d０-９]\s*[个名家人户项座条所处]|[一二两三四五六七八九十百千万]+[个名家户项座条所处]/;
const NOT_A_NOUN = /^[的了，,、。；;和及与或达为是占比至到等左右，\s）)]/;
const CLASSES = /^(类别|类型|档次|等次|层级|级别|星级|梯次)/;

export interface StatusInput {
  text: string;
  m: Mention;
  /** The clause around the amount: [from, to). */
  clause: [number, number];
  /** Headings above the amount, from the top. */
  section: string[];
  report: ReportInfo;
  /** The years the text states for the amount, when it states them. */
  stated: { from: number | null; to: number } | null;
  /** The report's first part (its first heading at the top depth below the title), when it has parts. */
  firstPart?: string | null;
}

/** Whether the amount is a rule by what it says (a score, a threshold, a standard), or only by the section it stands in. */
function ruleBy({ text, m, clause, section }: StatusInput): 'itself' | 'section' | null {
  const before = text.slice(clause[0], m.start);
  const after = text.slice(m.end, m.end + 4);
  // …建立工作台账。（2分）, 三项制度（10%）: a score or weight in brackets after its item.
  if (/[（(]\s*$/.test(text.slice(Math.max(0, m.start - 2), m.start)) && /^\s*[）)]/.test(after) && (m.dimension === 'score' || m.dimension === 'percent')) return 'itself';
  if (m.dimension === 'score' && !/(得分|获得|达到|综合|考核结果)/.test(before)) return 'itself';
  // 35岁以下干部, 超亿元企业, 500亩以上的基地: a threshold (以上, 以下, 超) that defines a class of things; 余 and 多 only round.
  const written = text.slice(m.start, m.end);
  const bounded = /(以上|以下)$/.test(written) || /^及(以上|以下)/.test(after) || /超$/.test(text.slice(Math.max(0, m.start - 1), m.start)) || /^超/.test(written);
  const next = after.replace(/^(及以上|及以下)/, '');
  // A bound on a count of the very things named after it (选派超千名科技特派员, 带动500人以上就业) only rounds the count,
  // unless the class it bounds is counted in its turn (职工100人以上的企业20家).
  const countsItsNoun = COUNTS.has(m.dimension) && !LATER_COUNT.test(text.slice(m.end, clause[1]));
  if (bounded && !countsItsNoun && THRESHOLD_DIMENSIONS.has(m.dimension) && /^[\u3400-\u9fff]/.test(next.replace(/^的/, '')) && !NOT_A_NOUN.test(next)) return 'itself';
  if (m.dimension === 'age' && bounded) return 'itself';
  if (PER_UNIT.test(before) || (m.per !== null && /(经费|保障|标准|补贴|补助)/.test(text.slice(m.end, m.end + 8) + before))) return 'itself';
  if (RULE.test(before.slice(-10))) return 'itself';
  if (m.unitAsWritten === '个' && CLASSES.test(text.slice(m.end, m.end + 3))) return 'itself';
  return section.some((h) => HEADING_RULE.test(h)) && !ACTUAL.test(before) ? 'section' : null;
}

/** 现有 before the thing counted says it exists (现有家庭农场120家); after 对 or 在 it only describes (对现有政策延续41项). */
function actualCue(before: string): boolean {
  return ACTUAL.test(before.replace(/(对|在|把|将|的)现有/g, ''));
}

export function statusOf(input: StatusInput): Status {
  const { text, m, clause, section, report, stated } = input;
  const statedYear = stated?.to ?? null;
  const before = asciiDigits(text.slice(clause[0], m.start));
  const done = actualCue(before);
  const pastYear = statedYear !== null && report.year !== null && (stated!.from ?? statedYear) <= report.year && !DEADLINE.test(before);
  const rule = ruleBy(input);
  if (rule === 'itself' || (rule === 'section' && !pastYear)) return 'rule';
  if (TARGET.test(before) || DEADLINE.test(before)) return done && !/(力争|目标|计划|预计)/.test(before) ? 'actual' : 'target';
  // Years that all lie after the report's own are to come (2026年, 明年); a span that began before is being reported (“十四五”以来).
  if (stated && report.year !== null && (stated.from ?? stated.to) > report.year) return 'target';
  if (done || pastYear) return 'actual';
  // The nearest heading that says which kind of section this is decides.
  let reviewing = false;
  for (let i = section.length - 1; i >= 0; i--) {
    if (HEADING_TARGET.test(section[i]!)) return 'target';
    // 二、1981年国民经济计划的任务 in a report on 1980: a heading's year after the report's is the coming work.
    const headingYear = i > 0 ? /((?:19|20)\d{2})\s*年/.exec(asciiDigits(section[i]!)) : null;
    if (headingYear && report.year !== null && Number(headingYear[1]) > report.year) return 'target';
    if (HEADING_ACTUAL.test(section[i]!) || (i > 0 && headingYear !== null && !HEADING_TARGET.test(section[i]!))) {
      reviewing = true;
      break;
    }
  }
  if (!reviewing && CONTEXT_TARGET.test(before) && report.plans) return 'target';
  if (/未来|今后/.test(before)) return 'target';
  // A government work report whose first part reviews (一、2024年工作回顾, 一、…取得新成效) plans in the others,
  // whether or not their headings say so (二、牢记历史使命…). Reports arranged by topic review and plan in every part.
  const part = section[0] === report.title ? section[1] : section[0];
  const first = input.firstPart;
  if (!reviewing && report.reviews && first && HEADING_ACTUAL.test(first) && part && part !== first && !HEADING_ACTUAL.test(part)) return 'target';
  return report.plans && !reviewing ? 'target' : 'actual';
}
