import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import type { InputFile } from '../read/walk.js';
import { createRing, RingReader, type SharedRing } from './output-ring.js';
import { failedSummary, runTask, type TaskOptions, type TaskResult } from './task.js';
import type { BatchResult, TaskMessage, WorkerData } from './worker.js';

// Runs reports on a pool of worker threads and hands results back in input
// order. Only so many results wait to be written, so memory stays bounded
// however many files there are; a worker that dies is replaced and the
// report that killed it is reported as failed, never silently lost.

export interface PoolOptions {
  /** Worker threads; 0 runs in this thread. */
  jobs: number;
  /** The worker module (tests substitute one that crashes on cue). */
  workerScript?: URL;
  /** Size of each worker's output ring, a power of two (tests use a small one to fill it). */
  ringBytes?: number;
  /** Workers started ahead of time (startWorkers), used before any new one is started. */
  started?: StartedWorker[];
}

/** A worker thread started before its work is known, and why it ended if it already has. */
export interface StartedWorker {
  worker: Worker;
  ring: SharedRing;
  ended?: string;
}

/**
 * Starts worker threads now, so that they load their modules and jieba's
 * dictionary while the input folders are still being walked. runAll takes
 * them over; the caller terminates any it did not need (stopWorkers).
 */
export function startWorkers(count: number, options: Pick<PoolOptions, 'workerScript' | 'ringBytes'> = {}): StartedWorker[] {
  return Array.from({ length: count }, () => {
    const ring = createRing(options.ringBytes ?? RING_BYTES);
    const worker = new Worker(options.workerScript ?? new URL('./worker.js', import.meta.url), { workerData: { ring } satisfies WorkerData });
    const started: StartedWorker = { worker, ring };
    worker.once('error', (err) => (started.ended ??= `worker crashed: ${err.message}`));
    worker.once('exit', (code) => (started.ended ??= `worker exited with code ${code}`));
    return started;
  });
}

export function stopWorkers(started: StartedWorker[] | undefined): void {
  for (const { worker } of started?.splice(0) ?? []) void worker.terminate();
}

export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * Reports go to workers in batches of about this many bytes: one message
 * and one turn of the worker's event loop per report cost as much as the
 * pipeline on a small file.
 */
const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 64;
/**
 * Each worker's ring for formatted records (a power of two). It holds the
 * output of the reports a worker may have ahead of the writer, about 1 MB a
 * batch; a report that finds it full is handed over in its own buffer.
 */
const RING_BYTES = 16 * 1024 * 1024;

/** Consecutive runs of input indexes, each about BATCH_BYTES of input. */
export function batchesOf(inputs: InputFile[]): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  inputs.forEach((input, i) => {
    current.push(i);
    bytes += input.size ?? BATCH_BYTES;
    if (bytes >= BATCH_BYTES || current.length >= BATCH_FILES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Runs every input and calls `deliver` with each result in input order.
 * `result.bytes` may be shared memory that is reused once the promise
 * `deliver` returned has settled: write or copy it before then.
 */
export async function runAll(
  inputs: InputFile[],
  task: TaskOptions,
  pool: PoolOptions,
  deliver: (result: TaskResult) => Promise<void>,
): Promise<void> {
  if (pool.jobs <= 0 || inputs.length === 0) {
    stopWorkers(pool.started);
    return runInThread(inputs, task, deliver);
  }
  const queue = batchesOf(inputs);
  const jobs = Math.min(pool.jobs, queue.length);
  stopWorkers(pool.started?.splice(jobs));
  // Results waiting to be written are bounded: dispatch stops this far ahead of the next to deliver.
  const ahead = Math.max(64, jobs * BATCH_FILES * 2);
  // Two batches a worker: the next is already there when it finishes this one.
  const depth = 2;
  const waiting = new Map<number, { result: TaskResult; release?: () => void }>();
  let nextToDeliver = 0;
  let delivering: Promise<void> = Promise.resolve();
  let failure: unknown = null;

  await new Promise<void>((resolve, reject) => {
    const workers = new Set<Worker>();
    const busy = new Map<Worker, Map<number, number[]>>();
    let nextBatchId = 0;
    const load = (w: Worker) => busy.get(w)?.size ?? 0;

    let finished = false;
    const finish = () => {
      finished = true;
      for (const w of workers) void w.terminate();
      delivering.then(() => (failure ? reject(failure) : resolve()), reject);
    };

    const fill = (w: Worker) => {
      while (load(w) < depth && dispatch(w));
    };

    const flush = () => {
      delivering = delivering.then(async () => {
        while (waiting.has(nextToDeliver)) {
          const { result, release } = waiting.get(nextToDeliver)!;
          waiting.delete(nextToDeliver);
          nextToDeliver++;
          try {
            await deliver(result);
          } catch (err) {
            failure ??= err;
          } finally {
            release?.();
          }
        }
        for (const w of workers) fill(w);
        if (nextToDeliver === inputs.length || failure) finish();
      });
    };

    const settle = (index: number, result: TaskResult, release?: () => void) => {
      waiting.set(index, { result, release });
    };

    const dispatch = (worker: Worker): boolean => {
      const batch = queue[0];
      if (failure || !batch || batch[batch.length - 1]! - nextToDeliver >= ahead) return false;
      queue.shift();
      const id = nextBatchId++;
      if (!busy.has(worker)) busy.set(worker, new Map());
      busy.get(worker)!.set(id, batch);
      const message: TaskMessage = { id, inputs: batch.map((i) => inputs[i]!), options: task };
      worker.postMessage(message);
      return true;
    };

    const spawn = () => {
      let started = pool.started?.shift();
      // One that has already died (it never had work) is let go, and another is started.
      while (started?.ended) started = pool.started?.shift();
      const { worker, ring } = started ?? startWorkers(1, pool)[0]!;
      const reader = new RingReader(ring);
      workers.add(worker);
      worker.on('message', (message: BatchResult) => {
        const batch = busy.get(worker)?.get(message.id);
        busy.get(worker)?.delete(message.id);
        if (batch) {
          message.results.forEach(({ slice, ...result }, k) => {
            if (!slice) return settle(batch[k]!, result);
            settle(batch[k]!, { ...result, bytes: reader.view(slice) }, () => reader.release(slice));
          });
        }
        fill(worker);
        flush();
      });
      worker.on('error', (err) => lose(worker, `worker crashed: ${err.message}`));
      // A worker that ends without an error (process.exit in a dependency) must not leave its reports waiting forever.
      worker.on('exit', (code) => lose(worker, `worker exited with code ${code}`));
      return worker;
    };

    const lose = (worker: Worker, reason: string) => {
      if (finished || !workers.has(worker)) return;
      const lost = [...(busy.get(worker)?.values() ?? [])];
      busy.delete(worker);
      workers.delete(worker);
      // The oldest batch is the one it was working on. If that is a single report, the
      // report brought the worker down; a larger batch is retried a report at a time to find
      // out which. Batches still waiting behind it go back to the queue as they were.
      const [current, ...waitingBehind] = lost;
      queue.unshift(...waitingBehind);
      if (current?.length === 1) settle(current[0]!, { input: inputs[current[0]!]!, summary: failedSummary(inputs[current[0]!]!.name, reason), error: reason });
      else if (current) queue.unshift(...current.map((i) => [i]));
      if (queue.length > 0) fill(spawn());
      flush();
    };

    for (let i = 0; i < jobs; i++) fill(spawn());
  });
}

/** In this thread, two reports at a time so reading one overlaps working on the other; delivered in order. */
async function runInThread(inputs: InputFile[], task: TaskOptions, deliver: (result: TaskResult) => Promise<void>): Promise<void> {
  const limit = pLimit(2);
  const pending: Array<Promise<TaskResult>> = [];
  const window = 8;
  for (let i = 0; i < Math.min(window, inputs.length); i++) pending.push(limit(() => runTask(inputs[i]!, task)));
  for (let i = 0; i < inputs.length; i++) {
    const result = await pending[i]!;
    delete pending[i];
    const next = i + window;
    if (next < inputs.length) pending[next] = limit(() => runTask(inputs[next]!, task));
    await deliver(result);
  }
}
