import pLimit from 'p-limit';
import { expectReports } from '../context/jieba.js';
import type { InputFile } from '../read/walk.js';
import { runTask, type TaskOptions, type TaskResult } from './task.js';

/** In this thread, two reports at a time so reading one overlaps working on the other; delivered in order. */
export async function runInThread(inputs: InputFile[], task: TaskOptions, deliver: (result: TaskResult) => Promise<void>): Promise<void> {
  expectReports(inputs.length);
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
