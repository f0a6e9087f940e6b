import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { lines, run, sampleFolder, tmp } from '../scale/helpers.js';

// The output format follows --out's extension; a --format that contradicts
// it is refused; nothing is written in a format nobody asked for.

const sample = 'corpus/004_0e2c762dda60d019.txt';
const root = new URL('../../', import.meta.url).pathname;

describe('the format of --out', () => {
  it('is taken from the extension: .xlsx, .csv, .parquet, .txt (the summary table)', async () => {
    const dir = tmp();
    const count = lines(run(['extract', '--lang', 'en', sample], { cwd: root }).stdout).length;
    for (const ext of ['xlsx', 'csv', 'parquet', 'txt', 'jsonl']) expect(run(['extract', '--lang', 'en', sample, '--out', join(dir, `m.${ext}`), '--quiet'], { cwd: root }).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'm.xlsx'));
    expect(book.getWorksheet('records')!.rowCount).toBe(count + 1);
    expect(readFileSync(join(dir, 'm.csv'), 'utf8').startsWith('\ufeffreport,file,')).toBe(true);
    const rows = await parquetReadObjects({ file: readFileSync(join(dir, 'm.parquet')).buffer as ArrayBuffer });
    expect(rows).toHaveLength(count);
    expect(readFileSync(join(dir, 'm.txt'), 'utf8')).toMatch(/^report\s+metrics/);
    expect(lines(readFileSync(join(dir, 'm.jsonl'), 'utf8'))).toHaveLength(count);
  });

  it('--format table --out FILE writes the table to FILE', () => {
    const out = join(tmp(), 'summary.txt');
    const r = run(['extract', '--lang', 'en', sample, '--format', 'table', '--out', out], { cwd: root });
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('004_0e2c762dda60d019.txt');
  });

  it('refuses a --format that contradicts the extension, and an extension no format has, with exit 2', () => {
    const dir = tmp();
    const mismatch = run(['extract', '--lang', 'en', sample, '--format', 'csv', '--out', join(dir, 'm.xlsx')], { cwd: root });
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('--format csv does not match the extension');
    const unknown = run(['extract', '--lang', 'en', sample, '--out', join(dir, 'm.json')], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cannot tell the output format from ".json"');
    expect(existsSync(join(dir, 'm.xlsx')) || existsSync(join(dir, 'm.json'))).toBe(false);
  });

  it('--no-summary is honoured with --out DIR/', () => {
    const dir = tmp();
    const r = run(['extract', '--lang', 'en', sample, '--out', `${dir}/`, '--no-summary'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'metrics.jsonl'))).toBe(true);
  });

  it('a resumable run writes any format: xlsx and Parquet too', async () => {
    const dir = tmp();
    expect(run(['extract', '--lang', 'en', 'corpus', '--out', `${dir}/`, '--format', 'parquet', '--quiet'], { cwd: root }).code).toBe(0);
    const rows = await parquetReadObjects({ file: readFileSync(join(dir, 'metrics.parquet')).buffer as ArrayBuffer });
    expect(rows).toHaveLength(lines(run(['extract', '--lang', 'en', 'corpus'], { cwd: root }).stdout).length);
  });
});

describe('--stats', () => {
  it('prints a line to read, and JSON when asked', () => {
    const text = run(['extract', '--lang', 'en', sample, '--stats', '--quiet'], { cwd: root });
    expect(text.stderr).toMatch(/^stats: 1 files, [\d.]+ MB in [\d.]+ s .*records.*peak memory \d+ MB/m);
    const json = run(['extract', '--lang', 'en', sample, '--stats', 'json', '--quiet'], { cwd: root });
    expect(JSON.parse(/^stats (.*)$/m.exec(json.stderr)![1]!)).toMatchObject({ files: 1 });
  });
});

describe('a sharded resumable run with workers', () => {
  it('prints no warning from the pool', () => {
    const dir = tmp();
    const r = run(['extract', '--lang', 'en', sampleFolder(40), '--shard', '1/2', '--out', `${dir}/`, '--jobs', '2', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/Warning/);
  });
});
