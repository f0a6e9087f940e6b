import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { Mention } from '../find/amount.js';
import type { ReportLayout } from '../structure/layout.js';
import { required } from '../stage.js';
import { statedPeriod, statementsAround, timeStatements, type Period, type Statements, type Status } from './period.js';
import { analyseReport, type ReportInfo } from './report.js';
import { sentenceAround } from './sentence.js';
import { CHANGE_VERBS, statusOf } from './status.js';
import { headingName, subjectsOf } from './subject.js';
import { themeOf } from './theme.js';

// The context of every finding, its own stage between finding amounts and
// making records: the sentence it stands in, the heading path above it,
// what it measures and its theme, whether it is done or planned, the years
// it refers to, and what the report is.

export interface PlaceContext {
  sentence: string;
  section: string[];
}

export interface MentionContext extends PlaceContext {
  subject: string | null;
  theme: string | null;
  status: Status;
  period: Period | null;
}

export interface ReportContext {
  mentions: MentionContext[];
  texts: PlaceContext[];
  report: ReportInfo;
}

const CLAUSE_BREAK = /[，,；;。！？!?\n]/;
/** 从47.4岁下降到41.4岁, 由55元提高到70元: the starting value of a change. */
const CHANGE_FROM = /(从|由)\s*$/;
/** …59%上升到: the text between a change's starting value and the value it reached. */
const CHANGE_REACHED = new RegExp(`^[^，,。；;]{1,16}?(${CHANGE_VERBS})(到|至|为)\\s*$`);
const CHANGE_TO = new RegExp(`^[^，,。；;]{0,6}?(${CHANGE_VERBS})(到|至|为)`);

function clauseAround(text: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0 && !CLAUSE_BREAK.test(text[s - 1]!) && start - s < 120) s--;
  let e = end;
  while (e < text.length && !CLAUSE_BREAK.test(text[e]!) && e - end < 120) e++;
  return [s, e];
}

/** Passages framed by 过去五年, 十四五时期 or 2021—2025年 at the start of a paragraph: the frame's years hold until the next heading. */
function frames(text: string, layout: ReportLayout, report: ReportInfo): Array<{ start: number; end: number; period: Period }> {
  const out: Array<{ start: number; end: number; period: Period }> = [];
  const headingStarts = layout.headings.map((h) => h.start);
  let at = 0;
  for (const line of text.split('\n')) {
    const firstSentence = line.search(/[。；;]/);
    const head = line.slice(0, firstSentence < 0 ? Math.min(line.length, 40) : firstSentence);
    const frame = timeStatements(head, 0, Math.min(head.length, 20)).find((s) => s.frame);
    const period = frame?.period(report, 'actual');
    if (period) {
      const end = headingStarts.find((h) => h > at + line.length) ?? text.length;
      out.push({ start: at, end, period });
    }
    at += line.length + 1;
  }
  return out;
}

/** 由2014年的59%上升到63%: the year is the starting value's; the value reached is of the report's time. */
function startYearOnly(text: string, stated: { at: { start: number; end: number } | null }, m: Mention): boolean {
  if (!stated.at || stated.at.end > m.start) return false;
  return CHANGE_FROM.test(text.slice(Math.max(0, stated.at.start - 2), stated.at.start)) && CHANGE_REACHED.test(text.slice(stated.at.end, m.start));
}

/** What an amount's clause, and its sentence up to the amount, state of time: read once, asked for the status and then the period. */
interface Around {
  clause: Statements;
  sentence: () => Statements;
}

function periodOf(text: string, m: Mention, around: Around, section: string[], passage: Period | null, report: ReportInfo, status: Status): Period | null {
  // In the clause a year may come before or after the amount; elsewhere in the sentence only before it (a year after the amount opens the next statement).
  const inClause = statedPeriod(around.clause, report, status);
  const inSentence = inClause.period ? inClause : statedPeriod(around.sentence(), report, status);
  let period = startYearOnly(text, inSentence, m) ? null : inSentence.period;
  const stated = period !== null;
  if (!period && passage) period = passage;
  if (!period) {
    // The title's year is the report's own, told apart by analyseReport (a 2022 report may review 2021).
    for (let i = section.length - 1; i >= 0 && !period; i--) {
      if (section[i] === report.title) continue;
      const found = timeStatements(section[i]!, 0, section[i]!.length)[0];
      period = found?.period(report, status) ?? null;
    }
  }
  if (!period && report.year !== null) {
    const year = status === 'target' ? report.targetYear! : report.year;
    period = { from: year, to: year };
  }
  if (!period) return null;
  // The starting value of 从X增加到Y is the year before the frame, or before the sentence's year.
  if ((stated || passage) && CHANGE_FROM.test(text.slice(Math.max(0, m.start - 2), m.start)) && CHANGE_TO.test(text.slice(m.end, m.end + 10))) {
    const start = (period.from ?? period.to) - 1;
    period = { from: start, to: start };
  }
  if (inSentence.consecutive !== null) period = { from: period.to - inSentence.consecutive + 1, to: period.to };
  else if (inSentence.running) period = { from: null, to: period.to };
  return period;
}

/** The first heading at the top depth below the title: where a report that reviews and plans does its reviewing. */
function firstPartOf(layout: ReportLayout): string | null {
  const parts = layout.headings.filter((h) => h.depth > 1 && h.text !== layout.title);
  if (parts.length === 0) return null;
  const top = Math.min(...parts.map((h) => h.depth));
  return parts.find((h) => h.depth === top)!.text;
}

export const reportContext: Plugin<[], Root> = function () {
  return (_tree, file) => {
    const text = String(file.value);
    const layout = required(file.data.layout, 'the layout');
    const findings = required(file.data.findings, 'the findings');
    const report = analyseReport(layout.title ?? null, text.slice(0, 600), text, layout.headings.filter((h) => h.depth <= 3).map((h) => h.text));
    const framed = frames(text, layout, report);
    const firstPart = firstPartOf(layout);
    // Findings come in document order: the last sentence often holds the next one too.
    let last = { start: -1, end: -1, text: '' };
    const sentenceOf = (start: number, end: number) => {
      if (start >= last.start && end <= last.end) return last;
      const s = sentenceAround(text, start, end);
      last = { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
      return last;
    };
    const subjects = subjectsOf(text, findings.mentions, (offset) => {
      const path = layout.sections.at(offset);
      const heading = path[path.length - 1];
      return heading && heading !== report.title ? headingName(heading) : null;
    });
    const mentions = findings.mentions.map((m, i): MentionContext => {
      const section = layout.sections.at(m.start);
      const sentence = sentenceOf(m.start, m.end);
      // A number in a table cell is what its row and column headers say it is.
      const subject = m.cell ? (m.cell.subject ?? subjects[i] ?? null) : (subjects[i] ?? null);
      const clause = clauseAround(text, m.start, m.end);
      const passage = framed.filter((f) => m.start >= f.start && m.start < f.end).pop()?.period ?? null;
      let inSentence: Statements | undefined;
      const around: Around = {
        clause: statementsAround(text, clause[0], clause[1], m.start, m.end),
        sentence: () => (inSentence ??= statementsAround(text, sentence.start, m.end, m.start, m.end)),
      };
      const stated = statedPeriod(around.clause, report, 'actual').period ?? statedPeriod(around.sentence(), report, 'actual').period;
      const status = m.cell?.status ?? statusOf({ text, m, clause, section, report, stated, firstPart });
      const period = m.cell?.period ?? periodOf(text, m, around, section, passage, report, status);
      return { sentence: sentence.text, section, subject, theme: themeOf(section, subject, sentence.text), status, period };
    });
    last = { start: -1, end: -1, text: '' };
    const texts = findings.texts.map((t): PlaceContext => ({ sentence: sentenceOf(t.start, t.end).text, section: layout.sections.at(t.start) }));
    file.data.context = { mentions, texts, report };
  };
};
