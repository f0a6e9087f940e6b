import { statSync } from 'node:fs';
import type { InputFile } from '../read/walk.js';
import { chooseJobs } from './inputs.js';
import { startWorkers, stopWorkers, type StartedWorker } from './pool.js';

/**
 * Whether a run whose --jobs was not given will want a worker: a folder
 * may (its walk is not done yet), files given directly do when chooseJobs,
 * which decides once the walk is done, would give them one. Starting it
 * now lets it load its modules and jieba's dictionary during the walk; a
 * run that turns out to stay in this thread ends it.
 */
export function wantsAWorker(paths: string[]): boolean {
  const files: InputFile[] = [];
  for (const path of paths) {
    if (path === '-') continue;
    try {
      const info = statSync(path);
      if (info.isDirectory()) return true;
      files.push({ path, name: path, size: info.size });
    } catch {
      // A path that cannot be read is named by the walk.
    }
  }
  return chooseJobs(files, undefined) > 0;
}

/**
 * Runs `run` with workers already started: as many as --jobs asks for, or
 * one when the run will want one (wantsAWorker). They load their modules
 * and jieba's dictionary while the folders are walked. Workers the run did
 * not take over are ended whatever happens.
 */
export async function withEarlyWorkers<T>(jobs: number | undefined, paths: string[], run: (started: StartedWorker[] | undefined) => Promise<T>): Promise<T> {
  const early = jobs !== undefined ? jobs : wantsAWorker(paths) ? 1 : 0;
  const started = early > 0 ? startWorkers(early) : undefined;
  try {
    return await run(started);
  } finally {
    stopWorkers(started);
  }
}
