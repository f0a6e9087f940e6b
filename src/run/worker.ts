import { parentPort } from 'node:worker_threads';
import { runTask, type TaskOptions } from './task.js';
import type { InputFile } from '../read/walk.js';

export interface TaskMessage {
  id: number;
  input: InputFile;
  options: TaskOptions;
}

parentPort!.on('message', async (message: TaskMessage) => {
  const result = await runTask(message.input, { ...message.options, syncRead: true });
  // The formatted records are handed over, not copied: they are most of what a report yields.
  parentPort!.postMessage({ id: message.id, result }, result.bytes ? [result.bytes.buffer as ArrayBuffer] : []);
});
