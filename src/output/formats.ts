import { stringify } from 'csv-stringify/sync';
import { TABLE_COLUMNS, type ReportRecord } from '../records/schema.js';

// Record serialisations. Each formatter turns a batch of records into text
// so records can be written as each report finishes.

export type RecordFormat = 'jsonl' | 'csv';

export interface RecordFormatter {
  header(): string;
  format(records: ReportRecord[]): string;
}

export const SECTION_SEPARATOR = ' › ';
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
  format: (records) => records.map((r) => JSON.stringify(r) + '\n').join(''),
};

/** UTF-8 with a byte order mark so Excel shows Chinese; a header row. */
export const csv: RecordFormatter = {
  header: () => '\ufeff' + stringify([[...TABLE_COLUMNS]]),
  format: (records) => (records.length === 0 ? '' : stringify(records.map(tableRow), CSV_OPTIONS)),
};

export const FORMATTERS: Record<RecordFormat, RecordFormatter> = { jsonl, csv };
