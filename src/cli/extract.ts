import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AtomicFile } from '../output/atomic.js';
import { FORMATTERS, type RecordFormat } from '../output/formats.js';
import { renderSummary, summarize, type ReportSummary } from '../output/summary.js';
import type { Lang } from '../lint/messages.js';
import { writeXlsx } from '../output/xlsx.js';
import type { ReportRecord } from '../records/schema.js';
import { forEachReport } from './run-files.js';

export interface ExtractOptions {
  format: RecordFormat | 'table' | 'xlsx';
  out?: string;
  summary?: boolean;
  quiet?: boolean;
  keepFurniture?: boolean;
  lang: Lang;
}

/** Writes records as each report finishes; returns the exit status. */
export async function runExtract(paths: string[], options: ExtractOptions): Promise<number> {
  const summaries: ReportSummary[] = [];
  if (options.format === 'xlsx' && !options.out) {
    process.stderr.write('report-metrics: --format xlsx needs --out FILE.xlsx\n');
    return 2;
  }
  const formatter = options.format === 'table' || options.format === 'xlsx' ? null : FORMATTERS[options.format];
  // A workbook is written whole at the end; its records are kept until then.
  const kept: ReportRecord[] | null = options.format === 'xlsx' ? [] : null;
  let sink: AtomicFile | null = null;
  if (options.out && formatter) {
    try {
      await mkdir(dirname(options.out), { recursive: true });
      sink = new AtomicFile(options.out);
      await sink.ready();
    } catch (err) {
      process.stderr.write(`report-metrics: cannot write ${options.out}: ${(err as Error).message}\n`);
      return 2;
    }
  }
  const write = async (chunk: string) => {
    if (chunk === '') return;
    if (sink) await sink.write(chunk);
    else if (formatter) await writeStdout(chunk);
  };
  const aborted = () => {
    void sink?.abort();
  };
  process.once('SIGINT', aborted);
  try {
    if (formatter) await write(formatter.header());
    const failures = await forEachReport(paths, { keepFurniture: options.keepFurniture, lang: options.lang }, async (input, result) => {
      summaries.push(summarize(input.name, result.records, result.encoding));
      if (formatter) await write(formatter.format(result.records));
      kept?.push(...result.records);
    });
    for (const f of failures) summaries.push({ file: f.file, metrics: 0, quantityPlaceholders: 0, textPlaceholders: 0, byDimension: {}, byTheme: {}, error: f.reason });
    await sink?.commit();
    if (kept && options.out) {
      try {
        await mkdir(dirname(options.out), { recursive: true });
        await writeXlsx(options.out, kept, summaries);
      } catch (err) {
        process.stderr.write(`report-metrics: cannot write ${options.out}: ${(err as Error).message}\n`);
        return 2;
      }
    }
    const table = renderSummary(summaries);
    if (options.format === 'table') await writeStdout(table);
    else if (!options.quiet && (options.summary ?? Boolean(options.out))) {
      (options.out ? process.stdout : process.stderr).write(table);
      if (options.out) process.stdout.write(`records written to ${options.out}\n`);
    }
    return failures.length > 0 ? 1 : 0;
  } catch (err) {
    await sink?.abort();
    throw err;
  } finally {
    process.off('SIGINT', aborted);
  }
}

function writeStdout(chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(chunk, (err) => (err ? reject(err) : resolve()));
  });
}
