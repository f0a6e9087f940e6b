import type { Lang } from '../lint/messages.js';
import type { ReportRow } from '../records/schema.js';
import { reportJson, reportsCsvHeader, reportsCsvRows, type RecordEncoding } from './encoders.js';
import { openTarget, type Target } from './target.js';

// The reports table beside the records (reports.jsonl, reports.csv): one
// row per report, in input order, written as the reports come and put in
// place with the records, or not at all.

export interface ReportsFile {
  add(row: ReportRow): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openReportsFile(path: string, format: RecordEncoding, lang: Lang): Promise<ReportsFile> {
  const target: Target = await openTarget(path);
  if (format === 'csv') await target.write(reportsCsvHeader(lang));
  return {
    add: (row) => target.write(format === 'csv' ? reportsCsvRows([row], lang) : JSON.stringify(reportJson(row)) + '\n'),
    commit: () => target.commit(),
    abort: () => target.abort(),
  };
}
