import { describe, expect, it } from 'vitest';
import { dice, evaluate } from '../../src/eval/evaluate.js';
import type { GoldEntry } from '../../src/eval/gold.js';
import { matchBySpan } from '../../src/eval/match.js';
import { extractText } from '../../src/pipeline.js';

describe('matching', () => {
  it('pairs one to one, largest overlap first', () => {
    const gold = [{ start: 0, end: 4 }, { start: 4, end: 8 }];
    const predicted = [{ start: 2, end: 6 }, { start: 0, end: 3 }];
    expect(matchBySpan(gold, predicted).sort()).toEqual([[0, 1], [1, 0]]);
  });
  it('does not pair spans that only touch', () => {
    expect(matchBySpan([{ start: 0, end: 2 }], [{ start: 2, end: 4 }])).toEqual([]);
  });
});

describe('evaluate', () => {
  const text = '新建5个，培训X人次，选拔35岁以下干部。';
  const records = extractText(text, 'dir/doc.txt').records;
  const entry = (e: Partial<GoldEntry>): GoldEntry => ({ doc: 'doc.txt', start: 0, end: 0, text: '', kind: 'metric', ...e });

  it('counts hits, misses and spurious mentions, and ignores optional gold', () => {
    const gold = new Map([['doc.txt', [
      entry({ start: 2, end: 4, text: '5个', value: 5, unit: '个', approx: 'exact', dimension: 'count', placeholder: false }),
      entry({ start: 7, end: 10, text: 'X人次', value: null, unit: '人次', approx: 'exact', dimension: 'person_times', placeholder: true }),
      entry({ start: 13, end: 18, text: '35岁以下', value: 35, unit: '岁', approx: 'under', dimension: 'age', optional: true }),
      entry({ start: 0, end: 2, text: '新建', value: 1, unit: '个', approx: 'exact', dimension: 'count' }),
    ]]]);
    const report = evaluate(gold, records);
    expect(report.metrics).toMatchObject({ tp: 2, fp: 0, fn: 1 });
    expect(report.placeholders).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(report.agreement).toMatchObject({ matched: 2, valueUnit: 2, approx: 2 });
  });

  it('reports a value disagreement', () => {
    const gold = new Map([['doc.txt', [entry({ start: 2, end: 4, text: '5个', value: 6, unit: '个', approx: 'exact', dimension: 'count' })]]]);
    const report = evaluate(gold, records);
    expect(report.agreement.value).toBe(0);
    expect(report.mismatches.find((m) => m.kind === 'disagree')?.fields).toEqual(['value']);
  });

  it('dice compares characters', () => {
    expect(dice('种植面积', '中药材种植面积')).toBeCloseTo(8 / 11);
    expect(dice('', '')).toBe(1);
  });
});

describe('JSONL serialisation', () => {
  it('is exactly JSON.stringify of each record, keys in schema order', async () => {
    const { encoderFor } = await import('../../src/output/encoders.js');
    const jsonl = encoderFor('jsonl', 'en');
    const { ReportRecord } = await import('../../src/records/schema.js');
    const text = '一、成效\n全镇新建道路12公里，培训农民X人次，"引号"里XX镇的\\反斜杠10万元/年。\n';
    const records = extractText(text, 'dir/名字.txt').records;
    const lines = new TextDecoder().decode(jsonl.encode(records)).trimEnd().split('\n');
    expect(lines).toHaveLength(records.length);
    lines.forEach((line, i) => {
      const parsed = JSON.parse(line);
      expect(parsed).toEqual(JSON.parse(JSON.stringify(records[i])));
      expect(ReportRecord.safeParse(parsed).success).toBe(true);
    });
  });
});
