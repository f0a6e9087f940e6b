import { extname } from 'node:path';
import type { SinkType } from '../sink.js';
import { csv } from './csv.js';
import { jsonl } from './jsonl.js';
import { parquet } from './parquet.js';
import { table } from './table.js';
import { xlsx } from './xlsx.js';

// Every output format, one file each. A new format is one file in this
// folder and one line in this list.

export const SINKS: readonly SinkType[] = [jsonl, csv, xlsx, parquet, table];

export const OUTPUT_FORMATS = SINKS.map((s) => s.format) as [string, ...string[]];

export function sinkByFormat(format: string): SinkType | undefined {
  return SINKS.find((s) => s.format === format);
}

export function sinkByExtension(path: string): SinkType | undefined {
  const ext = extname(path).toLowerCase();
  return ext === '' ? undefined : SINKS.find((s) => s.extensions.includes(ext));
}

/**
 * The format of a run: --format if given, else the one --out's extension
 * names, else JSON Lines. A --format that contradicts the extension, or an
 * extension no format has, is refused rather than written wrong.
 */
export function chooseSink(format: string | undefined, out: string | undefined, folder: boolean): SinkType | { error: string } {
  const named = format === undefined ? undefined : sinkByFormat(format);
  if (format !== undefined && !named) return { error: `unknown format "${format}" (${OUTPUT_FORMATS.join(', ')})` };
  if (!out || folder) return named ?? jsonl;
  const byExt = sinkByExtension(out);
  const ext = extname(out).toLowerCase();
  if (named && byExt && named !== byExt) return { error: `--format ${named.format} does not match the extension of ${out} (${ext} is ${byExt.format})` };
  if (named) return named;
  if (byExt) return byExt;
  if (ext === '' || isDevice(out)) return jsonl;
  return { error: `cannot tell the output format from "${ext}": name the file ${SINKS.flatMap((s) => s.extensions.slice(0, 1)).join(', ')}, or give --format` };
}

function isDevice(path: string): boolean {
  return path.startsWith('/dev/');
}
