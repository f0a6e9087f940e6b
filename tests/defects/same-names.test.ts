import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputs } from '../../src/read/walk.js';
import { matchDocs } from '../../src/eval/evaluate.js';
import { lines, run, tmp } from '../scale/helpers.js';

// Two input folders holding the same file names: every output must name
// each report by a path of its own (issue: records lost and doubled).

function twoYears(): string {
  const dir = tmp();
  for (const [year, text] of [['2022', '全镇新建道路12公里。'], ['2023', '全镇培训农民300人次，新建公厕5座。']] as const) {
    mkdirSync(join(dir, 'yrs', year), { recursive: true });
    writeFileSync(join(dir, 'yrs', year, 'report.txt'), text);
  }
  return dir;
}

describe('names of inputs', () => {
  it('are the path as given, extended inside a folder, normalised', async () => {
    const dir = twoYears();
    const { files } = await collectInputs([join(dir, 'yrs/2022/'), join(dir, 'yrs', '.', '2023')]);
    expect(files.map((f) => f.name)).toEqual([join(dir, 'yrs/2022/report.txt'), join(dir, 'yrs/2023/report.txt')]);
    expect(files.map((f) => f.relative)).toEqual(['report.txt', 'report.txt']);
  });

  it('read a file named twice only once', async () => {
    const dir = twoYears();
    const { files } = await collectInputs([join(dir, 'yrs/2022'), join(dir, 'yrs/2022/report.txt')]);
    expect(files).toHaveLength(1);
  });
});

describe('extract with two folders holding the same file name', () => {
  it('keeps both reports apart in records, parts, the manifest and the dataset, run after run', () => {
    const dir = twoYears();
    const cwd = { cwd: dir };
    const plain = run(['extract', 'yrs/2022', 'yrs/2023'], cwd);
    expect(plain.code).toBe(0);
    const files = lines(plain.stdout).map((l) => JSON.parse(l).file);
    expect(files).toEqual(['yrs/2022/report.txt', 'yrs/2023/report.txt', 'yrs/2023/report.txt']);
    for (let k = 0; k < 2; k++) {
      const r = run(['extract', 'yrs/2022', 'yrs/2023', '--out', 'o/yr/', '--quiet'], cwd);
      expect(r.code).toBe(0);
      expect(readFileSync(join(dir, 'o/yr/metrics.jsonl'), 'utf8')).toBe(plain.stdout);
      expect(readdirSync(join(dir, 'o/yr/parts'))).toHaveLength(2);
    }
  });
});

describe('gold documents', () => {
  it('match a report by its path, or by a shorter path only when one report ends with it', () => {
    const files = ['yrs/2022/report.txt', 'yrs/2023/report.txt', 'corpus/001.txt'];
    const { matched, problems } = matchDocs(['yrs/2022/report.txt', '001.txt', 'report.txt', 'missing.txt'], files);
    expect([...matched]).toEqual([['yrs/2022/report.txt', 'yrs/2022/report.txt'], ['001.txt', 'corpus/001.txt']]);
    expect(problems).toEqual([
      { doc: 'report.txt', candidates: ['yrs/2022/report.txt', 'yrs/2023/report.txt'] },
      { doc: 'missing.txt', candidates: [] },
    ]);
  });
});
