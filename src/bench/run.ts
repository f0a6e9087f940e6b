import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { collectInputs, type InputFile } from '../read/walk.js';
import { stageShares } from './profile.js';
import { cutSeconds, linesOf, loadCutDictionary, readTexts } from './texts.js';
import { bestOf, bestRuns, cleanUp, cli, corpora, mbPerSecond, root, RUNS, runCli, scratch, type Best } from './runs.js';

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
//   (g) extract, one worker, of one tiny report: what (c) costs whatever its input
//   (h) the pipeline alone on texts in memory (bench/alone.ts): what (c) could be if (g) were free
//
// With no folder it measures ../shared/bench-corpus: its reports/ and the
// whole of it. Every figure is the best of three runs (BENCH_RUNS), the
// configurations taking turns, so a machine that gets busier over the
// minutes favours none of them.

/** A report of about 20 KB to lint, the one nearest that size. */
function lintSample(files: InputFile[]): InputFile | undefined {
  return [...files].filter((f) => /\.(txt|md)$/.test(f.name)).sort((a, b) => Math.abs((a.size ?? 0) - 20_000) - Math.abs((b.size ?? 0) - 20_000))[0];
}

async function measure(label: string, paths: string[]): Promise<void> {
  const { files } = await collectInputs(paths);
  if (files.length === 0) throw new Error(`${label}: no report to read in ${paths.join(', ')}`);

  // (a) every file through its reader
  const started = performance.now();
  const texts = await readTexts(files);
  const a = (performance.now() - started) / 1000;
  const mb = texts.reduce((n, t) => n + t.bytes, 0) / 1e6;

  // (b) nodejieba cut of every line, one thread, its dictionary loaded beforehand
  loadCutDictionary();
  const lines = linesOf(texts);
  texts.length = 0;
  const b = bestOf(() => void cutSeconds(lines));
  const bRate = mb / b;

  // (c) and (d) again with V8's own compiler budget (src/cli/compiler.ts), to show what the tuning buys.
  const v8Defaults = { REPORT_METRICS_V8: 'default' };
  const tiny = join(scratch, 'tiny.txt');
  writeFileSync(tiny, '全年完成投资3000万元。\n');
  const [c, d, half, cV8, dV8, floor] = bestRuns([
    { label: '(c)', args: ['extract', ...paths, '--jobs', '1'] },
    { label: '(d)', args: ['extract', ...paths] },
    { label: '(c½)', args: ['extract', ...paths, '--jobs', '1', '--shard', '1/2'] },
    { label: '(c, V8 defaults)', args: ['extract', ...paths, '--jobs', '1'], env: v8Defaults },
    { label: '(d, V8 defaults)', args: ['extract', ...paths], env: v8Defaults },
    { label: '(g)', args: ['extract', tiny, '--jobs', '1'] },
  ]) as [Best, Best, Best, Best, Best, Best];

  // (e) a cold lint, beside a bare start of node
  const sample = lintSample(files);
  const nodeStart = bestOf(() => void spawnSync(process.execPath, ['-e', '']));
  const lint = sample ? bestOf(() => void runCli(['lint', sample.path])) : NaN;

  // (f) CPU by stage, one thread
  const shares = await stageShares(cli, paths, scratch);

  // (h) the pipeline alone, best of RUNS fresh processes
  const alone = pipelineAlone(paths);

  const mbps = mbPerSecond;
  const cRate = mbps(c.stats);
  const dRate = mbps(d.stats);
  const perMB = (s: Best['stats']) => s.seconds / (s.bytes / 1e6);
  const rows: Array<[string, string, string]> = [
    ['(a) read + decode', `${(mb / a).toFixed(1)} MB/s`, ''],
    ['(b) nodejieba cut, 1 thread', `${bRate.toFixed(1)} MB/s`, ''],
    ['(c) extract, 1 worker', `${cRate.toFixed(1)} MB/s`, `peak RSS ${c.stats.maxRssMB.toFixed(0)} MB, ${(c.stats.cpuSeconds / c.stats.seconds).toFixed(2)} cores busy`],
    [`(d) extract, default (${availableParallelism()} cores)`, `${dRate.toFixed(1)} MB/s`, `peak RSS ${d.stats.maxRssMB.toFixed(0)} MB, ${(d.stats.cpuSeconds / d.stats.seconds).toFixed(2)} cores busy`],
    ['(c) with V8 defaults', `${mbps(cV8.stats).toFixed(1)} MB/s`, `${(cV8.stats.cpuSeconds / cV8.stats.seconds).toFixed(2)} cores busy`],
    ['(d) with V8 defaults', `${mbps(dV8.stats).toFixed(1)} MB/s`, `${(dV8.stats.cpuSeconds / dV8.stats.seconds).toFixed(2)} cores busy`],
    ['(c½) 1 worker, half the files', `${mbps(half.stats).toFixed(1)} MB/s`, `${(half.stats.bytes / 1e6).toFixed(1)} MB`],
    ['(g) extract, 1 worker, one tiny file', `${(floor.stats.seconds * 1000).toFixed(0)} ms`, 'worker start, jieba dictionary, output: paid by every run'],
    ['(h) pipeline alone, in memory', alone ? `${(alone.bytes / 1e6 / alone.pipelineSeconds).toFixed(1)} MB/s` : 'n/a', alone ? `${(alone.cutSeconds / alone.pipelineSeconds).toFixed(2)} × nodejieba.cut of the same ${(alone.bytes / 1e6).toFixed(1)} MB` : ''],
    ['(e) lint one report, cold', sample ? `${(lint * 1000).toFixed(0)} ms` : 'n/a', sample ? `${(statSync(sample.path).size / 1000).toFixed(0)} KB; node -e "" alone: ${(nodeStart * 1000).toFixed(0)} ms` : ''],
  ];
  console.log(`\n## ${label}: ${files.length} files, ${mb.toFixed(1)} MB, ${c.stats.records.toLocaleString('en-US')} records\n`);
  for (const [what, figure, extra] of rows) console.log(`${what.padEnd(34)} ${figure.padStart(10)}   ${extra}`);
  const peak = Math.max(c.stats.maxRssMB, d.stats.maxRssMB, half.stats.maxRssMB);
  console.log(`
c/b   ${(cRate / bRate).toFixed(2)}   target ≥ 1.5
d/b   ${(dRate / bRate).toFixed(2)}   target ≥ 2.5
d/c   ${(dRate / cRate).toFixed(2)}   target ≥ 1.7
c / c with V8 defaults   ${(cRate / mbps(cV8.stats)).toFixed(2)}   d / d with V8 defaults   ${(dRate / mbps(dV8.stats)).toFixed(2)}
time per MB, half vs all (1 worker)   ${(perMB(half.stats) / perMB(c.stats)).toFixed(3)}   target 0.90–1.10
peak RSS, any run   ${peak.toFixed(0)} MB   target ≤ 600 MB
ms per record (c)   ${((c.stats.seconds / c.stats.records) * 1000).toFixed(3)}
c/b ≥ 1.5 leaves (c) ${(b / 1.5).toFixed(2)} s for these files; (g) alone takes ${floor.stats.seconds.toFixed(2)} s of it, and the pipeline alone (h) is ${alone ? (alone.cutSeconds / alone.pipelineSeconds).toFixed(2) : 'n/a'} × cut
(f) CPU by stage, one thread: ${shares.map(([stage, share]) => `${stage} ${(share * 100).toFixed(1)} %`).join(', ')}`);
}

interface Alone {
  bytes: number;
  pipelineSeconds: number;
  cutSeconds: number;
}

/** (h): bench/alone.ts in fresh processes, the run with the fastest pipeline kept; null when it failed. */
function pipelineAlone(paths: string[]): Alone | null {
  let best: Alone | null = null;
  for (let run = 0; run < RUNS; run++) {
    const r = spawnSync(process.execPath, [join(root, 'dist', 'bench', 'alone.js'), ...paths], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) {
      console.error(`(h) failed: ${r.stderr.trim().split('\n').at(-1) ?? r.status}`);
      return null;
    }
    const figures = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Alone;
    if (!best || figures.pipelineSeconds < best.pipelineSeconds) best = figures;
  }
  return best;
}

async function main(): Promise<void> {
  const measured = corpora(process.argv.slice(2).filter((a) => a !== '--'));
  if (!measured) {
    console.error('report-metrics bench: give a folder of reports (npm run bench -- DIR), or put the benchmark corpus at ../shared/bench-corpus');
    process.exitCode = 2;
    return;
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`machine: ${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; best of ${RUNS} runs each`);
  try {
    for (const [label, paths] of measured) await measure(label, paths);
  } finally {
    cleanUp();
  }
}

await main().catch((err: Error) => {
  console.error(`report-metrics bench: ${err.message}`);
  process.exitCode = 1;
});
