import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ReportRecord, TABLE_COLUMNS } from '../../src/records/schema.js';

// The built command line, as a user runs it (npm test builds first).

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'dist/cli/main.js');
const fixtures = join(root, 'tests/fixtures/cli');

function run(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: opts.cwd ?? root, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', ...opts.env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'report-metrics-'));
}

describe('extract', () => {
  it('prints JSONL records that satisfy the schema, one per line', () => {
    const r = run(['extract', '--lang', 'en', 'corpus']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(250);
    for (const line of lines) expect(ReportRecord.safeParse(JSON.parse(line)).success).toBe(true);
    const first = JSON.parse(lines[0]!);
    expect(first.file).toBe('corpus/000_1cc2649785cb71b9.txt');
    const source = readFileSync(join(root, first.file), 'utf8');
    expect(source.slice(first.start, first.end)).toBe(first.text);
  });

  it('writes CSV with a BOM and a header that Excel and csv parsers read', () => {
    const dir = tmp();
    const out = join(dir, 'nested', 'metrics.csv');
    const r = run(['extract', '--lang', 'en', 'corpus/004_0e2c762dda60d019.txt', '--format', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString('utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([...TABLE_COLUMNS]);
    expect(rows.find((row) => row.text === '10万元/年')).toMatchObject({ value: '100000', unit: '元', per: '年', placeholder: 'false' });
    expect(r.stdout).toContain('004_0e2c762dda60d019.txt');
    expect(readdirSync(join(dir, 'nested')).sort()).toEqual(['metrics.csv', 'metrics.reports.csv']);
  });

  it('prints a summary table by theme and dimension with --format table', () => {
    const r = run(['extract', '--lang', 'en', 'tests/fixtures/cli/draft.txt', '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/draft\.txt\s+3\s+3 \(2\+1\)\s+\S+ \d.*\s+length 1, person_times 1, percent 1/);
  });

  it('writes an xlsx workbook with a records sheet and a summary sheet', async () => {
    const out = join(tmp(), 'metrics.xlsx');
    const r = run(['extract', '--lang', 'en', 'corpus', '--format', 'xlsx', '--out', out]);
    expect(r.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const records = book.getWorksheet('records')!;
    expect(records.getRow(1).values).toEqual([undefined, ...TABLE_COLUMNS]);
    const jsonl = run(['extract', '--lang', 'en', 'corpus']).stdout.trim().split('\n');
    expect(records.rowCount).toBe(jsonl.length + 1);
    const summary = book.getWorksheet('summary')!;
    // a row per report and the totals
    expect(summary.rowCount).toBe(7);
    expect(summary.getRow(2).getCell(1).value).toBe('corpus/000_1cc2649785cb71b9.txt');
    expect(book.getWorksheet('reports')!.rowCount).toBe(6);
  });

  it('refuses --format xlsx without --out', () => {
    const r = run(['extract', '--lang', 'en', 'corpus', '--format', 'xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format xlsx needs --out');
  });

  it('reports bad inputs by name, still extracts the others, and exits 1', () => {
    const dir = tmp();
    copyFileSync(join(fixtures, 'clean.txt'), join(dir, 'a-good.txt'));
    writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x01, 0x00]));
    writeFileSync(join(dir, 'c-empty.txt'), '');
    writeFileSync(join(dir, 'd-broken.txt'), Buffer.from([0xd6, 0xd0, 0xff, 0xff, 0xfe]));
    const r = run(['extract', '--lang', 'en', dir, join(dir, 'missing.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('b-binary.txt: looks like a binary file');
    expect(r.stderr).toContain('d-broken.txt: is neither UTF-8, GB18030 nor Big5 text');
    expect(r.stderr).toContain('missing.txt: no such file or folder');
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((x) => x.text)).toEqual(['12公里', '300人次']);
    expect(records.every((x) => x.file === join(dir, 'a-good.txt'))).toBe(true);
  });

  it('fails with exit 2 and a message when the output folder is a file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'file'), '');
    const r = run(['extract', '--lang', 'en', 'corpus', '--out', join(dir, 'file', 'out.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*out\.jsonl/);
    expect(existsSync(join(dir, 'file', 'out.jsonl'))).toBe(false);
  });
});

describe('lint', () => {
  it('lists placeholders as file:line:column text kind message (--format unix) and exits 1', () => {
    const r = run(['lint', 'tests/fixtures/cli/draft.txt', '--format', 'unix']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => l.split(/\s{2,}/));
    expect(lines).toEqual([
      ['tests/fixtures/cli/draft.txt:1:3', 'XX', 'text', '标题中有未填写的占位符“XX”'],
      ['tests/fixtures/cli/draft.txt:3:18', 'X人次', 'quantity', '培训农民未填写（X人次）'],
      ['tests/fixtures/cli/draft.txt:3:27', '*%', 'quantity', '培训农民覆盖率未填写（*%）'],
    ]);
  });

  it('prints a JSON array in English with --format json --lang en', () => {
    const r = run(['lint', 'tests/fixtures/cli/draft.txt', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout);
    expect(findings[1]).toEqual({
      file: 'tests/fixtures/cli/draft.txt', line: 3, column: 18, endLine: 3, endColumn: 21, start: 40, end: 43, text: 'X人次', kind: 'quantity',
      ruleId: 'placeholder-quantity', severity: 'error', message: 'The amount of 培训农民 is not filled in (X人次)',
      sentence: '全镇新建农村公路12公里，培训农民X人次，覆盖率达到*%。',
    });
  });

  it('speaks English under an English locale', () => {
    const r = run(['lint', 'tests/fixtures/cli/draft.txt', '--format', 'json'], { env: { LANG: 'en_US.UTF-8' } });
    expect(JSON.parse(r.stdout)[0].message).toBe('Placeholder "XX" left in a title');
  });

  it('exits 0 on a clean draft', () => {
    const r = run(['lint', 'tests/fixtures/cli/clean.txt']);
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });

  it('exits 2 on an unreadable input', () => {
    const r = run(['lint', 'tests/fixtures/cli/clean.txt', 'no-such-draft.txt', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-draft.txt: no such file or folder');
  });
});

describe('eval', () => {
  it('prints precision, recall and F1 for metrics and placeholders', () => {
    const r = run(['eval', '--gold', 'tests/gold', 'corpus']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^metrics\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}/m);
    expect(r.stdout).toMatch(/^placeholders\s+/m);
    expect(r.stdout).toMatch(/^value\+unit\s+\d+\.\d%/m);
  });

  it('prints a machine-readable summary with --json', () => {
    const r = run(['eval', '--gold', 'tests/gold', 'corpus', '--json']);
    const summary = JSON.parse(r.stdout);
    expect(summary.documents).toBe(5);
    expect(summary.metrics.tp + summary.metrics.fn).toBe(251);
    expect(summary.placeholders.f1).toBeGreaterThan(0.9);
  });

  it('names a broken gold file and exits 2', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'x.jsonl'), '{"doc": "x.txt"\n');
    const r = run(['eval', '--gold', dir, 'corpus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('x.jsonl:1: not valid JSON');
  });
});

describe('schema and usage', () => {
  it('prints the JSON Schema of the records', () => {
    const r = run(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    const metric = schema.oneOf?.find((s: { properties: { kind: { const: string } } }) => s.properties.kind.const === 'metric');
    expect(metric.required).toEqual(expect.arrayContaining(['file', 'start', 'end', 'line', 'column', 'text', 'value', 'valueMax', 'unit', 'unitAsWritten', 'approx', 'placeholder', 'dimension', 'per', 'sentence']));
    expect(metric.properties.approx.enum).toEqual(['exact', 'about', 'over', 'under', 'range']);
  });

  it('exits 2 on a usage error', () => {
    expect(run(['extract']).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
    expect(run(['extract', '--lang', 'en', 'corpus', '--format', 'xml']).code).toBe(2);
  });
});

describe('special output targets', () => {
  it('writes through to a device such as /dev/null instead of renaming over it', () => {
    const r = run(['extract', '--lang', 'en', 'corpus', '--out', '/dev/null', '--quiet']);
    expect(r.code).toBe(0);
    const info = statSync('/dev/null');
    expect(info.isCharacterDevice()).toBe(true);
  });
});
