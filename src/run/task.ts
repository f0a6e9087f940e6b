import { extractFile, InputError, type PipelineOptions } from '../pipeline.js';
import { encoderFor, type RecordEncoding } from '../output/encoders.js';
import type { Lang } from '../lint/messages.js';
import { failedSummary, summarize, type ReportSummary } from '../output/summary.js';
import type { InputFile } from '../read/walk.js';
import type { ReportRecord } from '../records/schema.js';

// One report's work, the same in the main thread or in a worker: read,
// run the pipeline, and encode the records where they were made, so only
// bytes cross between threads.

export interface TaskOptions extends PipelineOptions {
  /** Encode records here, hand them back as objects, or keep only the summary. */
  output: RecordEncoding | 'records' | 'summary';
  /** A text encoding to use instead of detecting one. */
  encoding?: string;
  /** Hash the bytes read (SHA-256), so a resumable run need not read the file again. */
  hash?: boolean;
  /** The language of a CSV's coded values. */
  lang?: Lang;
}

export interface TaskResult {
  input: InputFile;
  summary: ReportSummary;
  /** The records encoded, in UTF-8 (moved, not copied, from a worker thread). */
  bytes?: Uint8Array;
  records?: ReportRecord[];
  hash?: string;
  error?: string;
  /** What the reader could not be sure of or could not read in full. */
  warnings?: string[];
}

export async function runTask(input: InputFile, options: TaskOptions): Promise<TaskResult> {
  try {
    const { records, read, file } = await extractFile(input, options);
    const report = file.data.context?.report;
    const summary = summarize(input.name, records, {
      encoding: read.encoding, furnitureLines: file.data.layout?.furnitureLines, warnings: read.warnings?.length,
      format: file.data.source?.format, pages: read.pages,
      title: report?.title, kind: report?.kind, place: report?.place, level: report?.level, year: report?.year,
    });
    const base = { input, summary, hash: read.hash, ...(read.warnings?.length ? { warnings: read.warnings } : {}) };
    if (options.output === 'records') return { ...base, records };
    if (options.output === 'summary') return base;
    return { ...base, bytes: encoderFor(options.output, options.lang ?? 'en').encode(records) };
  } catch (err) {
    const reason = err instanceof InputError ? err.reason : `internal error: ${(err as Error).message}`;
    return { input, summary: failedSummary(input.name, reason), error: reason };
  }
}

export { failedSummary };
