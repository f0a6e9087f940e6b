import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { extractText } from '../pipeline.js';

// How far this machine lets the same work scale: the pipeline over texts in
// memory (no I/O, no output) on one thread and on two at once, and a pure
// arithmetic loop as the reference for what the cores give when memory is
// not in the way. Run by bench/run.ts.

interface Job {
  kind: 'pipeline' | 'arithmetic';
  root: string;
}

function work(job: Job): number {
  const t = performance.now();
  if (job.kind === 'arithmetic') {
    let x = 0;
    for (let i = 0; i < 3e8; i++) x = (x * 31 + i) | 0;
    if (x === 42) console.log('');
  } else {
    const dir = join(job.root, 'corpus');
    const base = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
    extractText(base[0]!, 'warm.txt');
    const start = performance.now();
    for (let i = 0; i < 100; i++) for (const d of base) extractText(d.replace(/\d/g, (c) => String((Number(c) + i) % 10)), 'x.txt');
    return (performance.now() - start) / 1000;
  }
  return (performance.now() - t) / 1000;
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
