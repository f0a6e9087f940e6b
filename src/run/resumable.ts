import { createHash } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { writeFileAtomic } from '../output/atomic.js';
import { cliText } from '../i18n/cli.js';
import { Progress } from '../output/progress.js';
import type { ReportOutput, Sink } from '../output/sink.js';
import { summarize, type ReportSummary } from '../output/summary.js';
import { VERSION } from '../version.js';
import type { ReportRecord } from '../records/schema.js';
import { openablePath, type InputFile } from '../read/walk.js';
import { startClock, printStats, type Clock } from './clock.js';
import { withEarlyWorkers } from './early-workers.js';
import { abortOnSignal, cannotWrite, printRunSummary, taskOptions, type ExtractOptions } from './extract.js';
import { chooseJobs, selectInputs } from './inputs.js';
import { runAll, type StartedWorker } from './pool.js';
import { reportFailure, reportWarnings } from './report-failure.js';
import { hashName } from './shard.js';
import { lockFolder, LockedError } from './lock.js';

// `extract PATHS --out DIR/`: a run that can be killed and resumed, in any
// output format.
//
//   DIR/parts/…        one report's output, written whole (temp file, rename):
//                      the sink's own bytes (JSON Lines, CSV rows), or JSON
//                      Lines for sinks that take records (xlsx, Parquet)
//   DIR/manifest.jsonl one line per finished report, appended after its part:
//                      path, size, mtime, content hash, part format, status
//   DIR/metrics.<ext>  the dataset, assembled from the parts in input order
//                      once every report is done
//
// A rerun skips reports whose size and mtime (or, failing that, content
// hash) match a finished entry whose part is in the format asked for. A
// report killed between its part and its manifest line is simply done
// again, so no record is lost or doubled.

export interface ManifestEntry {
  name: string;
  size: number;
  mtimeMs: number;
  hash: string;
  status: 'done' | 'failed';
  part?: string;
  /** How the part is encoded. */
  partFormat?: 'jsonl' | 'csv';
  records?: number;
  reason?: string;
  summary?: ReportSummary;
  /** The version that made the part: another version's records may differ in fields and rules. */
  version?: string;
}

export async function readManifest(path: string): Promise<Map<string, ManifestEntry>> {
  const entries = new Map<string, ManifestEntry>();
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return entries;
  }
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = JSON.parse(line) as ManifestEntry;
      entries.set(entry.name, entry);
    } catch {
      // A line cut short by a kill: that report is done again.
    }
  }
  return entries;
}

function partName(name: string, format: string): string {
  const readable = name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-80);
  return `${hashName(name).toString(16).padStart(8, '0')}-${readable}.${format}`;
}

async function hashFile(path: string | Buffer): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function runResumable(paths: string[], options: ExtractOptions): Promise<number> {
  const clock = startClock();
  return withEarlyWorkers(options.jobs, paths, (started) => resume(paths, options, clock, started));
}

class Run {
  readonly partsDir: string;
  readonly manifestPath: string;
  /** Parts are the sink's own bytes where it takes bytes, else JSON Lines read back into records. */
  readonly partFormat: 'jsonl' | 'csv';

  constructor(readonly dir: string, readonly options: ExtractOptions, readonly manifest: Map<string, ManifestEntry>) {
    this.partsDir = join(dir, 'parts');
    this.manifestPath = join(dir, 'manifest.jsonl');
    this.partFormat = options.sink.takes === 'csv' ? 'csv' : 'jsonl';
  }

  async record(entry: ManifestEntry): Promise<void> {
    await appendFile(this.manifestPath, JSON.stringify(entry) + '\n');
    this.manifest.set(entry.name, entry);
  }

  /** Inputs whose finished part can be used as it is; the rest are to do. */
  async toDo(files: InputFile[], current: Map<string, { size: number; mtimeMs: number }>): Promise<InputFile[]> {
    const todo: InputFile[] = [];
    for (const input of files) {
      let info;
      try {
        info = await stat(openablePath(input));
      } catch {
        todo.push(input); // the task will report why it cannot be read
        continue;
      }
      current.set(input.name, { size: info.size, mtimeMs: info.mtimeMs });
      const known = this.manifest.get(input.name);
      const usable = known?.status === 'done' && known.version === VERSION && known.part && (known.partFormat ?? 'jsonl') === this.partFormat && (await exists(join(this.partsDir, known.part)));
      if (usable && known.size === info.size) {
        if (known.mtimeMs === info.mtimeMs && !this.options.verify) continue;
        if (known.hash === (await hashFile(openablePath(input)))) {
          if (known.mtimeMs !== info.mtimeMs) await this.record({ ...known, mtimeMs: info.mtimeMs });
          continue;
        }
      }
      todo.push(input);
    }
    return todo;
  }

  /** A finished report's output, read back from its part for the sink. */
  async output(input: InputFile, entry: ManifestEntry): Promise<ReportOutput> {
    const summary = { ...summarize(input.name, []), ...entry.summary };
    if (entry.status !== 'done' || !entry.part) return { input, summary };
    const bytes = await readFile(join(this.partsDir, entry.part));
    if (this.options.sink.takes !== 'records') return { input, summary, bytes };
    const records = bytes.toString('utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as ReportRecord);
    return { input, summary, records };
  }
}

/** datapackage.json: what each file of the dataset holds, column by column (not for the summary table, which is no dataset). */
async function writeDataPackage(dir: string, options: ExtractOptions, out: string): Promise<void> {
  const layout = options.sink.format;
  if (layout !== 'csv' && layout !== 'jsonl' && layout !== 'parquet' && layout !== 'xlsx') return;
  const { dataPackage } = await import('../output/datapackage.js');
  const records = basename(out);
  const reports = layout === 'xlsx' ? records : `reports${extname(out)}`;
  await writeFileAtomic(join(dir, 'datapackage.json'), JSON.stringify(dataPackage(layout, options.lang, { records, reports }), null, 2) + '\n');
}

async function resume(paths: string[], options: ExtractOptions, clock: Clock, started: StartedWorker[] | undefined): Promise<number> {
  const dir = options.out!;
  let unlock: () => void;
  try {
    await mkdir(join(dir, 'parts'), { recursive: true });
    unlock = lockFolder(dir);
  } catch (err) {
    if (err instanceof LockedError) {
      process.stderr.write(`report-metrics: ${err.message}\n`);
      return 2;
    }
    return cannotWrite(dir, err, options.lang);
  }
  try {
    const run = new Run(dir, options, await readManifest(join(dir, 'manifest.jsonl')));
    return await resumeLocked(paths, options, clock, started, run);
  } finally {
    unlock();
  }
}

async function resumeLocked(paths: string[], options: ExtractOptions, clock: Clock, started: StartedWorker[] | undefined, run: Run): Promise<number> {
  const dir = run.dir;
  // Temporary files of a run that was killed are never part of the dataset.
  for (const f of await readdir(run.partsDir)) if (f.startsWith('.') && f.includes('.tmp-')) await unlink(join(run.partsDir, f)).catch(() => undefined);

  const { files, failures: walkFailures, nothing } = await selectInputs(paths, options.shard, options.lang);
  if (nothing) return 2;
  const current = new Map<string, { size: number; mtimeMs: number }>();
  const todo = await run.toDo(files, current);

  const progress = new Progress(todo.length, todo.reduce((n, f) => n + (f.size ?? 0), 0), process.stderr, process.stderr.isTTY === true && !options.quiet, options.lang);
  let failures = walkFailures;
  const task = taskOptions(options, { output: run.partFormat, hash: true });
  await runAll(todo, task, { jobs: chooseJobs(todo, options.jobs), started }, async (result) => {
    progress.tick(result.input.size ?? 0);
    reportWarnings(result.input.name, result.warnings, options.lang);
    const seen = current.get(result.input.name) ?? { size: 0, mtimeMs: 0 };
    const base = { name: result.input.name, size: seen.size, mtimeMs: seen.mtimeMs };
    if (result.error) {
      failures++;
      reportFailure(result.input.name, result.error, options.lang);
      await run.record({ ...base, hash: '', status: 'failed', reason: result.error, summary: result.summary, version: VERSION });
      return;
    }
    const part = partName(result.input.name, run.partFormat);
    await writeFileAtomic(join(run.partsDir, part), result.bytes ?? '');
    await run.record({
      ...base, hash: result.hash ?? '', status: 'done', part, partFormat: run.partFormat,
      records: result.summary.metrics + result.summary.textPlaceholders, summary: result.summary, version: VERSION,
    });
  });
  progress.end();

  // Assemble the dataset from the parts of the current inputs, in input order.
  const out = join(dir, `metrics.${options.sink.extensions[0]!.slice(1)}`);
  let sink: Sink | null = null;
  const stopListening = abortOnSignal(() => [sink]);
  const summaries: ReportSummary[] = [];
  let records = 0;
  try {
    sink = await options.sink.open(out, { lang: options.lang, reports: options.sink.format === 'table' ? null : join(dir, `reports${extname(out)}`) });
    for (const input of files) {
      const entry = run.manifest.get(input.name);
      if (!entry) continue;
      const output = await run.output(input, entry);
      summaries.push(output.summary);
      if (entry.status === 'done') records += entry.records ?? 0;
      await sink.write(output);
    }
    await sink.close();
    await writeDataPackage(dir, options, out);
  } catch (err) {
    await sink?.abort();
    return cannotWrite(out, err, options.lang);
  } finally {
    stopListening();
  }
  if (!options.quiet && options.summary !== false) {
    printRunSummary({ ...options, summary: true }, summaries, out);
    process.stdout.write(`${cliText(options.lang).run.resumed(todo.length, files.length - todo.length)}\n`);
  }
  if (options.stats) printStats(todo, records, clock, options.stats, summaries, options.lang);
  return failures > 0 ? 1 : 0;
}
