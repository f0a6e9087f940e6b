import { createHash } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AtomicFile, writeFileAtomic } from '../output/atomic.js';
import { FORMATTERS, type RecordFormat } from '../output/formats.js';
import { Progress } from '../output/progress.js';
import { renderSummary, type ReportSummary } from '../output/summary.js';
import type { InputFile } from '../read/walk.js';
import { hashName } from '../run/shard.js';
import { runAll, type StartedWorker } from '../run/pool.js';
import { chooseJobs, printStats, selectInputs, startClock, withEarlyWorkers, type Clock, type ExtractOptions } from './extract.js';
import { reportFailure } from './report-failure.js';

// `extract PATHS --out DIR/`: a run that can be killed and resumed.
//
//   DIR/parts/…jsonl   one report's records, written whole (temp file, rename)
//   DIR/manifest.jsonl one line per finished report, appended after its part:
//                      path, size, mtime, content hash, status
//   DIR/metrics.jsonl  (or .csv) the dataset, assembled from the parts in
//                      input order once every report is done
//
// A rerun skips reports whose size and mtime (or, failing that, content
// hash) match a finished entry. A report killed between its part and its
// manifest line is simply done again, so no record is lost or doubled.

export interface ManifestEntry {
  name: string;
  size: number;
  mtimeMs: number;
  hash: string;
  status: 'done' | 'failed';
  part?: string;
  records?: number;
  reason?: string;
  summary?: ReportSummary;
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

function partName(name: string): string {
  const readable = name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-80);
  return `${hashName(name).toString(16).padStart(8, '0')}-${readable}.jsonl`;
}

async function hashFile(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

export async function runResumable(paths: string[], options: ExtractOptions): Promise<number> {
  const clock = startClock();
  return withEarlyWorkers(options, (started) => resume(paths, options, clock, started));
}

async function resume(paths: string[], options: ExtractOptions, clock: Clock, started: StartedWorker[] | undefined): Promise<number> {
  const dir = options.out!;
  const format: RecordFormat = options.format === 'csv' ? 'csv' : 'jsonl';
  if (options.format !== 'jsonl' && options.format !== 'csv') {
    process.stderr.write(`report-metrics: a resumable run (--out DIR/) writes jsonl or csv, not ${options.format}\n`);
    return 2;
  }
  const partsDir = join(dir, 'parts');
  const manifestPath = join(dir, 'manifest.jsonl');
  try {
    await mkdir(partsDir, { recursive: true });
  } catch (err) {
    process.stderr.write(`report-metrics: cannot write ${dir}: ${(err as Error).message}\n`);
    return 2;
  }
  // Temporary files of a run that was killed are never part of the dataset.
  for (const f of await readdir(partsDir)) if (f.startsWith('.') && f.includes('.tmp-')) await unlink(join(partsDir, f)).catch(() => undefined);

  const { files, failures: walkFailures } = await selectInputs(paths, options.shard);
  const manifest = await readManifest(manifestPath);
  const todo: InputFile[] = [];
  const current = new Map<string, { size: number; mtimeMs: number }>();
  for (const input of files) {
    let info;
    try {
      info = await stat(input.path);
    } catch {
      todo.push(input); // the task will report why it cannot be read
      continue;
    }
    current.set(input.name, { size: info.size, mtimeMs: info.mtimeMs });
    const known = manifest.get(input.name);
    if (known?.status === 'done' && known.part && (await exists(join(partsDir, known.part)))) {
      if (known.size === info.size && known.mtimeMs === info.mtimeMs) continue;
      if (known.size === info.size && known.hash === (await hashFile(input.path))) {
        await appendFile(manifestPath, JSON.stringify({ ...known, mtimeMs: info.mtimeMs }) + '\n');
        manifest.set(input.name, { ...known, mtimeMs: info.mtimeMs });
        continue;
      }
    }
    todo.push(input);
  }

  const progress = new Progress(todo.length, todo.reduce((n, f) => n + (f.size ?? 0), 0), process.stderr, process.stderr.isTTY === true && !options.quiet);
  let failures = walkFailures;
  await runAll(todo, { keepFurniture: options.keepFurniture, lang: options.lang, output: 'jsonl', hash: true }, { jobs: chooseJobs(todo, options.jobs), started }, async (result) => {
    progress.tick(result.input.size ?? 0);
    const seen = current.get(result.input.name) ?? { size: 0, mtimeMs: 0 };
    const base = { name: result.input.name, size: seen.size, mtimeMs: seen.mtimeMs };
    if (result.error) {
      failures++;
      reportFailure(result.input.name, result.error);
      const entry: ManifestEntry = { ...base, hash: '', status: 'failed', reason: result.error, summary: result.summary };
      await appendFile(manifestPath, JSON.stringify(entry) + '\n');
      manifest.set(entry.name, entry);
      return;
    }
    const part = partName(result.input.name);
    await writeFileAtomic(join(partsDir, part), result.bytes ?? '');
    const entry: ManifestEntry = {
      ...base, hash: result.hash ?? '', status: 'done', part,
      records: result.summary.metrics + result.summary.textPlaceholders, summary: result.summary,
    };
    await appendFile(manifestPath, JSON.stringify(entry) + '\n');
    manifest.set(entry.name, entry);
  });
  progress.end();

  // Assemble the dataset from the parts of the current inputs, in input order.
  const out = join(dir, `metrics.${format}`);
  const sink = new AtomicFile(out);
  const summaries: ReportSummary[] = [];
  let records = 0;
  try {
    await sink.ready();
    await sink.write(FORMATTERS[format].header());
    for (const input of files) {
      const entry = manifest.get(input.name);
      if (entry?.summary) summaries.push(entry.summary);
      if (entry?.status !== 'done' || !entry.part) continue;
      records += entry.records ?? 0;
      if (format === 'jsonl') await sink.write(await readFile(join(partsDir, entry.part)));
      else {
        const chunk = await readFile(join(partsDir, entry.part), 'utf8');
        await sink.write(FORMATTERS.csv.encode(chunk.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l))));
      }
    }
    await sink.commit();
  } catch (err) {
    await sink.abort();
    process.stderr.write(`report-metrics: cannot write ${out}: ${(err as Error).message}\n`);
    return 2;
  }
  if (!options.quiet) {
    process.stdout.write(renderSummary(summaries));
    process.stdout.write(`${todo.length} processed, ${files.length - todo.length} unchanged and skipped; records written to ${out}\n`);
  }
  if (options.stats) printStats(todo, records, clock);
  return failures > 0 ? 1 : 0;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
