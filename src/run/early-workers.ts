import { startWorkers, stopWorkers, type StartedWorker } from './pool.js';

/**
 * Runs `run` with workers already started when --jobs is given: they load
 * their modules and jieba's dictionary while the folders are walked. Without
 * it, how many are worth starting depends on what the walk finds. Workers
 * the run did not take over are ended whatever happens.
 */
export async function withEarlyWorkers<T>(jobs: number | undefined, run: (started: StartedWorker[] | undefined) => Promise<T>): Promise<T> {
  const started = jobs !== undefined && jobs > 0 ? startWorkers(jobs) : undefined;
  try {
    return await run(started);
  } finally {
    stopWorkers(started);
  }
}
