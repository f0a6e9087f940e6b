import type { Findings } from './find/index.js';
import type { Encoding } from './read/decode.js';
import type { SourceBlock } from './read/reader.js';
import type { InputFormat, ReportRecord } from './records/schema.js';
import type { ReportLayout } from './structure/layout.js';
import type { ReportContext } from './context/plugin.js';

// The one report every stage works on: what each stage leaves on the
// report's vfile, typed through vfile's DataMap so no stage casts.

/** What the reader says about the input. */
export interface ReportSource {
  /** The input's name in every output (InputFile.name). */
  name: string;
  format: InputFormat;
  encoding?: Encoding;
  /** Where stretches of the text come from in the original (page, paragraph, table cell). */
  blocks?: SourceBlock[];
  pages?: number;
}

export type { ReportLayout } from './structure/layout.js';

declare module 'vfile' {
  interface DataMap {
    source: ReportSource;
    layout: ReportLayout;
    findings: Findings;
    context: ReportContext;
    records: ReportRecord[];
  }
}
