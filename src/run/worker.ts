import { parentPort, workerData } from 'node:worker_threads';
import { ensureDictionary } from '../context/jieba.js';
import { RingWriter, type RingSlice, type SharedRing } from './output-ring.js';
import { runTask, type TaskOptions, type TaskResult } from './task.js';
import type { InputFile } from '../read/walk.js';

export interface TaskMessage {
  id: number;
  inputs: InputFile[];
  options: TaskOptions;
}

/** A result whose formatted records wait in the worker's ring rather than in `bytes`. */
export type WorkerResult = TaskResult & { slice?: RingSlice };

export interface BatchResult {
  id: number;
  results: WorkerResult[];
}

export interface WorkerData {
  ring?: SharedRing;
}

const ring = (workerData as WorkerData | undefined)?.ring;
const writer = ring ? new RingWriter(ring) : null;
// Every report needs jieba: load it before the first batch arrives (often while the main thread still walks the folders).
ensureDictionary();

parentPort!.on('message', async (message: TaskMessage) => {
  const results: WorkerResult[] = [];
  for (const input of message.inputs) results.push(await runTask(input, message.options));
  // Records go into the shared ring; when it is full, their buffer is handed over (moved, not copied).
  const moved: ArrayBuffer[] = [];
  for (const result of results) {
    if (!result.bytes) continue;
    const slice = writer?.place(result.bytes) ?? null;
    if (slice) {
      result.slice = slice;
      delete result.bytes;
    } else moved.push(result.bytes.buffer as ArrayBuffer);
  }
  parentPort!.postMessage({ id: message.id, results } satisfies BatchResult, moved);
});
