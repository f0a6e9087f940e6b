import ExcelJS from 'exceljs';
import { TABLE_COLUMNS } from '../records/columns.js';
import type { ReportRecord } from '../records/schema.js';
import { tableRow } from './encoders.js';
import { countsText, type ReportSummary } from './summary.js';

/** A sheet of records (filterable, frozen header) and a sheet of per-report summaries. */
export async function buildWorkbook(records: ReportRecord[], summaries: ReportSummary[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'report-metrics';
  const sheet = book.addWorksheet('records', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...TABLE_COLUMNS]);
  for (const r of records) sheet.addRow(tableRow(r));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: TABLE_COLUMNS.length } };
  sheet.getRow(1).font = { bold: true };
  const summary = book.addWorksheet('summary', { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.addRow(['file', 'encoding', 'metrics', 'quantity placeholders', 'text placeholders', 'by theme', 'by dimension', 'error']);
  for (const s of summaries) {
    summary.addRow([s.file, s.encoding ?? '', s.metrics, s.quantityPlaceholders, s.textPlaceholders, countsText(s.byTheme), countsText(s.byDimension), s.error ?? '']);
  }
  summary.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
