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
}

/** Turns findings into records with their position, sentence, section, subject and theme. */
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
        slot: t.reason === 'date' ? 'date' : 'word',
        message: message(t.reason === 'date' ? 'date' : 'text', slice, lang),
        sentence: sentenceOf(t.start, t.end),
        section: sections.at(t.start),
        format: data.format,
      };
      records.push(record);
    }
    records.sort((a, b) => a.start - b.start || a.end - b.end);
    data.records = records;
  };
};
