import { parentPort } from 'node:worker_threads';
import { runTask, type TaskOptions } from './task.js';
import type { InputFile } from '../read/walk.js';

export interface TaskMessage {
  id: number;
  input: InputFile;
  options: TaskOptions;
}

const encoder = new TextEncoder();

parentPort!.on('message', async (message: TaskMessage) => {
  const result = await runTask(message.input, { ...message.options, syncRead: true });
  if (result.chunk !== undefined) {
    // Encode here, in parallel, and hand the buffer over instead of copying a string.
    const bytes = encoder.encode(result.chunk);
    parentPort!.postMessage({ id: message.id, result: { ...result, chunk: undefined, bytes } }, [bytes.buffer]);
    return;
  }
  parentPort!.postMessage({ id: message.id, result });
});
