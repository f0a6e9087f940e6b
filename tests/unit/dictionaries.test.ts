import { describe, expect, it } from 'vitest';
import { DictionaryError } from '../../src/dictionaries.js';
import { checkUnitEntries } from '../../src/find/units.js';
import { checkTimeWords } from '../../src/context/period.js';

describe('dictionaries are checked as they load', () => {
  it('a unit with an unknown dimension is an error naming it, not a wrong record', () => {
    expect(() => checkUnitEntries([{ alias: '亩', unit: '亩', dimension: 'area' }])).not.toThrow();
    expect(() => checkUnitEntries([{ alias: '垧', unit: '垧', dimension: 'acreage' as never }])).toThrow(DictionaryError);
    expect(() => checkUnitEntries([{ alias: '垧', unit: '垧', dimension: 'acreage' as never }])).toThrow(/units\.json: unit "垧" has dimension "acreage"/);
    expect(() => checkUnitEntries([{ alias: '吨', unit: '吨', dimension: 'mass', factor: -1 }])).toThrow(/factor/);
  });

  it('a time word that names no year is an error: spans without 年 or 五 are never searched for time', () => {
    expect(() => checkTimeWords({ relative: { 今年: 0 }, plans: { 十四五: [2021, 2025] } })).not.toThrow();
    expect(() => checkTimeWords({ relative: { 今冬: 0 }, plans: {} })).toThrow(/time-words\.json: relative word "今冬"/);
    expect(() => checkTimeWords({ relative: {}, plans: { 十四规: [2021, 2025] } })).toThrow(/plan "十四规"/);
  });
});
