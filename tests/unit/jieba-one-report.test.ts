import { describe, expect, it } from 'vitest';
import { dictionaryLoads, expectReports } from '../../src/context/jieba.js';
import { extractText } from '../../src/pipeline.js';

// The other side of jieba-loads.test.ts: a run of one small report loads
// only the words of its text (the records stay those of the whole
// dictionary: tests/cli/jieba-subset.test.ts).

describe('a run of one small report', () => {
  it('loads a dictionary of its own words', () => {
    expectReports(1);
    const { records } = extractText('全县建设高标准农田3000亩，新建村级文化广场12个。', 'a.txt');
    expect(records.length).toBe(2);
    expect(dictionaryLoads).toEqual(['subset']);
  });
});
