import { cliText } from '../i18n/cli.js';
import { dimensionLabel, themeLabel } from '../i18n/labels.js';
import { reasonIn } from '../i18n/reasons.js';
import type { Lang } from '../lint/messages.js';
import { reportKey } from '../records/report-key.js';
import type { ReportRecord, ReportRow } from '../records/schema.js';

/** A report's row of the reports table, and its counts by dimension and theme for the summaries. */
export interface ReportSummary extends ReportRow {
  byDimension: Record<string, number>;
  byTheme: Record<string, number>;
}

/** What the reader and the context stage say of the report. */
export interface ReadFacts {
  encoding?: string;
  furnitureLines?: number;
  warnings?: number;
  format?: ReportRow['format'];
  pages?: number;
  title?: string | null;
  kind?: string;
  place?: string | null;
  level?: ReportRow['level'];
  year?: number | null;
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
    report: reportKey(file),
    file,
    title: facts.title ?? null,
    kind: facts.kind ?? 'other',
    place: facts.place ?? null,
    level: facts.level ?? null,
    year: facts.year ?? null,
    format: facts.format ?? null,
    encoding: facts.encoding ?? null,
    pages: facts.pages ?? null,
    metrics,
    quantityPlaceholders,
    textPlaceholders,
    furnitureLines: facts.furnitureLines ?? 0,
    warnings: facts.warnings ?? 0,
    error: null,
    byDimension,
    byTheme,
  };
}

/** The row of a report that could not be read: its records are missing, and the reason says why. */
export function failedSummary(file: string, reason: string): ReportSummary {
  return { ...summarize(file, []), error: reason };
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


export function countsLabelled(counts: Record<string, number>, label: (key: string) => string): string {
  return Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([d, n]) => `${label(d)} ${n}`).join(', ');
}

export function renderSummary(summaries: ReportSummary[], lang: Lang = 'en'): string {
  const t = cliText(lang).summary;
  const rows = [[t.report, t.metrics, t.placeholders, t.byTheme, t.byDimension]];
  let metrics = 0;
  let qp = 0;
  let tp = 0;
  for (const s of summaries) {
    if (s.error) {
      rows.push([s.file, '-', '-', '-', `${t.error}: ${reasonIn(lang, s.error)}`]);
      continue;
    }
    metrics += s.metrics;
    qp += s.quantityPlaceholders;
    tp += s.textPlaceholders;
    rows.push([s.file, String(s.metrics), `${s.quantityPlaceholders + s.textPlaceholders} (${s.quantityPlaceholders}+${s.textPlaceholders})`, countsLabelled(s.byTheme, (k) => themeLabel(k, lang)), countsLabelled(s.byDimension, (k) => dimensionLabel(k, lang))]);
  }
  rows.push([t.total(summaries.length), String(metrics), `${qp + tp} (${qp}+${tp})`, '', '']);
  return renderTable(rows);
}
