import { cliText } from '../i18n/cli.js';
import type { Lang } from '../lint/messages.js';
import { collectInputs, describeSkipped, type InputFile } from '../read/walk.js';
import { defaultJobs } from './pool.js';
import { reportFailure } from './report-failure.js';
import { inShard, type Shard } from './shard.js';

/**
 * Below this much input, starting workers (and a jieba dictionary in each)
 * costs more than it saves: `npm run bench` measures where the two meet.
 */
export const SMALL_RUN_BYTES = 16 * 1024 * 1024;
/**
 * A report this large takes the pipeline more than a second: it runs in a
 * worker, so the main thread is free to answer Ctrl-C at once.
 */
export const LONG_REPORT_BYTES = 8 * 1024 * 1024;

/** Below this much input a worker's start costs more than writing beside it saves. */
export const ONE_THREAD_BYTES = 1024 * 1024;

export function chooseJobs(files: InputFile[], requested: number | undefined): number {
  if (requested !== undefined) return requested;
  const bytes = files.reduce((n, f) => n + (f.size ?? 0), 0);
  if (files.length >= 2 && bytes >= SMALL_RUN_BYTES) return defaultJobs();
  // One worker makes the records while this thread writes them: faster than one thread doing both (npm run bench).
  if (files.some((f) => (f.size ?? 0) >= LONG_REPORT_BYTES) || (files.length >= 2 && bytes >= ONE_THREAD_BYTES)) return 1;
  return 0;
}

export interface Selected {
  files: InputFile[];
  /** Paths that could not be walked or opened, already named on stderr. */
  failures: number;
  /** No report at all was found in the paths given (before any shard was taken). */
  nothing: boolean;
}

/**
 * The reports to run: files and folders walked, problems named on stderr,
 * files that are not reports listed in one line, this shard's share kept.
 */
export async function selectInputs(paths: string[], shard?: Shard, lang: Lang = 'en'): Promise<Selected> {
  const { files, problems, skipped } = await collectInputs(paths);
  for (const p of problems) reportFailure(p.path, p.reason, lang);
  if (skipped.length > 0) process.stderr.write(`report-metrics: ${describeSkipped(skipped, lang)}\n`);
  if (files.length === 0) process.stderr.write(`report-metrics: ${cliText(lang).run.noReport(paths.join(', '))}\n`);
  return { files: shard ? files.filter((f) => inShard(f.relative ?? f.name, shard)) : files, failures: problems.length, nothing: files.length === 0 };
}
