import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { reportFind } from './find/plugin.js';
import type { Lang } from './lint/messages.js';
import { reportLint, type LintOptions } from './lint/plugin.js';
import { decode, DecodeError, type Encoding } from './read/decode.js';
import { docxToText, FormatError, htmlPageToText } from './read/formats.js';
import { describeFsError, type InputFile } from './read/walk.js';
import { reportRecords } from './records/plugin.js';
import type { InputFormat, ReportRecord } from './records/schema.js';
import { reportData, type ReportData } from './report-file.js';
import { reportParse, reportStructure } from './structure/plugin.js';

// The one path a report walks: read → decode → structure → find amounts and
// placeholders → attach context → records. Each stage is a unified plugin;
// the report travels as a vfile whose messages are its placeholders.

export interface PipelineOptions {
  keepFurniture?: boolean;
  lang?: Lang;
  /** Run the editor's rules after the records stage; findings become vfile messages. */
  lint?: LintOptions;
}

export function createProcessor(options: PipelineOptions = {}) {
  const processor = unified()
    .use(reportParse, { keepFurniture: options.keepFurniture })
    .use(reportStructure)
    .use(reportFind)
    .use(reportRecords, { lang: options.lang });
  return options.lint ? processor.use(reportLint, options.lint) : processor;
}

export type ReportProcessor = ReturnType<typeof createProcessor>;

export interface ExtractResult {
  file: VFile;
  records: ReportRecord[];
  encoding?: Encoding;
}

export function formatOf(path: string): InputFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.docx') return 'docx';
  if (ext === '.html' || ext === '.htm') return 'html';
  return 'txt';
}

/** Runs the stages on text already decoded. */
export function extractText(text: string, name = 'input.txt', options: PipelineOptions & { format?: InputFormat; processor?: ReportProcessor } = {}): ExtractResult {
  const processor = options.processor ?? createProcessor(options);
  const data: ReportData = { name, format: options.format ?? formatOf(name) };
  const file = new VFile({ path: name, value: text, data: data as unknown as VFile['data'] });
  const tree = processor.parse(file);
  processor.runSync(tree, file);
  return { file, records: data.records ?? [] };
}

/** A report that could not be read, with the reason in words. */
export class InputError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
  }
}

export interface ReadOptions {
  sync?: boolean;
  /** Also return the SHA-256 of the bytes read (a resumable run's manifest keeps it). */
  hash?: boolean;
}

/** Reads and decodes a report; Word files and web pages are turned into text first. */
export async function readReport(input: InputFile, options: ReadOptions = {}): Promise<{ text: string; encoding?: Encoding; hash?: string }> {
  let bytes: Buffer;
  try {
    // A worker thread has nothing else to do while it waits: a blocking read skips four thread-pool hops.
    bytes = options.sync ? readFileSync(input.path) : await readFile(input.path);
  } catch (err) {
    throw new InputError(input.name, describeFsError(err));
  }
  const hash = options.hash ? createHash('sha256').update(bytes).digest('hex') : undefined;
  try {
    const format = formatOf(input.path);
    if (format === 'docx') return { text: await docxToText(bytes), hash };
    if (format === 'html') return { ...(await htmlPageToText(bytes)), hash };
    return { ...decode(bytes), hash };
  } catch (err) {
    if (err instanceof DecodeError || err instanceof FormatError) throw new InputError(input.name, err.message);
    throw err;
  }
}

export async function extractFile(input: InputFile, options: PipelineOptions & { processor?: ReportProcessor; syncRead?: boolean; hash?: boolean } = {}): Promise<ExtractResult & { hash?: string }> {
  const { text, encoding, hash } = await readReport(input, { sync: options.syncRead, hash: options.hash });
  const result = extractText(text, input.name, { ...options, format: formatOf(input.path) });
  reportData(result.file).encoding = encoding;
  return { ...result, encoding, hash };
}
