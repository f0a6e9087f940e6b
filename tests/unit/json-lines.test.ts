import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeJsonLines } from '../../src/output/json-lines.js';
import { MetricRecord, TextPlaceholderRecord, type ReportRecord } from '../../src/records/schema.js';

// The byte writer must give exactly what JSON.stringify gives for each
// record with its keys in the schema's order, whatever the strings hold
// (quotes, backslashes, control characters, astral and lone surrogates) and
// however often a sentence or section repeats.

function inSchemaOrder(record: ReportRecord): Record<string, unknown> {
  const keys = Object.keys(record.kind === 'metric' ? MetricRecord.shape : TextPlaceholderRecord.shape);
  return Object.fromEntries(keys.map((k) => [k, (record as Record<string, unknown>)[k]]));
}

function expected(records: ReportRecord[]): string {
  return records.map((r) => JSON.stringify(inSchemaOrder(r)) + '\n').join('');
}

function decoded(records: ReportRecord[]): string {
  return new TextDecoder().decode(encodeJsonLines(records));
}

const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const nullableNumber = fc.oneof(fc.constant(null), fc.double({ noDefaultInfinity: false }), fc.integer());

function metric(sentence: string, section: string[], text: string, subject: string | null, value: number | null): ReportRecord {
  return {
    kind: 'metric', report: '0123456789abcdef', file: 'a/报告"1".txt', start: 3, end: 7, line: 2, column: 4, text, page: value === null ? null : 2, table: value === null ? null : { index: 1, row: 2, column: 3 }, value, valueMax: null, unit: '亩',
    unitAsWritten: '万亩', approx: 'about', placeholder: value === null, dimension: 'area', per: null,
    valueStd: value === null ? null : value * 2, valueMaxStd: null, unitStd: '平方米', sentence, subject, status: value === null ? 'target' : 'actual', period: value === null ? null : { from: value > 0 ? null : 2021, to: 2024 }, section,
    theme: '产业振兴', year: 2024, format: 'txt',
  } as ReportRecord;
}

function placeholder(sentence: string, section: string[], text: string): ReportRecord {
  return {
    kind: 'text', report: '0123456789abcdef', file: 'a/报告"1".txt', start: 9, end: 11, line: 3, column: 1, text, page: null, table: null, placeholder: true, slot: 'word',
    sentence, section, format: 'md',
  } as ReportRecord;
}

describe('JSON Lines bytes', () => {
  it('equal JSON.stringify in schema order for any strings, repeated sentences and sections included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            sentence: anyText,
            section: fc.array(anyText, { maxLength: 3 }),
            items: fc.array(fc.record({ text: anyText, subject: fc.option(anyText), value: nullableNumber, text_kind: fc.boolean() }), { minLength: 1, maxLength: 4 }),
          }),
          { maxLength: 6 },
        ),
        (groups) => {
          // Records of one group share their sentence and section objects, as the pipeline's do.
          const records = groups.flatMap((g) => g.items.map((i) => (i.text_kind ? placeholder(g.sentence, g.section, i.text) : metric(g.sentence, g.section, i.text, i.subject, i.value))));
          expect(decoded(records)).toBe(expected(records));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('grows past its first estimate without losing earlier bytes it copies from', () => {
    const long = '全镇'.repeat(5000) + '"\\\n\u0001😀\ud800';
    const section = ['一、总体', '（一）' + long];
    const records = [metric(long, section, '3亩', null, 3), metric(long, section, '4亩', '耕地', 4), placeholder(long, section, 'XX镇'), metric('短句。', ['二'], '5亩', null, 5)];
    expect(decoded(records)).toBe(expected(records));
  });

  it('writes nothing for no records', () => {
    expect(encodeJsonLines([]).length).toBe(0);
  });
});
