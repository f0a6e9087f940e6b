import ExcelJS from 'exceljs';
import { dimensionLabel, metricHeader, reportHeader, themeLabel } from '../i18n/labels.js';
import type { Lang } from '../lint/messages.js';
import { REPORT_COLUMNS, TABLE_COLUMNS } from '../records/columns.js';
import type { ReportRecord } from '../records/schema.js';
import { reportRow, tableRow } from './encoders.js';
import type { ReportSummary } from './summary.js';
import { width } from './summary.js';

// The workbook an analyst opens: the records (sized columns, numbers with
// thousands separators, frozen header, filters), a summary with one column
// of counts per dimension and per theme (numbers to pivot, not text), and
// the reports table.

/** Excel's last row; a sheet cannot hold more. */
export const XLSX_MAX_ROWS = 1_048_576;

const SHEETS = {
  records: { zh: '指标', en: 'records' },
  summary: { zh: '汇总', en: 'summary' },
  reports: { zh: '报告', en: 'reports' },
} as const;

const NUMBER_COLUMNS = new Set<string>(['value', 'valueMax', 'valueStd', 'valueMaxStd']);
const INTEGER = '#,##0';
/** Up to twelve decimals shown, none when there are none (2.4微克 is 0.0000024 克). */
const DECIMAL = '#,##0.0###########';
const MAX_WIDTH = 60;

export class TooManyRowsError extends Error {}

function numberFormat(value: unknown): string | undefined {
  if (typeof value !== 'number') return undefined;
  return Number.isInteger(value) ? INTEGER : DECIMAL;
}

/** Columns as wide as their header and their widest cell among the first rows, within bounds. */
function sizeColumns(sheet: ExcelJS.Worksheet, sample = 2000): void {
  sheet.columns.forEach((column, i) => {
    let w = 6;
    sheet.getColumn(i + 1).eachCell({ includeEmpty: false }, (cell, row) => {
      if (row > sample) return;
      const v = cell.value;
      const text = typeof v === 'number' ? v.toLocaleString('en-US') : String(v ?? '');
      w = Math.max(w, width(text) + 2);
    });
    column.width = Math.min(MAX_WIDTH, w);
  });
}

function header(sheet: ExcelJS.Worksheet, names: string[]): void {
  sheet.addRow(names);
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: names.length } };
}

function addRecords(book: ExcelJS.Workbook, records: ReportRecord[], lang: Lang): void {
  const sheet = book.addWorksheet(SHEETS.records[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  header(sheet, TABLE_COLUMNS.map((c) => metricHeader(c, lang)));
  const numberAt = TABLE_COLUMNS.map((c) => NUMBER_COLUMNS.has(c));
  for (const r of records) {
    const row = sheet.addRow(tableRow(r, lang));
    numberAt.forEach((isNumber, i) => {
      if (!isNumber) return;
      const cell = row.getCell(i + 1);
      const format = numberFormat(cell.value);
      if (format) cell.numFmt = format;
    });
  }
  sizeColumns(sheet);
}

function addSummary(book: ExcelJS.Workbook, summaries: ReportSummary[], lang: Lang): void {
  const sheet = book.addWorksheet(SHEETS.summary[lang], { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const dimensions = [...new Set(summaries.flatMap((s) => Object.keys(s.byDimension)))].sort();
  const themes = [...new Set(summaries.flatMap((s) => Object.keys(s.byTheme)))].sort();
  const fixed = ['file', 'title', 'kind', 'place', 'year', 'metrics', 'quantityPlaceholders', 'textPlaceholders'] as const;
  header(sheet, [
    ...fixed.map((c) => reportHeader(c, lang)),
    ...dimensions.map((d) => dimensionLabel(d, lang)),
    ...themes.map((t) => (lang === 'zh' ? `主题：${themeLabel(t, lang)}` : `theme: ${t}`)),
    reportHeader('error', lang),
  ]);
  for (const s of summaries) {
    sheet.addRow([
      ...fixed.map((c) => s[c] ?? null),
      ...dimensions.map((d) => s.byDimension[d] ?? 0),
      ...themes.map((t) => s.byTheme[t] ?? 0),
      s.error ?? null,
    ]);
  }
  // The totals, as formulas a pivot or a reader can follow.
  const last = summaries.length + 1;
  const totals: Array<string | { formula: string } | null> = [lang === 'zh' ? '合计' : 'total'];
  for (let c = 2; c <= fixed.length + dimensions.length + themes.length; c++) {
    const numeric = c > fixed.length - 3;
    const letter = sheet.getColumn(c).letter;
    totals.push(numeric && last > 1 ? { formula: `SUM(${letter}2:${letter}${last})` } : null);
  }
  const row = sheet.addRow(totals);
  row.font = { bold: true };
  sizeColumns(sheet);
}

function addReports(book: ExcelJS.Workbook, summaries: ReportSummary[], lang: Lang): void {
  const sheet = book.addWorksheet(SHEETS.reports[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  header(sheet, REPORT_COLUMNS.map((c) => reportHeader(c, lang)));
  for (const s of summaries) sheet.addRow(reportRow(s, lang));
  sizeColumns(sheet);
}

export async function buildWorkbook(records: ReportRecord[], summaries: ReportSummary[], lang: Lang = 'zh'): Promise<Buffer> {
  if (records.length >= XLSX_MAX_ROWS) {
    throw new TooManyRowsError(`${records.length} records are more than the ${XLSX_MAX_ROWS - 1} rows an Excel sheet holds: write CSV or Parquet, or split the run with --shard`);
  }
  const book = new ExcelJS.Workbook();
  book.creator = 'report-metrics';
  addRecords(book, records, lang);
  addSummary(book, summaries, lang);
  addReports(book, summaries, lang);
  return Buffer.from(await book.xlsx.writeBuffer());
}
