import { stringify } from 'csv-stringify/sync';
import { TABLE_COLUMNS } from '../records/columns.js';
import type { ReportRecord } from '../records/schema.js';
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

function cell(record: ReportRecord, column: (typeof TABLE_COLUMNS)[number]): string | number | boolean | null {
  if (column === 'periodFrom' || column === 'periodTo') return record.kind === 'metric' && record.period ? (column === 'periodFrom' ? record.period.from : record.period.to) : null;
  const value = (record as Record<string, unknown>)[column];
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.join(SECTION_SEPARATOR);
  return value as string | number | boolean;
}

/** The record as a row of cells in TABLE_COLUMNS order (xlsx stores strings as text, so it takes them as they are). */
export function tableRow(record: ReportRecord): Array<string | number | boolean | null> {
  return TABLE_COLUMNS.map((c) => cell(record, c));
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
 * return) as a formula: a sentence holding =HYPERLINK(…), or a file named
 * =cmd|…, would run on the analyst's machine. Such a text cell gets a
 * leading apostrophe, as OWASP advises; numbers are written as numbers.
 */
export function neutraliseFormula(value: string | number | boolean | null): string | number | boolean | null {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV rows (no header) as text. */
export function csvRows(records: ReportRecord[]): string {
  return records.length === 0 ? '' : stringify(records.map((r) => tableRow(r).map(neutraliseFormula)), CSV_OPTIONS);
}

export const ENCODERS: Record<RecordEncoding, RecordEncoder> = {
  jsonl: { header: () => '', encode: encodeJsonLines },
  /** UTF-8 with a byte order mark so Excel shows Chinese; a header row. */
  csv: {
    header: () => '\ufeff' + stringify([[...TABLE_COLUMNS]]),
    // TextEncoder, not Buffer.from: small Buffers are slices of a shared pool, which cannot be moved between threads.
    encode: (records) => utf8.encode(csvRows(records)),
  },
};
