import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';
import { isDimension } from '../../src/records/dimensions.js';
import type { MetricRecord } from '../../src/records/schema.js';
import { isStandardised, standardUnitOf, standardValue } from '../../src/records/standard.js';

// valueStd: every unit the extractor knows has a decision in
// dictionaries/standard-units.json, a factor or a reason it has none.

const units = JSON.parse(readFileSync(new URL('../../dictionaries/units.json', import.meta.url), 'utf8')) as {
  groups: Array<{ dimension: string; units: Array<{ unit: string }> }>;
};

describe('standard units', () => {
  const pairs = [...new Set(units.groups.flatMap((g) => g.units.map((u) => `${g.dimension}\t${u.unit}`)))].map((p) => p.split('\t') as [string, string]);

  it('decide every canonical unit of units.json', () => {
    expect(pairs.length).toBeGreaterThan(200);
    const undecided = pairs.filter(([d, u]) => !isDimension(d) || !isStandardised(d, u));
    expect(undecided).toEqual([]);
  });

  for (const [dimension, unit] of pairs) {
    it(`${dimension} ${unit}: in ${dimension}'s standard unit, or none`, () => {
      if (!isDimension(dimension)) throw new Error(dimension);
      const std = standardValue(dimension, unit, 3, 4);
      if (std.valueStd === null) {
        expect(std.unitStd).toBeNull();
        return;
      }
      expect(std.unitStd).toBe(standardUnitOf(dimension));
      // A conversion is linear (temperatures affine): 4 is 3 plus one step.
      const one = standardValue(dimension, unit, 1, null).valueStd! - standardValue(dimension, unit, 0, null).valueStd!;
      expect(std.valueMaxStd! - std.valueStd).toBeCloseTo(one, 6);
      if (unit === standardUnitOf(dimension)) expect(std.valueStd).toBe(3);
    });
  }

  it('convert by the legal definitions', () => {
    expect(standardValue('area', '亩', 15, null).valueStd).toBe(10000);
    expect(standardValue('area', '公顷', 1, null).valueStd).toBe(10000);
    expect(standardValue('mass', '斤', 3, null).valueStd).toBe(1.5);
    expect(standardValue('mass', '两', 1, null).valueStd).toBe(0.05);
    expect(standardValue('length', '海里', 2, null).valueStd).toBe(3704);
    expect(standardValue('duration', '周', 2, null).valueStd).toBe(14);
    expect(standardValue('duration', '个月', 2, null)).toEqual({ valueStd: null, valueMaxStd: null, unitStd: null });
    expect(standardValue('temperature', '℉', 212, null).valueStd).toBe(100);
    expect(standardValue('temperature', 'K', 273.15, null).valueStd).toBe(0);
    expect(standardValue('energy', '千卡', 1000, null).valueStd).toBeCloseTo(1.163, 9);
    expect(standardValue('money', '美元', 5, null).valueStd).toBeNull();
    expect(standardValue('count', '个', 5, null).valueStd).toBeNull();
    expect(standardValue('money', '元', 100000, null, '年').unitStd).toBe('元/年');
  });

  it('reach the records', () => {
    const records = extractText('新增耕地1.5万亩，化肥减少30吨，工期3个月，奖补10万元/年。', 'a.txt').records as MetricRecord[];
    expect(records.map((r) => [r.text, r.valueStd, r.unitStd])).toEqual([
      ['1.5万亩', 10000000, '平方米'],
      ['30吨', 30000, '公斤'],
      ['3个月', null, null],
      ['10万元/年', 100000, '元/年'],
    ]);
  });
});
