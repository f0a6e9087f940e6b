import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/output/progress.js';
import { lines, run, sampleFolder, tmp } from './helpers.js';

describe('parquet', () => {
  it('holds the same records as JSONL, typed', async () => {
    const corpus = sampleFolder(3);
    const out = join(tmp(), 'metrics.parquet');
    expect(run(['extract', '--lang', 'en', corpus, '--format', 'parquet', '--out', out]).code).toBe(0);
    const bytes = readFileSync(out);
    const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) });
    const jsonl = lines(run(['extract', '--lang', 'en', corpus]).stdout).map((l) => JSON.parse(l));
    expect(rows).toHaveLength(jsonl.length);
    const i = jsonl.findIndex((r) => r.text === '10万元/年');
    expect(rows[i]).toMatchObject({ text: '10万元/年', value: 100000, unit: '元', per: '年', placeholder: false, line: jsonl[i].line, section: jsonl[i].section, valueStd: 100000, unitStd: '元/年', report: jsonl[i].report });
    expect(rows.filter((r) => r.value === null).length).toBe(jsonl.filter((r) => r.value === null || r.value === undefined).length);
  });
});

describe('parallel runs', () => {
  it('give byte-identical output in input order whatever the number of workers', () => {
    const corpus = sampleFolder(8);
    const one = run(['extract', '--lang', 'en', corpus, '--jobs', '0']).stdout;
    expect(run(['extract', '--lang', 'en', corpus, '--jobs', '1']).stdout).toBe(one);
    expect(run(['extract', '--lang', 'en', corpus, '--jobs', '3']).stdout).toBe(one);
  });
});

describe('progress', () => {
  it('draws files done / total, MB/s and ETA on a terminal', () => {
    const written: string[] = [];
    const stream = { write: (s: string) => written.push(s), isTTY: true } as unknown as NodeJS.WriteStream;
    const p = new Progress(2, 2_000_000, stream, true);
    p.tick(1_000_000);
    p.tick(1_000_000);
    p.end();
    expect(written.join('')).toMatch(/\[#{24}\] 2\/2 files\s+[\d.]+ MB\/s\s+ETA 0s/);
  });
  it('is silent when stderr is not a terminal', () => {
    const written: string[] = [];
    const stream = { write: (s: string) => written.push(s), isTTY: false } as unknown as NodeJS.WriteStream;
    const p = new Progress(1, 10, stream);
    p.tick(10);
    p.end();
    expect(written).toEqual([]);
  });
});
