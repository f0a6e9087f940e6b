import { unified } from 'unified';
import { VFile } from 'vfile';
import { expectText } from './context/jieba.js';
import { reportContext } from './context/plugin.js';
import { reportFind } from './find/plugin.js';
import { reportLint, type LintOptions } from './lint/plugin.js';
import { readInput, type ReadInput, type ReadInputOptions } from './read/read-input.js';
import { readerForName } from './read/readers/index.js';
import type { InputFile } from './read/walk.js';
import { reportRecords } from './records/plugin.js';
import type { ReportRecord } from './records/schema.js';
import type { ReportSource } from './report.js';
import { reportParse, reportStructure } from './structure/plugin.js';

// The one path a report walks: read → decode → structure → find amounts and
// placeholders → attach context → records (→ lint). Reading happens before
// the processor (read/read-input.ts); each later stage is a unified plugin,
// and only the tree and the report's vfile pass between them.

export interface PipelineOptions {
  keepFurniture?: boolean;
  /** Run the editor's rules after the records stage; findings become vfile messages. */
  lint?: LintOptions;
}

export function createProcessor(options: PipelineOptions = {}) {
  const processor = unified()
    .use(reportParse, { keepFurniture: options.keepFurniture })
    .use(reportStructure)
    .use(reportFind)
    .use(reportContext)
    .use(reportRecords);
  return options.lint ? processor.use(reportLint, options.lint) : processor;
}

export type ReportProcessor = ReturnType<typeof createProcessor>;

export interface ExtractResult {
  file: VFile;
  records: ReportRecord[];
}

export interface ExtractTextOptions extends PipelineOptions {
  /** What the reader said of the text: its format, encoding, blocks. */
  source?: Partial<ReportSource>;
  processor?: ReportProcessor;
}

/** Runs the stages on text already read. */
export function extractText(text: string, name = 'input.txt', options: ExtractTextOptions = {}): ExtractResult {
  const processor = options.processor ?? createProcessor(options);
  const source: ReportSource = { name, format: readerForName(name)?.format ?? 'txt', ...options.source };
  expectText(text);
  const file = new VFile({ path: name, value: text, data: { source } });
  const tree = processor.parse(file);
  processor.runSync(tree, file);
  return { file, records: file.data.records ?? [] };
}

/** The stages on text a reader produced. */
export function extractRead(read: ReadInput, name: string, options: ExtractTextOptions = {}): ExtractResult {
  return extractText(read.text, name, { ...options, source: { format: read.format, encoding: read.encoding, blocks: read.blocks, pages: read.pages } });
}

export async function extractFile(input: InputFile, options: ExtractTextOptions & ReadInputOptions = {}): Promise<ExtractResult & { read: ReadInput }> {
  const read = await readInput(input, options);
  return { ...extractRead(read, input.name, options), read };
}

export { InputError } from './read/read-input.js';
