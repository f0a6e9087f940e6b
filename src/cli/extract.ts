import { stat } from 'node:fs/promises';
import { chooseSink } from '../output/sinks/index.js';
import { runExtract, type ExtractOptions } from '../run/extract.js';
import { runResumable } from '../run/resumable.js';

/** What `extract` takes on the command line: the run's options with the format still to be chosen. */
export type ExtractCliOptions = Omit<ExtractOptions, 'sink'> & { format?: string };

/** `--out DIR/` or an existing folder: a resumable run with a manifest. */
async function isDirectoryTarget(out: string): Promise<boolean> {
  if (out.endsWith('/')) return true;
  try {
    return (await stat(out)).isDirectory();
  } catch {
    return false;
  }
}

/** Chooses the sink from --format and --out, then runs; returns the exit status. */
export async function extractCommand(paths: string[], options: ExtractCliOptions): Promise<number> {
  const folder = options.out !== undefined && (await isDirectoryTarget(options.out));
  const sink = chooseSink(options.format, options.out, folder);
  if ('error' in sink) {
    process.stderr.write(`report-metrics: ${sink.error}\n`);
    return 2;
  }
  const run = { ...options, sink };
  return folder ? runResumable(paths, run) : runExtract(paths, run);
}
