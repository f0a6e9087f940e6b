import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { VFile } from 'vfile';
import { ConfigError, configFor, isIgnored } from '../lint/config.js';
import type { Lang } from '../lint/messages.js';
import { formatLint, type LintFormat } from '../lint/reporters.js';
import { extractFile, extractRead, InputError } from '../pipeline.js';
import { readBytes } from '../read/read-input.js';
import { collectInputs } from '../read/walk.js';
import { reportFailure } from '../run/report-failure.js';

export interface LintCliOptions {
  format: LintFormat;
  lang: Lang;
  keepFurniture?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  encoding?: string;
  version: string;
}

/** Exit 0 clean, 1 when anything is found, 2 on an unreadable input or a bad configuration. */
export async function runLint(paths: string[], options: LintCliOptions): Promise<number> {
  const files: VFile[] = [];
  let broken = false;
  const pipeline = (path: string) => ({
    keepFurniture: options.keepFurniture,
    encoding: options.encoding,
    lint: { config: configFor(dirname(resolve(path))).config, lang: options.lang },
  });
  try {
    if (options.stdin) {
      const name = options.stdinFilename ?? '<stdin>';
      // Standard input is read by the same readers as a file of that name: an HTML page or a Word file is read as one.
      const read = await readBytes(name, readFileSync(0), { encoding: options.encoding });
      files.push(extractRead(read, name, pipeline(name)).file);
    } else {
      const { files: inputs, problems } = await collectInputs(paths);
      for (const p of problems) {
        reportFailure(p.path, p.reason);
        broken = true;
      }
      for (const input of inputs) {
        if (isIgnored(input.path)) continue;
        try {
          files.push((await extractFile(input, pipeline(input.path))).file);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          reportFailure(err.path, err.reason);
          broken = true;
        }
      }
    }
  } catch (err) {
    if (err instanceof ConfigError) {
      reportFailure('config', err.message);
      return 2;
    }
    if (err instanceof InputError) {
      reportFailure(err.path, err.reason);
      return 2;
    }
    throw err;
  }
  process.stdout.write(formatLint(files, options.format, options.version));
  if (broken) return 2;
  return files.some((f) => f.messages.length > 0) ? 1 : 0;
}
