import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { sentenceAround } from '../context/sentence.js';
import { subjectsOf } from '../context/subject.js';
import { reportYear, themeOf } from '../context/theme.js';
import { message, type Lang } from '../lint/messages.js';
import { reportData } from '../report-file.js';
import { LineIndex } from '../structure/lines.js';
import { collectHeadings, SectionIndex } from '../structure/text-tree.js';
import type { MetricRecord, ReportRecord, TextPlaceholderRecord } from './schema.js';

export interface RecordOptions {
  lang?: Lang;
  /** Also report each placeholder as a vfile message (for lint and its reporters). */
  messages?: boolean;
}

/**
 * Turns findings into records and every placeholder into a vfile message,
 * so reporters can print them with their position.
 */
export const reportRecords: Plugin<[RecordOptions?], Root> = function (options = {}) {
  const lang = options.lang ?? 'zh';
  return (tree, file) => {
    const data = reportData(file);
    const text = String(file.value);
    const lines = new LineIndex(text);
    const headings = collectHeadings(tree);
    const sections = new SectionIndex(headings);
    const mentions = data.findings?.mentions ?? [];
    const subjects = subjectsOf(text, mentions);
    const year = reportYear(text, headings.find((h) => h.depth === 1)?.text);
    const records: ReportRecord[] = [];
    // Mentions come in document order: the last sentence often holds the next one too.
    let last = { start: -1, end: -1, text: '' };
    const sentenceOf = (start: number, end: number) => {
      if (start >= last.start && end <= last.end) return last.text;
      const s = sentenceAround(text, start, end);
      last = { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
      return last.text;
    };
    mentions.forEach((m, i) => {
      const pos = lines.position(m.start);
      const section = sections.at(m.start);
      const sentence = sentenceOf(m.start, m.end);
      const record: MetricRecord = {
        kind: 'metric',
        file: data.name,
        start: m.start,
        end: m.end,
        line: pos.line,
        column: pos.column,
        text: text.slice(m.start, m.end),
        value: m.value,
        valueMax: m.valueMax,
        unit: m.unit,
        unitAsWritten: m.unitAsWritten,
        approx: m.approx,
        placeholder: m.placeholder,
        dimension: m.dimension,
        per: m.per,
        sentence,
        subject: subjects[i] ?? null,
        section,
        theme: themeOf(section, subjects[i] ?? null, sentence),
        year,
        format: data.format,
      };
      records.push(record);
      if (m.placeholder && options.messages) addMessage(file, record, message('quantity', record.text, lang), 'quantity');
    });
    for (const t of data.findings?.texts ?? []) {
      const pos = lines.position(t.start);
      const slice = text.slice(t.start, t.end);
      const record: TextPlaceholderRecord = {
        kind: 'text',
        file: data.name,
        start: t.start,
        end: t.end,
        line: pos.line,
        column: pos.column,
        text: slice,
        placeholder: true,
        message: message(t.reason === 'date' ? 'date' : 'text', slice, lang),
        sentence: sentenceOf(t.start, t.end),
        section: sections.at(t.start),
        format: data.format,
      };
      records.push(record);
      if (options.messages) addMessage(file, record, record.message, t.reason === 'date' ? 'date' : 'text');
    }
    records.sort((a, b) => a.start - b.start || a.end - b.end);
    file.messages.sort((a, b) => (a.place && 'start' in a.place ? a.place.start.offset ?? 0 : 0) - (b.place && 'start' in b.place ? b.place.start.offset ?? 0 : 0));
    data.records = records;
  };
};

function addMessage(file: import('vfile').VFile, r: { start: number; end: number; text: string; line: number; column: number }, reason: string, ruleId: string): void {
  const end = new LineIndex(r.text);
  const last = end.position(r.text.length);
  const msg = file.message(reason, {
    place: {
      start: { line: r.line, column: r.column, offset: r.start },
      end: { line: r.line + last.line - 1, column: last.line === 1 ? r.column + r.text.length : last.column, offset: r.end },
    },
    ruleId: `placeholder-${ruleId}`,
    source: 'report-metrics',
  });
  msg.actual = r.text;
  msg.fatal = false;
}
