import type { Lang } from '../lint/messages.js';
import { cliText } from '../i18n/cli.js';
import { reasonIn } from '../i18n/reasons.js';
import { Progress } from '../output/progress.js';
import type { Sink, SinkType } from '../output/sink.js';
import { renderSummary, type ReportSummary } from '../output/summary.js';
import { reportsPathBeside } from '../output/target.js';
import { startClock, printStats, type Clock } from './clock.js';
import { withEarlyWorkers } from './early-workers.js';
import { chooseJobs, selectInputs } from './inputs.js';
import { runAll, type StartedWorker } from './pool.js';
import { reportFailure, reportWarnings } from './report-failure.js';
import type { Shard } from './shard.js';
import type { TaskOptions } from './task.js';

// `extract PATHS [--out FILE]`: every report through the pipeline, in input
// order, into one sink.

export interface ExtractOptions {
  sink: SinkType;
  out?: string;
  summary?: boolean;
  quiet?: boolean;
  keepFurniture?: boolean;
  lang: Lang;
  jobs?: number;
  shard?: Shard;
  /** `--stats`: figures at the end, as a line to read or as JSON. */
  stats?: 'text' | 'json';
  encoding?: string;
  /** Resumable runs: hash every file rather than trust an unchanged size and modification time. */
  verify?: boolean;
  /** `--reports FILE`: where the reports table goes (default: beside --out; none on standard output). */
  reports?: string;
}

/** What each report's task hands back for this sink. */
export function taskOptions(options: ExtractOptions, extra: Partial<TaskOptions> = {}): TaskOptions {
  return { keepFurniture: options.keepFurniture, encoding: options.encoding, output: options.sink.takes, lang: options.lang, ...extra };
}

/** Aborts the sinks given on Ctrl-C or SIGTERM (the target keeps its previous content), then exits 130. */
export function abortOnSignal(sinks: () => Array<Sink | null>): () => void {
  const onSignal = () => {
    void Promise.all(sinks().map((s) => s?.abort())).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

export function cannotWrite(target: string, err: unknown, lang: Lang = 'en'): number {
  process.stderr.write(`report-metrics: ${cliText(lang).run.cannotWrite(target, reasonIn(lang, describeWriteError(err)))}\n`);
  return 2;
}

function describeWriteError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  return code === 'ENOSPC' ? 'no space left on the disk' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : (err as Error).message;
}

/** The per-report table after a run that wrote a file (or when asked for), unless quiet. */
export function printRunSummary(options: ExtractOptions, summaries: ReportSummary[], written: string | null): void {
  if (options.quiet || options.sink.format === 'table' || !(options.summary ?? Boolean(written))) return;
  const stream = written ? process.stdout : process.stderr;
  stream.write(renderSummary(summaries, options.lang));
  if (written) stream.write(`${cliText(options.lang).run.written(written)}\n`);
}

export async function runExtract(paths: string[], options: ExtractOptions): Promise<number> {
  const clock = startClock();
  if (options.sink.needsFile && !options.out) {
    process.stderr.write(`report-metrics: ${cliText(options.lang).run.needsFile(options.sink.format)}\n`);
    return 2;
  }
  return withEarlyWorkers(options.jobs, paths, (started) => extractToSink(paths, options, clock, started));
}

async function extractToSink(paths: string[], options: ExtractOptions, clock: Clock, started: StartedWorker[] | undefined): Promise<number> {
  const { files, failures: walkFailures, nothing } = await selectInputs(paths, options.shard, options.lang);
  if (nothing) return 2;
  let sink: Sink;
  try {
    const reports = options.reports ?? (options.out ? reportsPathBeside(options.out) : null);
    sink = await options.sink.open(options.out ?? null, { lang: options.lang, reports });
  } catch (err) {
    return cannotWrite(options.out ?? cliText(options.lang).run.standardOutput, err, options.lang);
  }
  const stopListening = abortOnSignal(() => [sink]);
  const progress = new Progress(files.length, files.reduce((n, f) => n + (f.size ?? 0), 0), process.stderr, process.stderr.isTTY === true && !options.quiet, options.lang);
  const summaries: ReportSummary[] = [];
  let failures = walkFailures;
  let records = 0;
  try {
    await runAll(files, taskOptions(options), { jobs: chooseJobs(files, options.jobs), started }, async (result) => {
      progress.tick(result.input.size ?? 0);
      summaries.push(result.summary);
      reportWarnings(result.input.name, result.warnings, options.lang);
      if (result.error) {
        failures++;
        reportFailure(result.input.name, result.error, options.lang);
      } else records += result.summary.metrics + result.summary.textPlaceholders;
      await sink.write(result);
    });
    progress.end();
    try {
      await sink.close();
    } catch (err) {
      await sink.abort();
      return cannotWrite(options.out ?? cliText(options.lang).run.standardOutput, err, options.lang);
    }
  } catch (err) {
    await sink.abort();
    throw err;
  } finally {
    stopListening();
  }
  printRunSummary(options, summaries, options.out ?? null);
  if (options.stats) printStats(files, records, clock, options.stats, summaries, options.lang);
  return failures > 0 ? 1 : 0;
}
