import { ensureDictionary } from '../context/jieba.js';
import { runTask, type TaskOptions, type TaskResult } from '../run/task.js';
import type { InputFile } from '../read/walk.js';

// A tinypool worker doing what src/run/worker.ts does for one batch, for
// `npm run bench:pools` only: the same tasks, the pool's own transport.

ensureDictionary();

export default async function runBatch({ inputs, options }: { inputs: InputFile[]; options: TaskOptions }): Promise<TaskResult[]> {
  const results: TaskResult[] = [];
  for (const input of inputs) results.push(await runTask(input, options));
  return results;
}
