import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
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
  if (pool.jobs <= 0 || inputs.length === 0) {
    for (const input of inputs) await deliver(await runTask(input, task));
    return;
  }
  const jobs = Math.min(pool.jobs, inputs.length);
  const ahead = jobs * 4;
  const waiting = new Map<number, TaskResult>();
  let nextToSend = 0;
  let nextToDeliver = 0;
  let delivering: Promise<void> = Promise.resolve();
  let failure: unknown = null;

  await new Promise<void>((resolve, reject) => {
    const workers = new Set<Worker>();
    const busy = new Map<Worker, number>();

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
        for (const w of workers) if (!busy.has(w)) dispatch(w);
        if (nextToDeliver === inputs.length || failure) finish();
      });
    };

    const settle = (id: number, result: TaskResult) => {
      waiting.set(id, result);
      flush();
    };

    const dispatch = (worker: Worker) => {
      if (failure || nextToSend >= inputs.length || nextToSend - nextToDeliver >= ahead) return;
      const id = nextToSend++;
      busy.set(worker, id);
      const message: TaskMessage = { id, input: inputs[id]!, options: task };
      worker.postMessage(message);
    };

    const spawn = () => {
      const worker = new Worker(new URL('./worker.js', import.meta.url));
      workers.add(worker);
      worker.on('message', (message: { id: number; result: TaskResult }) => {
        busy.delete(worker);
        settle(message.id, message.result);
        dispatch(worker);
      });
      worker.on('error', (err) => {
        const id = busy.get(worker);
        busy.delete(worker);
        workers.delete(worker);
        if (id !== undefined) {
          const input = inputs[id]!;
          settle(id, { input, summary: failedSummary(input.name, `worker crashed: ${err.message}`), error: `worker crashed: ${err.message}` });
        }
        if (nextToSend < inputs.length) dispatch(spawn());
      });
      return worker;
    };

    for (let i = 0; i < jobs; i++) dispatch(spawn());
  });
}
