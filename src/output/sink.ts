import type { ReportRecord } from '../records/schema.js';
import type { InputFile } from '../read/walk.js';
import type { Lang } from '../lint/messages.js';
import type { RecordEncoding } from './encoders.js';
import type { ReportSummary } from './summary.js';

// An output format: one file in sinks/, one line in the registry. A sink
// receives each report's output in input order and writes one file, in
// full or not at all (or to standard output when it can).

export interface ReportOutput {
  input: InputFile;
  summary: ReportSummary;
  /** The records in the sink's encoding, when it takes bytes (made in the worker). */
  bytes?: Uint8Array;
  /** The records themselves, when it takes records. */
  records?: ReportRecord[];
}

export interface Sink {
  write(report: ReportOutput): Promise<void>;
  /** Writes what is left and puts the file in place. */
  close(): Promise<void>;
  /** Leaves the target as it was (the previous file, or none). */
  abort(): Promise<void>;
}

export interface SinkOptions {
  lang: Lang;
  /** Where the reports table goes (reports.jsonl beside metrics.jsonl), or nowhere. */
  reports?: string | null;
}

export interface SinkType {
  format: string;
  /** File name endings that ask for this format (`--out m.csv`). */
  extensions: readonly string[];
  /** What each report brings: its records encoded in a worker, the records, or only its summary. */
  takes: RecordEncoding | 'records' | 'summary';
  /** A workbook or a Parquet file cannot go to standard output. */
  needsFile: boolean;
  /** `target` null: standard output. */
  open(target: string | null, options: SinkOptions): Promise<Sink>;
}
