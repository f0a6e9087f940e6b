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

/**
 * One JSON object a line, keys in schema order. Mentions of one sentence and
 * section share those strings (and the file name), so each is serialised
 * once per run of equal values rather than once per record.
 */
function jsonLines(records: ReportRecord[]): string {
  let out = '';
  let lastSection: unknown = null;
  let sectionJson = '';
  let lastSentence: string | null = null;
  let sentenceJson = '';
  let lastFile: string | null = null;
  let fileJson = '';
  for (const r of records) {
    if (r.section !== lastSection) {
      lastSection = r.section;
      sectionJson = JSON.stringify(r.section);
    }
    if (r.sentence !== lastSentence) {
      lastSentence = r.sentence;
      sentenceJson = JSON.stringify(r.sentence);
    }
    if (r.file !== lastFile) {
      lastFile = r.file;
      fileJson = JSON.stringify(r.file);
    }
    const head = `{"kind":"${r.kind}","file":${fileJson},"start":${r.start},"end":${r.end},"line":${r.line},"column":${r.column},"text":${JSON.stringify(r.text)}`;
    if (r.kind === 'metric') {
      out += `${head},"value":${num(r.value)},"valueMax":${num(r.valueMax)},"unit":${JSON.stringify(r.unit)},"unitAsWritten":${JSON.stringify(r.unitAsWritten)},"approx":"${r.approx}","placeholder":${r.placeholder},"dimension":"${r.dimension}","per":${str(r.per)},"sentence":${sentenceJson},"subject":${str(r.subject)},"section":${sectionJson},"theme":${str(r.theme)},"year":${num(r.year)},"format":"${r.format}"}\n`;
    } else {
      out += `${head},"placeholder":true,"slot":"${r.slot}","message":${JSON.stringify(r.message)},"sentence":${sentenceJson},"section":${sectionJson},"format":"${r.format}"}\n`;
    }
  }
  return out;
}

function num(v: number | null): string {
  return v === null || !Number.isFinite(v) ? 'null' : String(v);
}

function str(v: string | null): string {
  return v === null ? 'null' : JSON.stringify(v);
}

export const jsonl: RecordFormatter = {
  header: () => '',
  format: jsonLines,
};

/** UTF-8 with a byte order mark so Excel shows Chinese; a header row. */
export const csv: RecordFormatter = {
  header: () => '\ufeff' + stringify([[...TABLE_COLUMNS]]),
  format: (records) => (records.length === 0 ? '' : stringify(records.map(tableRow), CSV_OPTIONS)),
};

export const FORMATTERS: Record<RecordFormat, RecordFormatter> = { jsonl, csv };
