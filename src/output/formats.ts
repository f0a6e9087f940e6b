import { stringify } from 'csv-stringify/sync';
import { TABLE_COLUMNS } from '../records/columns.js';
import type { ReportRecord } from '../records/schema.js';
import { encodeJsonLines } from './json-lines.js';

// Record serialisations. Each formatter turns a batch of records into bytes
// so records can be written as each report finishes.

export type RecordFormat = 'jsonl' | 'csv';

export interface RecordFormatter {
  header(): string;
  /** A batch of records as UTF-8 bytes, ready to write or to move between threads. */
  encode(records: ReportRecord[]): Uint8Array;
}

export const SECTION_SEPARATOR = ' › ';
const utf8 = new TextEncoder();
const CSV_OPTIONS = { cast: { boolean: (v: boolean) => (v ? 'true' : 'false') } };

function cell(record: ReportRecord, column: (typeof TABLE_COLUMNS)[number]): string | number | boolean | null {
  const value = (record as Record<string, unknown>)[column];
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.join(SECTION_SEPARATOR);
  return value as string | number | boolean;
}

export function tableRow(record: ReportRecord): Array<string | number | boolean | null> {
  return TABLE_COLUMNS.map((c) => cell(record, c));
}

export const jsonl: RecordFormatter = {
  header: () => '',
  encode: encodeJsonLines,
};

/** UTF-8 with a byte order mark so Excel shows Chinese; a header row. */
export const csv: RecordFormatter = {
  header: () => '\ufeff' + stringify([[...TABLE_COLUMNS]]),
  // TextEncoder, not Buffer.from: small Buffers are slices of a shared pool, which cannot be moved between threads.
  encode: (records) => utf8.encode(csvRows(records)),
};

/** CSV rows (no header) as text. */
export function csvRows(records: ReportRecord[]): string {
  return records.length === 0 ? '' : stringify(records.map(tableRow), CSV_OPTIONS);
}

export const FORMATTERS: Record<RecordFormat, RecordFormatter> = { jsonl, csv };
