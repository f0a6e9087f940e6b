import { stringify } from 'csv-stringify/sync';
import { cellLabel, metricHeaders, reportHeader } from '../i18n/labels.js';
import type { Lang } from '../lint/messages.js';
import { REPORT_COLUMNS, TABLE_COLUMNS } from '../records/columns.js';
import type { ReportRecord, ReportRow } from '../records/schema.js';
import { encodeJsonLines } from './json-lines.js';

// Records as bytes, made where the records are made (in a worker thread),
// so only bytes cross to the thread that writes them. No schema library
// here: the threads that format records do not load zod.

export type RecordEncoding = 'jsonl' | 'csv';

export interface RecordEncoder {
  header(): string;
  /** A batch of records as UTF-8 bytes, ready to write or to move between threads. */
  encode(records: ReportRecord[]): Uint8Array;
}

export const SECTION_SEPARATOR = ' › ';
const utf8 = new TextEncoder();
const CSV_OPTIONS = { cast: { boolean: (v: boolean) => (v ? 'true' : 'false') } };
type Cell = string | number | boolean | null;

/** A record's field as a cell of a table: the period as two years, the section path joined. */
export function recordCell(record: ReportRecord, column: (typeof TABLE_COLUMNS)[number]): Cell {
  if (column === 'periodFrom' || column === 'periodTo') return record.kind === 'metric' && record.period ? (column === 'periodFrom' ? record.period.from : record.period.to) : null;
  if (column === 'tableIndex' || column === 'tableRow' || column === 'tableColumn') return record.table ? record.table[column === 'tableIndex' ? 'index' : column === 'tableRow' ? 'row' : 'column'] : null;
  const value = (record as Record<string, unknown>)[column];
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.join(SECTION_SEPARATOR);
  return value as Cell;
}

/** The record as a row of cells in TABLE_COLUMNS order, coded values named in the table's language. */
export function tableRow(record: ReportRecord, lang: Lang = 'en'): Cell[] {
  return TABLE_COLUMNS.map((c) => cellLabel(c, recordCell(record, c), lang));
}

/** A report's row of the reports table in REPORT_COLUMNS order. */
export function reportRow(row: ReportRow, lang: Lang = 'en'): Cell[] {
  return REPORT_COLUMNS.map((c) => cellLabel(c, row[c] ?? null, lang));
}

/** The reports table's row as the dataset's JSON, in REPORT_COLUMNS order (a summary carries counts besides). */
export function reportJson(row: ReportRow): ReportRow {
  return Object.fromEntries(REPORT_COLUMNS.map((c) => [c, row[c] ?? null])) as ReportRow;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
 * return) as a formula: a sentence holding =HYPERLINK(…), or a file named
 * =cmd|…, would run on the analyst's machine. Such a text cell gets a
 * leading apostrophe, as OWASP advises; numbers are written as numbers.
 */
export function neutraliseFormula(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvText(rows: Cell[][]): string {
  return rows.length === 0 ? '' : stringify(rows.map((r) => r.map(neutraliseFormula)), CSV_OPTIONS);
}

/** CSV rows (no header) as text. */
export function csvRows(records: ReportRecord[], lang: Lang = 'en'): string {
  return csvText(records.map((r) => tableRow(r, lang)));
}

/** UTF-8 with a byte order mark so Excel shows Chinese, and a header row. */
export function csvHeader(lang: Lang): string {
  return '\ufeff' + stringify([metricHeaders(lang)]);
}

export function reportsCsvHeader(lang: Lang): string {
  return '\ufeff' + stringify([REPORT_COLUMNS.map((c) => reportHeader(c, lang))]);
}

export function reportsCsvRows(rows: ReportRow[], lang: Lang): string {
  return csvText(rows.map((r) => reportRow(r, lang)));
}

export function encoderFor(format: RecordEncoding, lang: Lang): RecordEncoder {
  if (format === 'jsonl') return { header: () => '', encode: encodeJsonLines };
  // TextEncoder, not Buffer.from: small Buffers are slices of a shared pool, which cannot be moved between threads.
  return { header: () => csvHeader(lang), encode: (records) => utf8.encode(csvRows(records, lang)) };
}
