import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Package } from 'datapackage';
import { Table } from 'tableschema';
import ExcelJS from 'exceljs';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { readGoldDir } from '../../src/eval/gold.js';
import { metricHeaders } from '../../src/i18n/labels.js';
import { REPORT_COLUMNS, TABLE_COLUMNS } from '../../src/records/columns.js';
import type { MetricRecord, ReportRecord } from '../../src/records/schema.js';
import { lines, root, run, tmp } from '../scale/helpers.js';

// The dataset as analysts and researchers receive it: the reports table
// beside the records, headers in their language, a workbook they can pivot,
// and a datapackage.json that describes what is in the folder.

const corpus = join(root, 'corpus');

function jsonl(path: string): Array<Record<string, unknown>> {
  return lines(readFileSync(path, 'utf8')).map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('the reports table', () => {
  it('has one row per report, and every record joins it on its report key', () => {
    const dir = tmp();
    const out = join(dir, 'metrics.jsonl');
    expect(run(['extract', corpus, '--out', out, '--quiet']).code).toBe(0);
    const reports = jsonl(join(dir, 'metrics.reports.jsonl'));
    const records = jsonl(out);
    expect(reports).toHaveLength(5);
    expect(Object.keys(reports[0]!)).toEqual([...REPORT_COLUMNS]);
    const keys = new Set(reports.map((r) => r.report));
    expect(records.every((r) => keys.has(r.report))).toBe(true);
    // Its counts are the records' own.
    for (const report of reports) {
      const mine = records.filter((r) => r.report === report.report);
      expect(mine.filter((r) => r.kind === 'metric')).toHaveLength(report.metrics as number);
      expect(mine.filter((r) => r.kind === 'text')).toHaveLength(report.textPlaceholders as number);
      expect(new Set(mine.map((r) => r.file))).toEqual(new Set([report.file]));
    }
  });

  it('names a report that could not be read, with the reason, and leaves its counts at zero', () => {
    const dir = tmp();
    const bad = join(dir, 'broken.docx');
    writeFileSync(bad, 'not a zip');
    const out = join(dir, 'out', 'm.csv');
    expect(run(['extract', corpus, bad, '--out', out, '--quiet', '--lang', 'en']).code).toBe(1);
    const rows = parse(readFileSync(join(dir, 'out', 'm.reports.csv'), 'utf8').slice(1), { columns: true }) as Array<Record<string, string>>;
    const broken = rows.find((r) => r.file.endsWith('broken.docx'))!;
    expect(broken.error).toMatch(/Word/);
    expect(broken.metrics).toBe('0');
    expect(rows).toHaveLength(6);
  });

  it('goes where --reports says, also beside standard output', () => {
    const path = join(tmp(), 'reports.csv');
    const r = run(['extract', corpus, '--format', 'csv', '--reports', path, '--lang', 'en']);
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(path, 'utf8').slice(1), { columns: true }) as Array<Record<string, string>>;
    const files = [...new Set(lines(r.stdout).slice(1).map((l) => parse(l)[0][1] as string))];
    expect(rows.map((row) => row.file)).toEqual(files);
    expect(rows.find((row) => row.title === '创建乡村振兴先进镇工作方案【精选推荐】')).toMatchObject({ kind: '方案/意见/办法', level: '' });
  });
});

describe('CSV headers and coded values', () => {
  it('are Chinese by default and the dataset\'s field names in English', () => {
    const dir = tmp();
    expect(run(['extract', corpus, '--out', join(dir, 'zh.csv'), '--quiet']).code).toBe(0);
    expect(run(['extract', corpus, '--out', join(dir, 'en.csv'), '--quiet', '--lang', 'en']).code).toBe(0);
    const zh = parse(readFileSync(join(dir, 'zh.csv'), 'utf8').slice(1), { columns: true }) as Array<Record<string, string>>;
    const en = parse(readFileSync(join(dir, 'en.csv'), 'utf8').slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(zh[0]!)).toEqual(metricHeaders('zh'));
    expect(Object.keys(zh[0]!)).toContain('指标');
    expect(Object.keys(zh[0]!)).toContain('所在章节');
    expect(Object.keys(en[0]!)).toEqual([...TABLE_COLUMNS]);
    expect(zh).toHaveLength(en.length);
    const i = en.findIndex((r) => r.dimension === 'person_times');
    expect(zh[i]!['计量类别']).toBe('人次');
    expect(en.find((r) => r.dimension === 'area')).toBeDefined();
    expect(new Set(zh.map((r) => r['计量类别']))).not.toContain('person_times');
    expect(new Set(zh.map((r) => r['待填']))).toEqual(new Set(['是', '否']));
    const reportsZh = readFileSync(join(dir, 'zh.reports.csv'), 'utf8');
    expect(reportsZh.split('\n')[0]).toBe('\ufeff报告编号,文件,标题,报告类型,地区,行政级别,年份,文件格式,编码,页数,指标数,待填数值,待填文字,网页杂项行数,警告数,错误');
  });
});

describe('the workbook', () => {
  it('has sized columns, numbers with thousands separators, a frozen filtered header, a summary of numbers and the reports', async () => {
    const out = join(tmp(), 'm.xlsx');
    expect(run(['extract', corpus, '--out', out, '--quiet']).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['指标', '汇总', '报告']);
    const sheet = book.getWorksheet('指标')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(metricHeaders('zh'));
    const valueCol = header.indexOf('数值') + 1;
    let big = 0;
    let decimal = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cell = row.getCell(valueCol);
      if (typeof cell.value !== 'number') return;
      if (Number.isInteger(cell.value)) {
        expect(cell.numFmt).toBe('#,##0');
        if (cell.value >= 1000) big++;
      } else {
        expect(cell.numFmt).toMatch(/^#,##0\.0#+$/);
        decimal++;
      }
    });
    expect(big).toBeGreaterThan(0);
    expect(decimal).toBeGreaterThan(0);
    expect(sheet.getColumn(header.indexOf('原句') + 1).width).toBeGreaterThan(sheet.getColumn(header.indexOf('行') + 1).width!);

    const summary = book.getWorksheet('汇总')!;
    const names = (summary.getRow(1).values as unknown[]).slice(1) as string[];
    const metricsCol = names.indexOf('指标数') + 1;
    const areaCol = names.indexOf('面积') + 1;
    const themeCol = names.indexOf('主题：产业振兴') + 1;
    expect(areaCol).toBeGreaterThan(0);
    expect(themeCol).toBeGreaterThan(0);
    // Per report, the counts are numbers, and they add up to the records of that report.
    const all = lines(run(['extract', corpus]).stdout).map((l) => JSON.parse(l) as ReportRecord);
    for (let r = 2; r <= 6; r++) {
      const row = summary.getRow(r);
      const file = row.getCell(1).value as string;
      const mine = all.filter((x): x is MetricRecord => x.file === file && x.kind === 'metric');
      expect(row.getCell(metricsCol).value).toBe(mine.length);
      expect(row.getCell(areaCol).value).toBe(mine.filter((x) => x.dimension === 'area').length);
      expect(row.getCell(themeCol).value).toBe(mine.filter((x) => x.theme === '产业振兴').length);
    }
    expect(summary.getRow(7).getCell(metricsCol).value).toMatchObject({ formula: expect.stringMatching(/^SUM\(/) });
    const reports = book.getWorksheet('报告')!;
    expect((reports.getRow(1).values as unknown[]).slice(1)[0]).toBe('报告编号');
    expect(reports.rowCount).toBe(6);
  });
});

describe('comparable values', () => {
  it('add up by dimension to what the gold adds up to, unit by unit converted by hand', async () => {
    // 1 亩 = 10000/15 m², 1 吨 = 1000 kg, 1 公里 = 1000 m: the units of the samples, converted here independently of the dictionary.
    const byHand: Record<string, Record<string, number>> = {
      area: { 亩: 10000 / 15, 平方米: 1 },
      mass: { 吨: 1000, 公斤: 1 },
      length: { 公里: 1000, 米: 1 },
      money: { 元: 1 },
      persons: { 人: 1 },
    };
    const gold = await readGoldDir(join(root, 'tests/gold'));
    const records = lines(run(['extract', corpus]).stdout).map((l) => JSON.parse(l) as ReportRecord);
    for (const [dimension, factors] of Object.entries(byHand)) {
      let expected = 0;
      let actual = 0;
      for (const [doc, entries] of gold) {
        for (const g of entries) {
          if (g.kind !== 'metric' || g.optional || g.dimension !== dimension || g.value == null) continue;
          expected += g.value * factors[g.unit!]!;
          const mine = records.find((r): r is MetricRecord => r.kind === 'metric' && r.file.endsWith(doc) && r.start < g.end! && g.start! < r.end);
          actual += mine?.valueStd ?? NaN;
        }
      }
      expect(expected).toBeGreaterThan(0);
      expect(actual).toBeCloseTo(expected, 3);
    }
  });
});

describe('datapackage.json', () => {
  for (const format of ['csv', 'jsonl', 'parquet', 'xlsx'] as const) {
    it(`describes a ${format} dataset folder, valid by the Frictionless profile, its fields the files' columns`, async () => {
      const dir = join(tmp(), 'ds');
      expect(run(['extract', corpus, '--out', `${dir}/`, '--format', format, '--quiet']).code).toBe(0);
      const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
      const pkg = await Package.load(descriptor, { basePath: dir });
      expect(pkg.errors.map((e: Error) => e.message)).toEqual([]);
      expect(pkg.valid).toBe(true);
      const [metrics, reports] = descriptor.resources as Array<{ path: string; schema: { fields: Array<{ name: string; type: string }> } }>;
      const metricNames = metrics!.schema.fields.map((f) => f.name);
      const reportNames = reports!.schema.fields.map((f) => f.name);
      if (format === 'csv') {
        const header = readFileSync(join(dir, 'metrics.csv'), 'utf8').slice(1).split('\n')[0]!;
        expect(parse(header)[0]).toEqual(metricNames);
        // Every row cast by its Table Schema: types, required fields and allowed values hold. (The rows are
        // parsed here: tableschema-js does not take off the byte order mark that Excel needs.)
        for (const resource of descriptor.resources as Array<{ path: string; schema: object }>) {
          const cells = parse(readFileSync(join(dir, resource.path), 'utf8').slice(1)) as string[][];
          const table = await Table.load(cells, { schema: resource.schema });
          const rows = await table.read({ cast: true });
          expect(rows.length).toBe(cells.length - 1);
        }
      } else if (format === 'jsonl') {
        const first = jsonl(join(dir, 'metrics.jsonl'));
        for (const r of first) for (const k of Object.keys(r)) expect(metricNames).toContain(k);
        expect(Object.keys(jsonl(join(dir, 'reports.jsonl'))[0]!)).toEqual(reportNames);
      } else if (format === 'parquet') {
        const bytes = readFileSync(join(dir, 'metrics.parquet'));
        const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) });
        expect(Object.keys(rows[0]!)).toEqual(metricNames);
        expect(Array.isArray(rows[0]!.section)).toBe(true);
        expect(metrics!.schema.fields.find((f) => f.name === 'section')!.type).toBe('array');
        expect(Number.isInteger(rows[0]!.line)).toBe(true);
      } else {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(join(dir, 'metrics.xlsx'));
        expect((book.getWorksheet('指标')!.getRow(1).values as unknown[]).slice(1)).toEqual(metricNames);
        expect((book.getWorksheet('报告')!.getRow(1).values as unknown[]).slice(1)).toEqual(reportNames);
      }
    });
  }
});
