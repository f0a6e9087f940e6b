import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { extractText } from '../pipeline.js';

// How far this machine lets the same work scale: the pipeline over texts in
// memory (no I/O, no output, timed once the compiler has settled) on one
// thread and on two at once, and a pure arithmetic loop as the reference for
// what the cores give. Run by bench/run.ts.

interface Job {
  kind: 'pipeline' | 'arithmetic';
  root: string;
}

/** Texts to warm up on (not timed), then texts to time: the compiler has settled by then. */
const WARM_UP_COPIES = 40;
const TIMED_COPIES = 1000;

function work(job: Job): number {
  if (job.kind === 'arithmetic') {
    const t = performance.now();
    let x = 0;
    for (let i = 0; i < 3e8; i++) x = (x * 31 + i) | 0;
    if (x === 42) console.log('');
    return (performance.now() - t) / 1000;
  }
  const dir = join(job.root, 'corpus');
  const base = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  const copies = (n: number, offset: number) => Array.from({ length: n }, (_, i) => base.map((d) => d.replace(/\d/g, (c) => String((Number(c) + i + offset) % 10)))).flat();
  for (const d of copies(WARM_UP_COPIES, 0)) extractText(d, 'warm.txt');
  const timed = copies(TIMED_COPIES, WARM_UP_COPIES);
  const start = performance.now();
  for (const d of timed) extractText(d, 'x.txt');
  return (performance.now() - start) / 1000;
}

if (!isMainThread) parentPort!.postMessage(work(workerData as Job));

function inWorker(job: Job): Promise<number> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: job });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

/** Throughput of two threads together over one thread alone (2.0 = perfect scaling). */
export async function scaling(kind: Job['kind'], root: string): Promise<number> {
  const one = await inWorker({ kind, root });
  const two = await Promise.all([inWorker({ kind, root }), inWorker({ kind, root })]);
  return (2 * one) / Math.max(...two);
}
