import { readGoldDir, GoldFormatError } from '../eval/gold.js';
import { cliText } from '../i18n/cli.js';
import type { Lang } from '../lint/messages.js';
import { evaluate, type EvalReport } from '../eval/evaluate.js';
import type { ReportRecord } from '../records/schema.js';
import { renderTable } from '../output/summary.js';
import { runAll } from '../run/pool.js';
import { selectInputs } from '../run/inputs.js';
import { reportFailure, reportWarnings } from '../run/report-failure.js';

export interface EvalOptions {
  gold: string;
  json?: boolean;
  verbose?: boolean;
  keepFurniture?: boolean;
  encoding?: string;
  lang?: Lang;
}

const pct = (x: number, n: number) => (n === 0 ? 'n/a' : `${((100 * x) / n).toFixed(1)}%`);
const fixed = (x: number) => x.toFixed(3);

export function renderEval(r: EvalReport): string {
  const a = r.agreement;
  const rows = [
    ['', 'precision', 'recall', 'F1', 'tp', 'fp', 'fn'],
    ['metrics', fixed(r.metrics.precision), fixed(r.metrics.recall), fixed(r.metrics.f1), String(r.metrics.tp), String(r.metrics.fp), String(r.metrics.fn)],
    ['placeholders', fixed(r.placeholders.precision), fixed(r.placeholders.recall), fixed(r.placeholders.f1), String(r.placeholders.tp), String(r.placeholders.fp), String(r.placeholders.fn)],
  ];
  const agree = [
    ['agreement on matched metrics', 'share'],
    ['value', pct(a.value, a.matched)],
    ['unit', pct(a.unit, a.matched)],
    ['value+unit', pct(a.valueUnit, a.matched)],
    ['approx', pct(a.approx, a.matched)],
    ['dimension', pct(a.dimension, a.matched)],
    ['subject (exact)', pct(r.subject.exact, r.subject.scored)],
    ['subject (overlap, Dice ≥ 0.5)', pct(r.subject.overlap, r.subject.scored)],
    ['status', pct(r.status.agree, r.status.scored)],
    ['period', pct(r.period.agree, r.period.scored)],
  ];
  return `${r.documents} gold documents\n` + renderTable(rows) + '\n' + renderTable(agree);
}

export async function runEval(paths: string[], options: EvalOptions): Promise<number> {
  let gold;
  try {
    gold = await readGoldDir(options.gold);
  } catch (err) {
    const reason = err instanceof GoldFormatError ? err.message : `${options.gold}: ${(err as Error).message}`;
    process.stderr.write(`report-metrics: gold: ${reason}\n`);
    return 2;
  }
  const records: ReportRecord[] = [];
  const lang = options.lang ?? 'en';
  const { files, failures: walkFailures } = await selectInputs(paths, undefined, lang);
  let failures = walkFailures;
  await runAll(files, { keepFurniture: options.keepFurniture, output: 'records', encoding: options.encoding }, { jobs: 0 }, async (result) => {
    reportWarnings(result.input.name, result.warnings, lang);
    if (result.error) {
      failures++;
      reportFailure(result.input.name, result.error, lang);
    } else records.push(...(result.records ?? []));
  });
  const report = evaluate(gold, records, files.map((f) => f.name));
  for (const p of report.unmatched) {
    if (p.candidates.length > 1) process.stderr.write(`report-metrics: ${cliText(lang).gold.ambiguous(p.doc, p.candidates.length, p.candidates.join(', '))}\n`);
    else process.stderr.write(`report-metrics: ${cliText(lang).gold.missing(p.doc)}\n`);
  }
  if (options.json) {
    const { mismatches, ...summary } = report;
    process.stdout.write(JSON.stringify(options.verbose ? report : { ...summary, mismatches: mismatches.length }, null, 2) + '\n');
  } else {
    process.stdout.write(renderEval(report));
    if (options.verbose) {
      for (const m of report.mismatches) {
        const show = (field: string) => m.fields?.includes(field);
        const describe = (r: { subject?: string | null; status?: string; period?: { from: number | null; to: number } | null }) =>
          `${show('subject') ? ` ${r.subject ?? '∅'}` : ''}${show('status') ? ` ${r.status}` : ''}${show('period') ? ` ${r.period ? `${r.period.from ?? '…'}-${r.period.to}` : 'null'}` : ''}`;
        const g = m.gold ? `${m.gold.text} (line ${m.gold.line ?? '?'})${describe(m.gold)}` : '';
        const p = m.predicted ? `${m.predicted.text} (line ${m.predicted.line})${m.predicted.kind === 'metric' ? describe(m.predicted) : ''}` : '';
        process.stdout.write(`${m.kind}\t${m.doc}\t${g}\t${p}\t${m.fields?.join(',') ?? ''}\n`);
      }
    }
  }
  if (report.unmatched.some((p) => p.candidates.length > 1)) return 2;
  return failures > 0 ? 1 : 0;
}
