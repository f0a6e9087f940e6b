import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { collectInputs } from '../read/walk.js';
import { bestRuns, cleanUp, corpora, mbPerSecond, RUNS, root } from './runs.js';

// `npm run bench:pools [-- DIR…]`: the project's worker pool (src/run/pool.ts:
// batches, a shared output ring, a crash costing only its file) against
// tinypool running the same batches and tasks, whole-process, best of RUNS,
// the configurations taking turns. It decides whether the hand-written pool
// is worth its lines; the README gives the answer.

const tinypool = join(root, 'dist', 'bench', 'tinypool-extract.js');

async function measure(label: string, paths: string[]): Promise<void> {
  const { files } = await collectInputs(paths);
  const mb = files.reduce((n, f) => n + (f.size ?? 0), 0) / 1e6;
  const jobs = [1, availableParallelism()];
  const configs = jobs.flatMap((n) => [
    { label: `pool.ts, ${n}`, args: ['extract', ...paths, '--jobs', String(n)] },
    { label: `tinypool, ${n}`, args: [...paths, '--jobs', String(n)], script: tinypool },
  ]);
  const best = bestRuns(configs);
  console.log(`\n## ${label}: ${files.length} files, ${mb.toFixed(1)} MB\n`);
  configs.forEach((c, k) => {
    const s = best[k]!.stats;
    console.log(`${c.label.padEnd(14)} worker${c.args.at(-1) === '1' ? ' ' : 's'}  ${mbPerSecond(s).toFixed(2).padStart(6)} MB/s   peak RSS ${s.maxRssMB.toFixed(0)} MB   ${s.records.toLocaleString('en-US')} records`);
  });
  for (let k = 0; k < configs.length; k += 2) {
    console.log(`tinypool / pool.ts, ${jobs[k / 2]} worker(s): ${(mbPerSecond(best[k + 1]!.stats) / mbPerSecond(best[k]!.stats)).toFixed(3)}`);
  }
}

const measured = corpora(process.argv.slice(2).filter((a) => a !== '--'));
if (!measured) {
  console.error('report-metrics bench:pools: give a folder of reports, or put the benchmark corpus at ../shared/bench-corpus');
  process.exitCode = 2;
} else {
  console.log(`best of ${RUNS} runs each`);
  try {
    for (const [label, paths] of measured) await measure(label, paths);
  } finally {
    cleanUp();
  }
}
