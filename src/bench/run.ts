import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';
import { readInput } from '../read/read-input.js';
import { collectInputs, type InputFile } from '../read/walk.js';
import { stageShares } from './profile.js';

// `npm run bench [-- DIR…]`: what users feel, on distinct real text, as
// ratios against nodejieba's own `cut` measured in the same run (machines
// here are noisy; ratios less so). Not a test: it prints the README's table.
//
//   (a) reading + decoding every file (the readers)
//   (b) nodejieba.cut of every line, one thread
//   (c) extract, one worker            (d) extract, default options
//   (c½) extract, one worker, half the files (--shard 1/2): time per MB must hold
//   (e) lint of one ~20 KB report from a cold start, beside `node -e ""`
//   (f) where the CPU goes, by stage, from a profile of (c) in one thread
//
// With no folder it measures ../shared/bench-corpus: its reports/ and the
// whole of it. Every figure is the best of three runs (BENCH_RUNS), the
// configurations taking turns, so a machine that gets busier over the
// minutes favours none of them.

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const scratch = mkdtempSync(join(tmpdir(), 'report-metrics-bench-'));

interface CliStats {
  files: number;
  bytes: number;
  records: number;
  seconds: number;
  mbPerSecond: number;
  maxRssMB: number;
  cpuSeconds: number;
}

interface Config {
  label: string;
  args: string[];
}

function runCli(args: string[]): { seconds: number; stats: CliStats | null; status: number | null } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, REPORT_METRICS_LANG: 'en' } });
  const seconds = (performance.now() - started) / 1000;
  const line = r.stderr.split('\n').find((l) => l.startsWith('stats '));
  return { seconds, stats: line ? (JSON.parse(line.slice(6)) as CliStats) : null, status: r.status };
}

/** The fastest of RUNS runs of each configuration, the configurations taking turns. */
function bestRuns(configs: Config[]): Array<{ seconds: number; stats: CliStats }> {
  const best: Array<{ seconds: number; stats: CliStats } | null> = configs.map(() => null);
  for (let run = 0; run < RUNS; run++) {
    configs.forEach((config, k) => {
      const out = join(scratch, 'out.jsonl');
      const r = runCli([...config.args, '--out', out, '--quiet', '--stats', 'json']);
      rmSync(out, { force: true });
      rmSync(join(scratch, 'out.reports.jsonl'), { force: true });
      if (!r.stats || (r.status !== 0 && r.status !== 1)) throw new Error(`${config.label}: extract failed (${r.status})`);
      if (!best[k] || r.stats.seconds < best[k]!.stats.seconds) best[k] = { seconds: r.seconds, stats: r.stats };
    });
  }
  return best as Array<{ seconds: number; stats: CliStats }>;
}

function bestOf(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

/** A report of about 20 KB to lint, the one nearest that size. */
function lintSample(files: InputFile[]): InputFile | undefined {
  return [...files].filter((f) => /\.(txt|md)$/.test(f.name)).sort((a, b) => Math.abs((a.size ?? 0) - 20_000) - Math.abs((b.size ?? 0) - 20_000))[0];
}

async function measure(label: string, paths: string[]): Promise<void> {
  const { files } = await collectInputs(paths);
  if (files.length === 0) throw new Error(`${label}: no report to read in ${paths.join(', ')}`);

  // (a) every file through its reader
  let bytes = 0;
  const texts: string[] = [];
  const started = performance.now();
  for (const f of files) {
    try {
      const read = await readInput(f);
      bytes += f.size ?? statSync(f.path).size;
      texts.push(read.text);
    } catch {
      // A file the tool refuses counts in no figure.
    }
  }
  const a = (performance.now() - started) / 1000;
  const mb = bytes / 1e6;

  // (b) nodejieba cut of every line, one thread, its dictionary loaded beforehand
  nodejieba.load();
  nodejieba.cut('预热');
  const lines = texts.flatMap((t) => t.split('\n'));
  texts.length = 0;
  const b = bestOf(() => {
    for (const l of lines) if (l !== '') nodejieba.cut(l);
  });
  const bRate = mb / b;

  const [c, d, half] = bestRuns([
    { label: '(c)', args: ['extract', ...paths, '--jobs', '1'] },
    { label: '(d)', args: ['extract', ...paths] },
    { label: '(c½)', args: ['extract', ...paths, '--jobs', '1', '--shard', '1/2'] },
  ]) as [{ seconds: number; stats: CliStats }, { seconds: number; stats: CliStats }, { seconds: number; stats: CliStats }];

  // (e) a cold lint, beside a bare start of node
  const sample = lintSample(files);
  const nodeStart = bestOf(() => void spawnSync(process.execPath, ['-e', '']));
  const lint = sample ? bestOf(() => void runCli(['lint', sample.path])) : NaN;

  // (f) CPU by stage, one thread
  const shares = await stageShares(cli, paths, scratch);

  const mbps = (s: CliStats) => s.bytes / 1e6 / s.seconds;
  const cRate = mbps(c.stats);
  const dRate = mbps(d.stats);
  const perMB = (s: CliStats) => s.seconds / (s.bytes / 1e6);
  const rows: Array<[string, string, string]> = [
    ['(a) read + decode', `${(mb / a).toFixed(1)} MB/s`, ''],
    ['(b) nodejieba cut, 1 thread', `${bRate.toFixed(1)} MB/s`, ''],
    ['(c) extract, 1 worker', `${cRate.toFixed(1)} MB/s`, `peak RSS ${c.stats.maxRssMB.toFixed(0)} MB, ${(c.stats.cpuSeconds / c.stats.seconds).toFixed(2)} cores busy`],
    [`(d) extract, default (${availableParallelism()} cores)`, `${dRate.toFixed(1)} MB/s`, `peak RSS ${d.stats.maxRssMB.toFixed(0)} MB, ${(d.stats.cpuSeconds / d.stats.seconds).toFixed(2)} cores busy`],
    ['(c½) 1 worker, half the files', `${mbps(half.stats).toFixed(1)} MB/s`, `${(half.stats.bytes / 1e6).toFixed(1)} MB`],
    ['(e) lint one report, cold', sample ? `${(lint * 1000).toFixed(0)} ms` : 'n/a', sample ? `${(statSync(sample.path).size / 1000).toFixed(0)} KB; node -e "" alone: ${(nodeStart * 1000).toFixed(0)} ms` : ''],
  ];
  console.log(`\n## ${label}: ${files.length} files, ${mb.toFixed(1)} MB, ${c.stats.records.toLocaleString('en-US')} records\n`);
  for (const [what, figure, extra] of rows) console.log(`${what.padEnd(34)} ${figure.padStart(10)}   ${extra}`);
  const peak = Math.max(c.stats.maxRssMB, d.stats.maxRssMB, half.stats.maxRssMB);
  console.log(`
c/b   ${(cRate / bRate).toFixed(2)}   target ≥ 1.5
d/b   ${(dRate / bRate).toFixed(2)}   target ≥ 2.5
d/c   ${(dRate / cRate).toFixed(2)}   target ≥ 1.7
time per MB, half vs all (1 worker)   ${(perMB(half.stats) / perMB(c.stats)).toFixed(3)}   target 0.90–1.10
peak RSS, any run   ${peak.toFixed(0)} MB   target ≤ 600 MB
ms per record (c)   ${((c.stats.seconds / c.stats.records) * 1000).toFixed(3)}
(f) CPU by stage, one thread: ${shares.map(([stage, share]) => `${stage} ${(share * 100).toFixed(1)} %`).join(', ')}`);
}

async function main(): Promise<void> {
  const given = process.argv.slice(2).filter((a) => a !== '--');
  const shared = resolve(root, '..', 'shared', 'bench-corpus');
  const corpora: Array<[string, string[]]> = [];
  if (given.length > 0) corpora.push([given.join(' '), given.map((p) => resolve(p))]);
  else if (existsSync(shared)) corpora.push(['bench-corpus/reports', [join(shared, 'reports')]], ['bench-corpus (whole)', [shared]]);
  else {
    console.error('report-metrics bench: give a folder of reports (npm run bench -- DIR), or put the benchmark corpus at ../shared/bench-corpus');
    process.exitCode = 2;
    return;
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`machine: ${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; best of ${RUNS} runs each`);
  try {
    for (const [label, paths] of corpora) await measure(label, paths);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main().catch((err: Error) => {
  console.error(`report-metrics bench: ${err.message}`);
  process.exitCode = 1;
});
