// Library entry point: the pipeline, the record schema, and the evaluator.
export { createProcessor, extractFile, extractText, readReport, InputError, type ExtractResult, type PipelineOptions } from './pipeline.js';
export { MetricRecord, TextPlaceholderRecord, ReportRecord, Dimension, Approx, DIMENSIONS, APPROX, TABLE_COLUMNS, recordsJsonSchema } from './records/schema.js';
export { decode, DecodeError, type Encoding } from './read/decode.js';
export { collectInputs, type InputFile } from './read/walk.js';
export { readGoldDir, GoldEntry } from './eval/gold.js';
export { evaluate, type EvalReport } from './eval/evaluate.js';
export { findAll, type Findings, type Mention } from './find/index.js';
