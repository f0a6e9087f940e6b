// Library entry point: the pipeline, the record schema, and the evaluator.
export { createProcessor, extractFile, extractRead, extractText, InputError, type ExtractResult, type PipelineOptions } from './pipeline.js';
export { readBytes, readInput } from './read/read-input.js';
export { READERS } from './read/readers/index.js';
export { SINKS } from './output/sinks/index.js';
export { RULES } from './lint/rules/index.js';
export { MetricRecord, TextPlaceholderRecord, ReportRecord, Dimension, Approx, DIMENSIONS, APPROX, TABLE_COLUMNS, recordsJsonSchema } from './records/schema.js';
export { decode, DecodeError, type Encoding } from './read/decode.js';
export { collectInputs, type InputFile } from './read/walk.js';
export { readGoldDir, GoldEntry } from './eval/gold.js';
export { evaluate, type EvalReport } from './eval/evaluate.js';
export { findAll, type Findings, type Mention } from './find/index.js';
