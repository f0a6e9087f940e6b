import { describe, expect, it } from 'vitest';
import { readGoldDir } from '../../src/eval/gold.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { extractFile } from '../../src/pipeline.js';
import { collectInputs } from '../../src/read/walk.js';
import type { ReportRecord } from '../../src/records/schema.js';

// The acceptance thresholds of the extraction issue, computed afresh from the
// five samples against their hand-checked gold files (tests/gold, a copy of
// shared/gold).

const root = new URL('../../', import.meta.url).pathname;

describe('accuracy on the five samples', async () => {
  const gold = await readGoldDir(`${root}tests/gold`);
  const { files } = await collectInputs([`${root}corpus`]);
  const records: ReportRecord[] = [];
  for (const f of files) records.push(...(await extractFile(f)).records);
  const report = evaluate(gold, records);

  it('covers all five gold documents', () => {
    expect(gold.size).toBe(5);
    expect(new Set(records.map((r) => r.file)).size).toBe(5);
  });
  it('metric F1 is 1.0', () => {
    expect(report.metrics.f1).toBe(1);
  });
  it('status agrees on ≥ 97 % and period on ≥ 95 % of matched metrics (every gold metric has both)', () => {
    expect(report.status.scored).toBe(report.agreement.matched);
    expect(report.period.scored).toBe(report.agreement.matched);
    expect(report.status.agree / report.status.scored).toBeGreaterThanOrEqual(0.97);
    expect(report.period.agree / report.period.scored).toBeGreaterThanOrEqual(0.95);
  });
  it('value+unit agree on ≥ 98% of matched mentions', () => {
    expect(report.agreement.valueUnit / report.agreement.matched).toBeGreaterThanOrEqual(0.98);
  });
  it('approx agrees on ≥ 98% of matched mentions', () => {
    expect(report.agreement.approx / report.agreement.matched).toBeGreaterThanOrEqual(0.98);
  });
  it('subject overlap match (Dice ≥ 0.5) on ≥ 85% of matched metrics', () => {
    expect(report.subject.scored).toBe(report.agreement.matched);
    expect(report.subject.overlap / report.subject.scored).toBeGreaterThanOrEqual(0.85);
  });
  it('every record has a section path, and every metric a theme', () => {
    expect(records.filter((r) => r.section.length === 0)).toEqual([]);
    expect(records.filter((r) => r.kind === 'metric' && !r.theme)).toEqual([]);
  });
  it('placeholder recall is 1.0 with precision ≥ 0.98', () => {
    expect(report.placeholders.recall).toBe(1);
    expect(report.placeholders.precision).toBeGreaterThanOrEqual(0.98);
  });
});
