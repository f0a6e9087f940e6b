import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import type { InputFile } from '../read/walk.js';
import { failedSummary, runTask, type TaskOptions, type TaskResult } from './task.js';
import type { TaskMessage } from './worker.js';

// Runs reports on a pool of worker threads and hands results back in input
// order. At most `ahead` results wait to be written, so memory stays bounded
// however many files there are; a worker that dies is replaced and its
// report is reported as failed, never silently lost.

export interface PoolOptions {
  /** Worker threads; 0 runs in this thread. */
  jobs: number;
}

export function defaultJobs(): number {
  return availableParallelism();
}

export async function runAll(
  inputs: InputFile[],
  task: TaskOptions,
  pool: PoolOptions,
  deliver: (result: TaskResult) => Promise<void>,
): Promise<void> {
  if (pool.jobs <= 0 || inputs.length === 0) return runInThread(inputs, task, deliver);
  const jobs = Math.min(pool.jobs, inputs.length);
  const ahead = jobs * 4;
  // Two tasks a worker: it reads the next report while it works on this one.
  const depth = 2;
  const waiting = new Map<number, TaskResult>();
  let nextToSend = 0;
  let nextToDeliver = 0;
  let delivering: Promise<void> = Promise.resolve();
  let failure: unknown = null;

  await new Promise<void>((resolve, reject) => {
    const workers = new Set<Worker>();
    const busy = new Map<Worker, Set<number>>();
    const load = (w: Worker) => busy.get(w)?.size ?? 0;

    const finish = () => {
      for (const w of workers) void w.terminate();
      delivering.then(() => (failure ? reject(failure) : resolve()), reject);
    };

    const flush = () => {
      delivering = delivering.then(async () => {
        while (waiting.has(nextToDeliver)) {
          const result = waiting.get(nextToDeliver)!;
          waiting.delete(nextToDeliver);
          nextToDeliver++;
          try {
            await deliver(result);
          } catch (err) {
            failure ??= err;
          }
        }
        for (const w of workers) while (load(w) < depth && dispatch(w));
        if (nextToDeliver === inputs.length || failure) finish();
      });
    };

    const settle = (id: number, result: TaskResult) => {
      waiting.set(id, result);
      flush();
    };

    const dispatch = (worker: Worker): boolean => {
      if (failure || nextToSend >= inputs.length || nextToSend - nextToDeliver >= ahead) return false;
      const id = nextToSend++;
      if (!busy.has(worker)) busy.set(worker, new Set());
      busy.get(worker)!.add(id);
      const message: TaskMessage = { id, input: inputs[id]!, options: task };
      worker.postMessage(message);
      return true;
    };

    const spawn = () => {
      const worker = new Worker(new URL('./worker.js', import.meta.url));
      workers.add(worker);
      worker.on('message', (message: { id: number; result: TaskResult }) => {
        busy.get(worker)?.delete(message.id);
        settle(message.id, message.result);
        while (load(worker) < depth && dispatch(worker));
      });
      worker.on('error', (err) => {
        const lost = [...(busy.get(worker) ?? [])];
        busy.delete(worker);
        workers.delete(worker);
        const reason = `worker crashed: ${err.message}`;
        for (const id of lost) settle(id, { input: inputs[id]!, summary: failedSummary(inputs[id]!.name, reason), error: reason });
        if (nextToSend < inputs.length) {
          const fresh = spawn();
          while (load(fresh) < depth && dispatch(fresh));
        }
      });
      return worker;
    };

    for (let i = 0; i < jobs; i++) {
      const w = spawn();
      while (load(w) < depth && dispatch(w));
    }
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
