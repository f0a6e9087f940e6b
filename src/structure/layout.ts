import type { Span } from '../find/spans.js';
import type { LineIndex } from './lines.js';
import type { TextTable } from './tables.js';
import type { HeadingInfo, SectionIndex } from './text-tree.js';

/** The report's shape, worked out once by the structure stages. */
export interface ReportLayout {
  lines: LineIndex;
  headings: HeadingInfo[];
  sections: SectionIndex;
  /** Page furniture (banners, counters, related-article lists), left unscanned. */
  furniture: Span[];
  /** Lines of page furniture left out. */
  furnitureLines: number;
  /** The stretches of text that are report prose. */
  scanRanges: Span[];
  /** The title line, when the report has one. */
  title?: string;
  /** Rows of tab- or |-separated cells (the readers write every table so). */
  tables: TextTable[];
}

