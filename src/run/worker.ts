import { parentPort } from 'node:worker_threads';
import { runTask, type TaskOptions, type TaskResult } from './task.js';
import type { InputFile } from '../read/walk.js';

export interface TaskMessage {
  id: number;
  inputs: InputFile[];
  options: TaskOptions;
}

export interface BatchResult {
  id: number;
  results: TaskResult[];
}

parentPort!.on('message', async (message: TaskMessage) => {
  const results: TaskResult[] = [];
  for (const input of message.inputs) results.push(await runTask(input, { ...message.options, syncRead: true }));
  // The formatted records are handed over, not copied: they are most of what a report yields.
  const moved = results.flatMap((r) => (r.bytes ? [r.bytes.buffer as ArrayBuffer] : []));
  parentPort!.postMessage({ id: message.id, results } satisfies BatchResult, moved);
});
