import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { InputFile } from '../read/walk.js';
import { InOrder } from './in-order.js';
import { runInThread } from './in-thread.js';
import { createRing, RingReader, type SharedRing } from './output-ring.js';
import { failedSummary, type TaskOptions, type TaskResult } from './task.js';
import type { BatchResult, TaskMessage, WorkerData } from './worker.js';

// Runs reports on a pool of worker threads and hands results back in input
// order. Only so many results wait to be written, so memory stays bounded
// however many files there are. A worker that dies costs only the report
// that killed it: everything it held is run again one report at a time, in
// a worker that holds nothing else, and a report is blamed only once it has
// brought down a worker on its own twice.

export interface PoolOptions {
  /** Worker threads; 0 runs in this thread. */
  jobs: number;
  /** The worker module (tests substitute one that crashes on cue). */
  workerScript?: URL;
  /** Size of each worker's output ring, a power of two (tests use a small one to fill it). */
  ringBytes?: number;
  /** Workers started ahead of time (startWorkers), used before any new one is started. */
  started?: StartedWorker[];
  /** Test hook: called with each worker as it is given work (a stress test kills workers from here). */
  onDispatch?: (worker: Worker) => void;
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
/** A report that brings down a worker on its own this many times is the one to blame. */
const SOLO_CRASHES_TO_BLAME = 2;
/** Two batches a worker: the next is already there when it finishes this one. */
const DEPTH = 2;

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

/** Work for one message: a batch, or a single report run again alone after a crash. */
interface Batch {
  indexes: number[];
  /** Held by a worker that holds nothing else, so a crash can be blamed on it. */
  alone: boolean;
}

interface Member {
  reader: RingReader;
  held: Map<number, Batch>;
  lost: boolean;
}

/**
 * Runs every input and calls `deliver` with each result in input order.
 * `result.bytes` may be shared memory that is reused once the promise
 * `deliver` returned has settled: write or copy it before then.
 */
export async function runAll(inputs: InputFile[], task: TaskOptions, pool: PoolOptions, deliver: (result: TaskResult) => Promise<void>): Promise<void> {
  if (pool.jobs <= 0 || inputs.length === 0) {
    stopWorkers(pool.started);
    return runInThread(inputs, task, deliver);
  }
  const batches = batchesOf(inputs);
  const jobs = Math.min(pool.jobs, batches.length);
  stopWorkers(pool.started?.splice(jobs));
  await new WorkerRun(inputs, task, pool, deliver, batches).run(jobs);
}

class WorkerRun {
  private readonly queue: Batch[];
  private readonly members = new Map<Worker, Member>();
  private readonly soloCrashes = new Map<number, number>();
  private readonly order: InOrder<TaskResult>;
  /** Dispatch stops this far ahead of the next report to deliver, so waiting results stay bounded. */
  private readonly ahead: number;
  private nextBatchId = 0;
  private finished = false;

  constructor(
    private readonly inputs: InputFile[],
    private readonly task: TaskOptions,
    private readonly pool: PoolOptions,
    deliver: (result: TaskResult) => Promise<void>,
    batches: number[][],
  ) {
    this.queue = batches.map((indexes) => ({ indexes, alone: false }));
    this.ahead = Math.max(64, pool.jobs * BATCH_FILES * 2);
    this.order = new InOrder(inputs.length, deliver, () => this.fillAll());
  }

  async run(jobs: number): Promise<void> {
    for (let i = 0; i < jobs; i++) this.fill(this.spawn());
    try {
      await this.order.done;
    } finally {
      this.finished = true;
      for (const w of this.members.keys()) void w.terminate();
    }
  }

  private fillAll(): void {
    for (const w of this.members.keys()) this.fill(w);
    if (this.members.size === 0 && this.queue.length > 0 && !this.order.failed) this.fill(this.spawn());
  }

  private fill(worker: Worker): void {
    const member = this.members.get(worker);
    if (!member || member.lost) return;
    while (this.dispatch(worker, member));
  }

  private dispatch(worker: Worker, member: Member): boolean {
    const next = this.queue[0];
    if (!next || this.order.failed || next.indexes[next.indexes.length - 1]! - this.order.next >= this.ahead) return false;
    // A report run alone goes to a worker holding nothing else, and nothing joins it there.
    const holdsAlone = [...member.held.values()].some((b) => b.alone);
    if (holdsAlone || member.held.size >= DEPTH || (next.alone && member.held.size > 0)) return false;
    this.queue.shift();
    const id = this.nextBatchId++;
    member.held.set(id, next);
    const message: TaskMessage = { id, inputs: next.indexes.map((i) => this.inputs[i]!), options: this.task };
    worker.postMessage(message);
    this.pool.onDispatch?.(worker);
    return true;
  }

  private spawn(): Worker {
    let started = this.pool.started?.shift();
    // One that has already died (it never had work) is let go, and another is started.
    while (started?.ended) started = this.pool.started?.shift();
    const { worker, ring } = started ?? startWorkers(1, this.pool)[0]!;
    const member: Member = { reader: new RingReader(ring), held: new Map(), lost: false };
    this.members.set(worker, member);
    worker.on('message', (message: BatchResult) => this.received(worker, member, message));
    worker.on('error', (err) => this.lose(worker, member, `worker crashed: ${err.message}`));
    worker.on('messageerror', (err) => this.lose(worker, member, `worker message could not be read: ${err.message}`));
    // A worker that ends without an error (process.exit in a dependency) must not leave its reports waiting forever.
    worker.on('exit', (code) => this.lose(worker, member, `worker exited with code ${code}`));
    return worker;
  }

  private received(worker: Worker, member: Member, message: BatchResult): void {
    // A dead worker's last answer can arrive after its error: what it held is already being run again.
    if (member.lost) return;
    const batch = member.held.get(message.id);
    member.held.delete(message.id);
    if (batch) {
      message.results.forEach(({ slice, ...result }, k) => {
        const index = batch.indexes[k]!;
        if (!slice) this.order.settle(index, result);
        else this.order.settle(index, { ...result, bytes: member.reader.view(slice) }, () => member.reader.release(slice));
      });
    }
    this.fill(worker);
    this.order.flush();
  }

  private lose(worker: Worker, member: Member, reason: string): void {
    if (this.finished || member.lost) return;
    member.lost = true;
    this.members.delete(worker);
    void worker.terminate();
    const held = [...member.held.values()];
    const retry: Batch[] = [];
    for (const batch of held) {
      if (!batch.alone) {
        for (const index of batch.indexes) retry.push({ indexes: [index], alone: true });
        continue;
      }
      const index = batch.indexes[0]!;
      const crashes = (this.soloCrashes.get(index) ?? 0) + 1;
      this.soloCrashes.set(index, crashes);
      if (crashes >= SOLO_CRASHES_TO_BLAME) {
        const input = this.inputs[index]!;
        this.order.settle(index, { input, summary: failedSummary(input.name, reason), error: reason });
      } else retry.push(batch);
    }
    this.queue.unshift(...retry.sort((a, b) => a.indexes[0]! - b.indexes[0]!));
    if (this.queue.length > 0 && !this.order.failed) this.fill(this.spawn());
    this.order.flush();
  }
}
