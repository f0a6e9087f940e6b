import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { required } from '../stage.js';
import { sentenceAround } from './sentence.js';
import { subjectsOf } from './subject.js';
import { reportYear, themeOf } from './theme.js';

// The context of every finding, its own stage between finding amounts and
// making records: the sentence it stands in, the heading path above it,
// what it measures and its theme, and the year the report speaks of.

export interface PlaceContext {
  sentence: string;
  section: string[];
}

export interface MentionContext extends PlaceContext {
  subject: string | null;
  theme: string | null;
}

export interface ReportContext {
  mentions: MentionContext[];
  texts: PlaceContext[];
  year: number | null;
}

export const reportContext: Plugin<[], Root> = function () {
  return (_tree, file) => {
    const text = String(file.value);
    const layout = required(file.data.layout, 'the layout');
    const findings = required(file.data.findings, 'the findings');
    // Findings come in document order: the last sentence often holds the next one too.
    let last = { start: -1, end: -1, text: '' };
    const sentenceOf = (start: number, end: number) => {
      if (start >= last.start && end <= last.end) return last.text;
      const s = sentenceAround(text, start, end);
      last = { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
      return last.text;
    };
    const subjects = subjectsOf(text, findings.mentions);
    const mentions = findings.mentions.map((m, i): MentionContext => {
      const section = layout.sections.at(m.start);
      const sentence = sentenceOf(m.start, m.end);
      const subject = subjects[i] ?? null;
      return { sentence, section, subject, theme: themeOf(section, subject, sentence) };
    });
    last = { start: -1, end: -1, text: '' };
    const texts = findings.texts.map((t): PlaceContext => ({ sentence: sentenceOf(t.start, t.end), section: layout.sections.at(t.start) }));
    file.data.context = { mentions, texts, year: reportYear(text, layout.title) };
  };
};
