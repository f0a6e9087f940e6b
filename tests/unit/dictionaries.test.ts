import { describe, expect, it } from 'vitest';
import { DictionaryError } from '../../src/dictionaries.js';
import { checkUnitEntries } from '../../src/find/units.js';

describe('dictionaries are checked as they load', () => {
  it('a unit with an unknown dimension is an error naming it, not a wrong record', () => {
    expect(() => checkUnitEntries([{ alias: '亩', unit: '亩', dimension: 'area' }])).not.toThrow();
    expect(() => checkUnitEntries([{ alias: '垧', unit: '垧', dimension: 'acreage' as never }])).toThrow(DictionaryError);
    expect(() => checkUnitEntries([{ alias: '垧', unit: '垧', dimension: 'acreage' as never }])).toThrow(/units\.json: unit "垧" has dimension "acreage"/);
    expect(() => checkUnitEntries([{ alias: '吨', unit: '吨', dimension: 'mass', factor: -1 }])).toThrow(/factor/);
  });
});
