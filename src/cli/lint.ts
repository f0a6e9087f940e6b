import type { ReportRecord } from '../records/schema.js';
import { renderTable } from '../output/summary.js';
import type { Lang } from '../lint/messages.js';
import { forEachReport } from './run-files.js';

export interface LintFinding {
  file: string;
  line: number;
  column: number;
  start: number;
  end: number;
  text: string;
  kind: 'quantity' | 'text';
  message: string;
}

export interface LintOptions {
  format: 'unix' | 'json';
  lang: Lang;
  keepFurniture?: boolean;
}

export function findingsOf(records: ReportRecord[], file: { messages: Array<{ reason: string; place?: unknown }> }): LintFinding[] {
  const messages = new Map<number, string>();
  for (const m of file.messages) {
    const place = m.place as { start?: { offset?: number } } | undefined;
    if (place?.start?.offset !== undefined) messages.set(place.start.offset, m.reason);
  }
  return records
    .filter((r) => r.placeholder)
    .map((r) => ({
      file: r.file, line: r.line, column: r.column, start: r.start, end: r.end, text: r.text,
      kind: r.kind === 'text' ? 'text' : 'quantity',
      message: messages.get(r.start) ?? '',
    }));
}

/** Exit 0 clean, 1 when a placeholder is left, 2 when an input could not be read. */
export async function runLint(paths: string[], options: LintOptions): Promise<number> {
  const findings: LintFinding[] = [];
  const failures = await forEachReport(paths, { lang: options.lang, keepFurniture: options.keepFurniture, messages: true }, (_input, result) => {
    findings.push(...findingsOf(result.records, result.file));
  });
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify(findings, null, 2) + '\n');
  } else if (findings.length > 0) {
    process.stdout.write(renderTable(findings.map((f) => [`${f.file}:${f.line}:${f.column}`, f.text, f.kind, f.message])));
  }
  if (failures.length > 0) return 2;
  return findings.length > 0 ? 1 : 0;
}
