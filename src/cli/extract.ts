import { stat } from 'node:fs/promises';
import type { Lang } from '../lint/messages.js';
import { chooseSink } from '../output/sinks/index.js';
import { runExtract } from '../run/extract.js';
import { runResumable } from '../run/resumable.js';
import type { Shard } from '../run/shard.js';

export interface ExtractCliOptions {
  format?: string;
  out?: string;
  summary?: boolean;
  quiet?: boolean;
  keepFurniture?: boolean;
  lang: Lang;
  jobs?: number;
  shard?: Shard;
  stats?: 'text' | 'json';
  encoding?: string;
  verify?: boolean;
  reports?: string;
}

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
