import type { MetricRecord, ReportRecord } from '../records/schema.js';
import type { GoldEntry } from './gold.js';
import { matchBySpan } from './match.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Agreement {
  matched: number;
  value: number;
  unit: number;
  valueUnit: number;
  approx: number;
  dimension: number;
}

export interface SubjectScores {
  scored: number;
  exact: number;
  overlap: number;
}

/** Agreement on a field the gold gives only where it gives it (status, period). */
export interface FieldScore {
  scored: number;
  agree: number;
}

export interface Mismatch {
  doc: string;
  kind: 'missed' | 'spurious' | 'disagree';
  gold?: GoldEntry;
  predicted?: ReportRecord;
  fields?: string[];
}

export interface EvalReport {
  documents: number;
  metrics: Scores;
  agreement: Agreement;
  subject: SubjectScores;
  status: FieldScore;
  period: FieldScore;
  placeholders: Scores;
  mismatches: Mismatch[];
  /** Gold documents that name no report, or several (those are not scored). */
  unmatched: DocProblem[];
}

function scores(c: Counts): Scores {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

export function sameValue(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a == null || b == null) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= Math.max(1e-6, Math.abs(b) * 1e-4);
}

function samePeriod(a: { from: number | null; to: number } | null, b: { from: number | null; to: number } | null): boolean {
  if (a === null || b === null) return a === b;
  return a.from === b.from && a.to === b.to;
}

/** Character-level Dice coefficient of two strings (multiset of characters). */
export function dice(a: string, b: string): number {
  if (a.length + b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let common = 0;
  for (const ch of b) {
    const n = counts.get(ch) ?? 0;
    if (n > 0) {
      common++;
      counts.set(ch, n - 1);
    }
  }
  return (2 * common) / ([...a].length + [...b].length);
}

/** A gold `doc` that names more than one report, or none. */
export interface DocProblem {
  doc: string;
  candidates: string[];
}

/**
 * Which report each gold document annotates. A gold `doc` names a report by
 * the same path records carry (`file`); a shorter path names the report
 * whose path ends with it at a folder boundary (`002.txt` for
 * `corpus/002.txt`), but only when exactly one report does.
 */
export function matchDocs(docs: Iterable<string>, files: Iterable<string>): { matched: Map<string, string>; problems: DocProblem[] } {
  const all = [...new Set(files)];
  const matched = new Map<string, string>();
  const problems: DocProblem[] = [];
  for (const doc of docs) {
    if (all.includes(doc)) {
      matched.set(doc, doc);
      continue;
    }
    const candidates = all.filter((f) => f.endsWith(`/${doc}`));
    if (candidates.length === 1) matched.set(doc, candidates[0]!);
    else problems.push({ doc, candidates });
  }
  return { matched, problems };
}

export function evaluate(gold: Map<string, GoldEntry[]>, records: ReportRecord[], files: Iterable<string> = records.map((r) => r.file)): EvalReport {
  const { matched, problems } = matchDocs(gold.keys(), files);
  const docOf = new Map([...matched].map(([doc, file]) => [file, doc]));
  const byDoc = new Map<string, ReportRecord[]>();
  for (const r of records) {
    const key = docOf.get(r.file);
    if (key === undefined) continue;
    const list = byDoc.get(key) ?? [];
    list.push(r);
    byDoc.set(key, list);
  }
  const metric: Counts = { tp: 0, fp: 0, fn: 0 };
  const place: Counts = { tp: 0, fp: 0, fn: 0 };
  const agreement: Agreement = { matched: 0, value: 0, unit: 0, valueUnit: 0, approx: 0, dimension: 0 };
  const subject: SubjectScores = { scored: 0, exact: 0, overlap: 0 };
  const status: FieldScore = { scored: 0, agree: 0 };
  const period: FieldScore = { scored: 0, agree: 0 };
  const mismatches: Mismatch[] = [];

  const ambiguous = new Set(problems.filter((p) => p.candidates.length > 1).map((p) => p.doc));
  for (const [doc, entries] of gold) {
    if (ambiguous.has(doc)) continue;
    const predicted = byDoc.get(doc) ?? [];
    const goldMetrics = entries.filter((g) => g.kind === 'metric');
    const predMetrics = predicted.filter((r): r is MetricRecord => r.kind === 'metric');
    const pairs = matchBySpan(goldMetrics, predMetrics);
    const matchedP = new Set(pairs.map(([, p]) => p));
    const matchedG = new Set(pairs.map(([g]) => g));
    for (const [gi, pi] of pairs) {
      const g = goldMetrics[gi]!;
      const p = predMetrics[pi]!;
      if (g.optional) continue;
      metric.tp++;
      agreement.matched++;
      const fields: string[] = [];
      const v = sameValue(p.value, g.value);
      const u = p.unit === g.unit;
      if (v) agreement.value++; else fields.push('value');
      if (u) agreement.unit++; else fields.push('unit');
      if (v && u) agreement.valueUnit++;
      if (p.approx === g.approx) agreement.approx++; else fields.push('approx');
      if (p.dimension === g.dimension) agreement.dimension++; else fields.push('dimension');
      if (g.subject) {
        subject.scored++;
        const s = p.subject ?? '';
        if (s === g.subject) subject.exact++;
        if (dice(s, g.subject) >= 0.5) subject.overlap++;
        else fields.push('subject');
      }
      if (g.status !== undefined) {
        status.scored++;
        if (p.status === g.status) status.agree++;
        else fields.push('status');
      }
      if (g.period !== undefined) {
        period.scored++;
        if (samePeriod(p.period, g.period)) period.agree++;
        else fields.push('period');
      }
      if (fields.length > 0) mismatches.push({ doc, kind: 'disagree', gold: g, predicted: p, fields });
    }
    goldMetrics.forEach((g, i) => {
      if (!matchedG.has(i) && !g.optional) {
        metric.fn++;
        mismatches.push({ doc, kind: 'missed', gold: g });
      }
    });
    predMetrics.forEach((p, i) => {
      if (!matchedP.has(i)) {
        metric.fp++;
        mismatches.push({ doc, kind: 'spurious', predicted: p });
      }
    });

    const goldPlace = entries.filter((g) => g.placeholder === true);
    const predPlace = predicted.filter((r) => r.placeholder === true);
    const placePairs = matchBySpan(goldPlace, predPlace);
    const placeG = new Set(placePairs.map(([g]) => g));
    const placeP = new Set(placePairs.map(([, p]) => p));
    for (const [gi] of placePairs) if (!goldPlace[gi]!.optional) place.tp++;
    goldPlace.forEach((g, i) => {
      if (!placeG.has(i) && !g.optional) {
        place.fn++;
        if (g.kind === 'text') mismatches.push({ doc, kind: 'missed', gold: g });
      }
    });
    predPlace.forEach((p, i) => {
      if (!placeP.has(i)) {
        place.fp++;
        if (p.kind === 'text') mismatches.push({ doc, kind: 'spurious', predicted: p });
      }
    });
  }
  return { documents: gold.size - ambiguous.size, metrics: scores(metric), agreement, subject, status, period, placeholders: scores(place), mismatches, unmatched: problems };
}
