import { parseArgs } from 'node:util';
import Tinypool from 'tinypool';
import { sinkByFormat } from '../output/sinks/index.js';
import { reportsPathBeside } from '../output/target.js';
import type { ReportSummary } from '../output/summary.js';
import { printStats, startClock } from '../run/clock.js';
import { selectInputs } from '../run/inputs.js';
import { batchesOf } from '../run/pool.js';
import type { TaskResult } from '../run/task.js';

// `node dist/bench/tinypool-extract.js PATHS… --jobs N --out OUT.jsonl`: extract with
// tinypool in place of src/run/pool.ts — the same batches, tasks and sink,
// none of the pool's crash handling — so the bench can weigh the two.

// The flags the bench gives `extract` are taken too; --quiet and --stats json are what it does anyway.
const { values, positionals: paths } = parseArgs({
  allowPositionals: true,
  options: { jobs: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean' }, stats: { type: 'string' } },
});
const jobs = Number(values.jobs);
const out = values.out;
if (!out || paths.length === 0 || !(jobs >= 1)) {
  console.error('usage: tinypool-extract PATHS… --jobs N --out OUT.jsonl');
  process.exit(2);
}
const clock = startClock();
const pool = new Tinypool({ filename: new URL('./tinypool-task.js', import.meta.url).href, minThreads: jobs, maxThreads: jobs });
const { files } = await selectInputs(paths);
const sink = await sinkByFormat('jsonl')!.open(out, { lang: 'en', reports: reportsPathBeside(out) });
const pending = batchesOf(files).map((batch) => pool.run({ inputs: batch.map((i) => files[i]!), options: { output: 'jsonl', lang: 'en' } }) as Promise<TaskResult[]>);
const summaries: ReportSummary[] = [];
let records = 0;
for (const batch of pending) {
  for (const result of await batch) {
    summaries.push(result.summary);
    if (!result.error) records += result.summary.metrics + result.summary.textPlaceholders;
    await sink.write(result);
  }
}
await sink.close();
await pool.destroy();
printStats(files, records, clock, 'json', summaries);
