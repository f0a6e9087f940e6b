import type { VFile } from 'vfile';
import type { LintMessage } from '../plugin.js';
import type { Annotation } from './docx-comments.js';

export { annotateDocx, type Annotation, type AnnotateResult } from './docx-comments.js';

/** A Word file's findings as comments to anchor: those the reader could place in a paragraph of the body. */
export function annotationsOf(file: VFile): Annotation[] {
  const out: Annotation[] = [];
  for (const m of file.messages as LintMessage[]) {
    if (m.paragraph === undefined || !m.actual) continue;
    out.push({ paragraph: m.paragraph, text: m.actual, occurrence: m.occurrence ?? 0, message: `${m.reason}（report-metrics ${m.ruleId}）` });
  }
  return out;
}
