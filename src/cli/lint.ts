import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { VFile } from 'vfile';
import { ConfigError, configFor, isIgnored } from '../lint/config.js';
import type { Lang } from '../lint/messages.js';
import { formatLint, type LintFormat } from '../lint/reporters.js';
import { extractFile, extractText, formatOf, InputError } from '../pipeline.js';
import { decode, DecodeError } from '../read/decode.js';
import { docxToText, FormatError } from '../read/formats.js';
import { collectInputs } from '../read/walk.js';
import { reportFailure } from './report-failure.js';

export interface LintCliOptions {
  format: LintFormat;
  lang: Lang;
  keepFurniture?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  version: string;
}

/** Exit 0 clean, 1 when anything is found, 2 on an unreadable input or a bad configuration. */
export async function runLint(paths: string[], options: LintCliOptions): Promise<number> {
  const files: VFile[] = [];
  let broken = false;
  const lintOf = (path: string) => ({ config: configFor(dirname(resolve(path))).config, lang: options.lang });
  try {
    if (options.stdin) {
      const name = options.stdinFilename ?? '<stdin>';
      const bytes = readFileSync(0);
      const format = formatOf(name);
      const text = format === 'docx' ? await docxToText(bytes) : decode(bytes).text;
      files.push(extractText(text, name, { format, keepFurniture: options.keepFurniture, lint: lintOf(name) }).file);
    } else {
      const { files: inputs, problems } = await collectInputs(paths);
      for (const p of problems) {
        reportFailure(p.path, p.reason);
        broken = true;
      }
      for (const input of inputs) {
        if (isIgnored(input.path)) continue;
        try {
          files.push((await extractFile(input, { keepFurniture: options.keepFurniture, lint: lintOf(input.path) })).file);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          reportFailure(err.path, err.reason);
          broken = true;
        }
      }
    }
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DecodeError || err instanceof FormatError) {
      reportFailure(options.stdin ? (options.stdinFilename ?? '<stdin>') : 'config', err.message);
      return 2;
    }
    throw err;
  }
  process.stdout.write(formatLint(files, options.format, options.version));
  if (broken) return 2;
  return files.some((f) => f.messages.length > 0) ? 1 : 0;
}
