import type { ReportRecord } from '../records/schema.js';

export interface ReportSummary {
  file: string;
  encoding?: string;
  metrics: number;
  quantityPlaceholders: number;
  textPlaceholders: number;
  byDimension: Record<string, number>;
  byTheme: Record<string, number>;
  /** Lines of page furniture left out. */
  furnitureLines?: number;
  /** Things the reader could not read in full or be sure of (scanned pages, a guessed encoding): the report is partly read. */
  warnings?: number;
  error?: string;
}

export interface ReadFacts {
  encoding?: string;
  furnitureLines?: number;
  warnings?: number;
}

export function summarize(file: string, records: ReportRecord[], facts: ReadFacts = {}): ReportSummary {
  const byDimension: Record<string, number> = {};
  const byTheme: Record<string, number> = {};
  let metrics = 0;
  let quantityPlaceholders = 0;
  let textPlaceholders = 0;
  for (const r of records) {
    if (r.kind === 'text') {
      textPlaceholders++;
      continue;
    }
    metrics++;
    if (r.placeholder) quantityPlaceholders++;
    byDimension[r.dimension] = (byDimension[r.dimension] ?? 0) + 1;
    if (r.theme) byTheme[r.theme] = (byTheme[r.theme] ?? 0) + 1;
  }
  return {
    file, encoding: facts.encoding, metrics, quantityPlaceholders, textPlaceholders, byDimension, byTheme,
    ...(facts.furnitureLines ? { furnitureLines: facts.furnitureLines } : {}),
    ...(facts.warnings ? { warnings: facts.warnings } : {}),
  };
}

/** Code-unit ranges of characters a terminal draws two columns wide (CJK, Hangul, full-width forms). */
const WIDE: Array<[number, number]> = [[0x1100, 0x115f], [0x2e80, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6]];

/** Display width: CJK characters take two terminal columns; a surrogate pair is one character. */
export function width(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
    w += WIDE.some(([lo, hi]) => c >= lo && c <= hi) ? 2 : 1;
  }
  return w;
}

export function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

export function renderTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  return rows.map((r) => r.map((cellText, c) => (c === r.length - 1 ? cellText : pad(cellText, widths[c]!))).join('  ').trimEnd()).join('\n') + '\n';
}

export function countsText(counts: Record<string, number>): string {
  return Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([d, n]) => `${d} ${n}`).join(', ');
}

export function renderSummary(summaries: ReportSummary[]): string {
  const rows = [['report', 'metrics', 'placeholders (quantity+text)', 'by theme', 'by dimension']];
  let metrics = 0;
  let qp = 0;
  let tp = 0;
  for (const s of summaries) {
    if (s.error) {
      rows.push([s.file, '-', '-', '-', `error: ${s.error}`]);
      continue;
    }
    metrics += s.metrics;
    qp += s.quantityPlaceholders;
    tp += s.textPlaceholders;
    rows.push([s.file, String(s.metrics), `${s.quantityPlaceholders + s.textPlaceholders} (${s.quantityPlaceholders}+${s.textPlaceholders})`, countsText(s.byTheme), countsText(s.byDimension)]);
  }
  rows.push([`total: ${summaries.length} reports`, String(metrics), `${qp + tp} (${qp}+${tp})`, '', '']);
  return renderTable(rows);
}
