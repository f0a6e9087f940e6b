import { describe, expect, it } from 'vitest';
import { dictionaryLoads, expectReports, tag } from '../../src/context/jieba.js';
import { extractText } from '../../src/pipeline.js';

// What loading jieba's dictionary costs a run: a run of several reports
// says so first and loads the whole dictionary once, rather than the small
// dictionary of its first report and then the whole one at the second.
// (Each test file has its own module state: vitest isolates files.)

describe('a run of several reports', () => {
  it('loads the whole dictionary once, and no small one before it', () => {
    expectReports(3);
    extractText('全县建设高标准农田3000亩，新建村级文化广场12个。', 'a.txt');
    extractText('全年培训农民800余人次。', 'b.txt');
    expect(dictionaryLoads).toEqual(['full']);
    expect(tag('高标准农田').map((t) => t.word).join('')).toBe('高标准农田');
  });
});
