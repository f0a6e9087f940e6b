import type { Encoding } from './read/decode.js';
import type { Span } from './find/spans.js';
import type { Findings } from './find/index.js';
import type { InputFormat, ReportRecord } from './records/schema.js';

/** What the stages leave on a report's vfile (`file.data`). */
export interface ReportData {
  name: string;
  format: InputFormat;
  encoding?: Encoding;
  furniture?: Span[];
  scanRanges?: Span[];
  findings?: Findings;
  records?: ReportRecord[];
}

export function reportData(file: { data: unknown }): ReportData {
  return file.data as ReportData;
}
