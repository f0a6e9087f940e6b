import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AtomicFile } from '../output/atomic.js';
import { FORMATTERS, type RecordFormat } from '../output/formats.js';
import { Progress } from '../output/progress.js';
import { renderSummary, type ReportSummary } from '../output/summary.js';
import type { ParquetSink } from '../output/parquet.js';
import type { Lang } from '../lint/messages.js';
import type { ReportRecord } from '../records/schema.js';
import { collectInputs, type InputFile } from '../read/walk.js';
import { defaultJobs, runAll, startWorkers, stopWorkers, type StartedWorker } from '../run/pool.js';
import { inShard, type Shard } from '../run/shard.js';
import type { TaskOptions } from '../run/task.js';
import { runResumable } from './resumable.js';
import { reportFailure } from './report-failure.js';

export interface ExtractOptions {
  format: RecordFormat | 'table' | 'xlsx' | 'parquet';
  out?: string;
  summary?: boolean;
  quiet?: boolean;
  keepFurniture?: boolean;
  lang: Lang;
  jobs?: number;
  shard?: Shard;
  stats?: boolean;
}

/** Below this much input, starting workers (and a jieba dictionary in each) costs more than it saves. */
const SMALL_RUN_BYTES = 4 * 1024 * 1024;

export function chooseJobs(files: InputFile[], requested: number | undefined): number {
  if (requested !== undefined) return requested;
  const bytes = files.reduce((n, f) => n + (f.size ?? 0), 0);
  return files.length < 2 || bytes < SMALL_RUN_BYTES ? 0 : defaultJobs();
}

/**
 * Runs `run` with workers already started when --jobs is given: they load
 * their modules and jieba's dictionary while the folders are walked. Without
 * it, how many are worth starting depends on what the walk finds. Workers
 * the run did not take over are ended whatever happens.
 */
export async function withEarlyWorkers<T>(options: ExtractOptions, run: (started: StartedWorker[] | undefined) => Promise<T>): Promise<T> {
  const started = options.jobs !== undefined && options.jobs > 0 ? startWorkers(options.jobs) : undefined;
  try {
    return await run(started);
  } finally {
    stopWorkers(started);
  }
}

export async function selectInputs(paths: string[], shard?: Shard): Promise<{ files: InputFile[]; failures: number }> {
  const { files, problems } = await collectInputs(paths);
  for (const p of problems) reportFailure(p.path, p.reason);
  return { files: shard ? files.filter((f) => inShard(f.relative ?? f.name, shard)) : files, failures: problems.length };
}

/** Writes records as each report finishes, in input order; returns the exit status. */
export async function runExtract(paths: string[], options: ExtractOptions): Promise<number> {
  const clock = startClock();
  if ((options.format === 'xlsx' || options.format === 'parquet') && !options.out) {
    process.stderr.write(`report-metrics: --format ${options.format} needs --out FILE\n`);
    return 2;
  }
  if (options.out && (await isDirectoryTarget(options.out))) return runResumable(paths, options);
  return withEarlyWorkers(options, (started) => extractTo(paths, options, clock, started));
}

async function extractTo(paths: string[], options: ExtractOptions, clock: Clock, started: StartedWorker[] | undefined): Promise<number> {
  const { files, failures: walkFailures } = await selectInputs(paths, options.shard);
  const summaries: ReportSummary[] = [];
  const streamed = options.format === 'jsonl' || options.format === 'csv';
  const formatter = streamed ? FORMATTERS[options.format as RecordFormat] : null;
  // A workbook is written whole at the end; its records are kept until then.
  const kept: ReportRecord[] | null = options.format === 'xlsx' ? [] : null;
  let sink: AtomicFile | null = null;
  let parquet: ParquetSink | null = null;
  if (options.out && (formatter || options.format === 'parquet')) {
    try {
      await mkdir(dirname(options.out), { recursive: true });
      if (formatter) {
        sink = new AtomicFile(options.out);
        await sink.ready();
      } else {
        // The Parquet and Excel writers load only for the runs that ask for them: exceljs alone takes longer to load than a small run.
        const { ParquetSink } = await import('../output/parquet.js');
        parquet = new ParquetSink(options.out);
      }
    } catch (err) {
      process.stderr.write(`report-metrics: cannot write ${options.out}: ${(err as Error).message}\n`);
      return 2;
    }
  }
  const write = async (chunk: string | Uint8Array) => {
    if (chunk.length === 0) return;
    if (sink) await sink.write(chunk);
    else await writeStdout(chunk);
  };
  const onSignal = () => {
    void Promise.all([sink?.abort(), parquet?.abort()]).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = new Progress(files.length, files.reduce((n, f) => n + (f.size ?? 0), 0), process.stderr, process.stderr.isTTY === true && !options.quiet);
  let failures = walkFailures;
  let records = 0;
  try {
    if (formatter) await write(formatter.header());
    const task: TaskOptions = { keepFurniture: options.keepFurniture, lang: options.lang, output: formatter ? (options.format as RecordFormat) : kept || parquet ? 'records' : 'none' };
    await runAll(files, task, { jobs: chooseJobs(files, options.jobs), started }, async (result) => {
      progress.tick(result.input.size ?? 0);
      summaries.push(result.summary);
      if (result.error) {
        failures++;
        reportFailure(result.input.name, result.error);
        return;
      }
      records += result.summary.metrics + result.summary.textPlaceholders;
      if (result.bytes) await write(result.bytes);
      if (kept && result.records) kept.push(...result.records);
      if (parquet && result.records) parquet.add(result.records);
    });
    progress.end();
    await sink?.commit();
    await parquet?.commit();
    if (kept && options.out) {
      try {
        const { writeXlsx } = await import('../output/xlsx.js');
        await writeXlsx(options.out, kept, summaries);
      } catch (err) {
        process.stderr.write(`report-metrics: cannot write ${options.out}: ${(err as Error).message}\n`);
        return 2;
      }
    }
    // The table is drawn only when it is shown: for thousands of reports it is not free.
    if (options.format === 'table') await writeStdout(renderSummary(summaries));
    else if (!options.quiet && (options.summary ?? Boolean(options.out))) {
      (options.out ? process.stdout : process.stderr).write(renderSummary(summaries));
      if (options.out) process.stdout.write(`records written to ${options.out}\n`);
    }
    if (options.stats) printStats(files, records, clock);
    return failures > 0 ? 1 : 0;
  } catch (err) {
    await sink?.abort();
    await parquet?.abort();
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** `--out DIR/` or an existing folder: a resumable run with a manifest. */
async function isDirectoryTarget(out: string): Promise<boolean> {
  if (out.endsWith('/')) return true;
  try {
    return (await stat(out)).isDirectory();
  } catch {
    return false;
  }
}

export interface Clock {
  wall: number;
  cpu: NodeJS.CpuUsage;
}

export function startClock(): Clock {
  return { wall: performance.now(), cpu: process.cpuUsage() };
}

export function printStats(files: InputFile[], records: number, started: Clock): void {
  const seconds = (performance.now() - started.wall) / 1000;
  const cpu = process.cpuUsage(started.cpu);
  const bytes = files.reduce((n, f) => n + (f.size ?? 0), 0);
  const stats = {
    files: files.length,
    bytes,
    records,
    seconds: Number(seconds.toFixed(3)),
    mbPerSecond: Number((bytes / 1e6 / seconds).toFixed(2)),
    maxRssMB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
    // All threads together (workers, the main thread, the engine's compiler and collector threads).
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
  };
  process.stderr.write(`stats ${JSON.stringify(stats)}\n`);
}

function writeStdout(chunk: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(chunk, (err) => (err ? reject(err) : resolve()));
  });
}
