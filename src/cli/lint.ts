import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { VFile } from 'vfile';
import { cliText } from '../i18n/cli.js';
import { ConfigError, configFor, isIgnored } from '../lint/config.js';
import type { Lang } from '../lint/messages.js';
import type { LintMessage } from '../lint/plugin.js';
import { displayPath, formatLint, type LintFormat } from '../lint/reporters.js';
import { writeFileAtomic } from '../output/atomic.js';
import { expectReports } from '../context/jieba.js';
import { extractFile, extractRead, InputError } from '../pipeline.js';
import { readBytes } from '../read/read-input.js';
import { collectInputs, describeSkipped } from '../read/walk.js';
import { reportFailure, reportWarnings } from '../run/report-failure.js';

export interface LintCliOptions {
  format: LintFormat;
  lang: Lang;
  keepFurniture?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  encoding?: string;
  version: string;
  /** Exit 1 when there are more warnings than this (errors always do). */
  maxWarnings?: number;
  /** Write the report to this file instead of standard output. */
  outputFile?: string;
  /** Hand each Word draft back as NAME.checked.docx with its findings as comments. */
  annotate?: boolean;
}

/** draft.docx → draft.checked.docx, beside it. */
export function checkedPath(path: string): string {
  return path.replace(/(\.docx|\.docm)?$/i, '.checked.docx');
}

/** Writes the annotated copies; the originals are never touched. Returns whether every one was written. */
async function writeAnnotated(files: VFile[], paths: Map<VFile, string>, lang: Lang): Promise<boolean> {
  const { annotationsOf, annotateDocx } = await import('../lint/annotate/index.js');
  let ok = true;
  for (const file of files) {
    const path = paths.get(file);
    if (!path || file.data.source?.format !== 'docx' || file.messages.length === 0) continue;
    const target = checkedPath(path);
    try {
      const result = annotateDocx(readFileSync(path), annotationsOf(file));
      await writeFileAtomic(target, result.bytes);
      process.stderr.write(`report-metrics: ${cliText(lang).run.annotated(displayPath(target), result.anchored, result.unanchored.length)}\n`);
    } catch (err) {
      ok = false;
      process.stderr.write(`report-metrics: ${cliText(lang).run.cannotWrite(displayPath(target), (err as Error).message)}\n`);
    }
  }
  return ok;
}

/** Arguments with glob characters ('drafts/**\/*.md') are expanded here, so the same command works in any shell. */
async function expandGlobs(paths: string[]): Promise<string[]> {
  if (!paths.some((p) => /[*?[\]{}]/.test(p))) return paths;
  const { glob } = await import('tinyglobby');
  const out: string[] = [];
  for (const p of paths) {
    if (!/[*?[\]{}]/.test(p)) out.push(p);
    else out.push(...(await glob(p, { dot: false, onlyFiles: true, expandDirectories: false })).sort());
  }
  return out;
}

/** Exit 0 clean, 1 when anything is found, 2 on an unreadable input or a bad configuration. */
export async function runLint(paths: string[], options: LintCliOptions): Promise<number> {
  const files: VFile[] = [];
  const sources = new Map<VFile, string>();
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
      reportWarnings(name, read.warnings, options.lang);
      files.push(extractRead(read, name, pipeline(name)).file);
    } else {
      const expanded = await expandGlobs(paths);
      if (expanded.length === 0) {
        process.stderr.write(`report-metrics: ${cliText(options.lang).run.nothingToCheck(paths.join(', '), false)}\n`);
        return 2;
      }
      const { files: inputs, problems, skipped } = await collectInputs(expanded);
      for (const p of problems) {
        reportFailure(p.path, p.reason, options.lang);
        broken = true;
      }
      if (skipped.length > 0) process.stderr.write(`report-metrics: ${describeSkipped(skipped, options.lang)}\n`);
      const checked = inputs.filter((input) => !isIgnored(input.path));
      // A CI step that checked nothing must not pass.
      if (checked.length === 0) {
        process.stderr.write(`report-metrics: ${cliText(options.lang).run.nothingToCheck(paths.join(', '), inputs.length > 0)}\n`);
        return 2;
      }
      expectReports(checked.length);
      for (const input of checked) {
        try {
          const done = await extractFile(input, pipeline(input.path));
          reportWarnings(input.name, done.read.warnings, options.lang);
          files.push(done.file);
          sources.set(done.file, input.path);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          reportFailure(err.path, err.reason, options.lang);
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
      reportFailure(err.path, err.reason, options.lang);
      return 2;
    }
    throw err;
  }
  const report = formatLint(files, options.format, options.version);
  if (options.outputFile) {
    try {
      mkdirSync(dirname(resolve(options.outputFile)), { recursive: true });
      await writeFileAtomic(options.outputFile, report);
    } catch (err) {
      process.stderr.write(`report-metrics: ${cliText(options.lang).run.cannotWrite(options.outputFile, (err as Error).message)}\n`);
      return 2;
    }
  } else process.stdout.write(report);
  if (options.annotate && !(await writeAnnotated(files, sources, options.lang))) broken = true;
  if (broken) return 2;
  const messages = files.flatMap((f) => f.messages as LintMessage[]);
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.length - errors;
  if (errors > 0) return 1;
  return options.maxWarnings !== undefined && warnings > options.maxWarnings ? 1 : 0;
}
