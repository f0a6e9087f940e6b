import { z } from 'zod';
import { INPUT_FORMATS } from '../read/readers/index.js';

// The one definition of what report-metrics emits. Field names and values
// follow docs/EXTRACTION.md so records and gold files compare directly;
// `report-metrics schema` prints this as JSON Schema.

import { APPROX, DIMENSIONS, LEVELS } from './dimensions.js';

export { APPROX, DIMENSIONS };
export const Dimension = z.enum(DIMENSIONS).describe('What kind of quantity the unit measures');
export type Dimension = z.infer<typeof Dimension>;

export const Approx = z.enum(APPROX).describe('Qualifier: 约/左右 → about, 余/以上 → over, 近/不足 → under, a low and high end → range');
export type Approx = z.infer<typeof Approx>;

export const STATUSES = ['actual', 'target', 'rule'] as const;
export const Status = z.enum(STATUSES).describe('actual: achieved, done or existing; target: a goal, plan, forecast or budget for a coming time; rule: a standard, threshold, score or weight that defines rather than reports');
export const Period = z
  .object({
    from: z.number().int().nullable().describe('First year; null for a running total with no start (累计)'),
    to: z.number().int().describe('Last year'),
  })
  .describe('The years an amount refers to (EXTRACTION.md section 4)');

export const InputFormat = z.enum(INPUT_FORMATS).describe('Input format the text was read from (the reader that read it)');
export type InputFormat = z.infer<typeof InputFormat>;

const location = {
  report: z.string().regex(/^[0-9a-f]{16}$/).describe('Key of the report in the reports table (the first 16 hex digits of the SHA-256 of `file`)'),
  file: z.string().describe('Path of the report, as given on the command line or relative to the folder given'),
  start: z.number().int().nonnegative().describe('Start offset into the decoded text (UTF-16 code units, BOM removed)'),
  end: z.number().int().nonnegative().describe('End offset, exclusive'),
  line: z.number().int().positive().describe('1-based line of start'),
  column: z.number().int().positive().describe('1-based column of start, in UTF-16 code units'),
  text: z.string().describe('The exact slice text[start, end)'),
  page: z.number().int().positive().nullable().describe('1-based page of a PDF the text stands on, else null'),
  table: z
    .object({
      index: z.number().int().positive().describe('1-based table of the report, in document order'),
      row: z.number().int().positive().describe('1-based row; row 1 is the header'),
      column: z.number().int().positive().describe('1-based column'),
    })
    .nullable()
    .describe('The table cell the text stands in, else null'),
};

export const MetricRecord = z
  .object({
    kind: z.literal('metric'),
    ...location,
    value: z.number().nullable().describe('Amount in the canonical unit with magnitude applied; null for a placeholder'),
    valueMax: z.number().nullable().describe('High end of a range, else null'),
    unit: z.string().describe('Canonical unit (元, 亩, 人, %, 个 …)'),
    unitAsWritten: z.string().describe('Magnitude and unit as written (万元, 万亩, 平米)'),
    approx: Approx,
    placeholder: z.boolean().describe('True when the drafter left the number unfilled (X户, 20xx亩, *%)'),
    dimension: Dimension,
    per: z.string().nullable().describe('Unit of time or population a rate is given per (10万元/年 → 年)'),
    valueStd: z.number().nullable().describe('value in the standard unit of its dimension (area in 平方米, mass in 公斤, duration in 天 …; dictionaries/standard-units.json), so amounts of one dimension add up; null where the unit does not convert exactly (个月, a foreign currency) or the dimension has no standard (count)'),
    valueMaxStd: z.number().nullable().describe('valueMax in the standard unit'),
    unitStd: z.string().nullable().describe('The standard unit of valueStd (平方米, 公斤 …; 元/年 for a rate), null where there is none'),
    sentence: z.string().describe('The sentence around the mention'),
    subject: z.string().nullable().describe('What the amount measures, in the text\'s words'),
    status: Status,
    period: Period.nullable().describe('The years the amount refers to; null when no year can be told'),
    section: z.array(z.string()).describe('Heading path from the top of the report, as written'),
    theme: z.string().nullable().describe('Topic of the mention (产业振兴, 巩固脱贫 …)'),
    year: z.number().int().nullable().describe('The year the report speaks of, when it states one'),
    format: InputFormat.describe('Input format the text was extracted from'),
  })
  .describe('An amount stated in a report');
export type MetricRecord = z.infer<typeof MetricRecord>;

export const TextPlaceholderRecord = z
  .object({
    kind: z.literal('text'),
    ...location,
    placeholder: z.literal(true),
    slot: z.enum(['word', 'date']).describe('What is missing: a word (XX镇, ***) or a date (20xx年, X月X日)'),
    sentence: z.string(),
    section: z.array(z.string()),
    format: InputFormat,
  })
  .describe('A name, ordinal, date or word the drafter left unfilled (XX镇, ***, 20xx年)');
export type TextPlaceholderRecord = z.infer<typeof TextPlaceholderRecord>;

export const ReportRecord = z.discriminatedUnion('kind', [MetricRecord, TextPlaceholderRecord]);
export type ReportRecord = z.infer<typeof ReportRecord>;

export const ReportRow = z
  .object({
    report: location.report.describe('Key of the report; records carry it in their report field'),
    file: location.file,
    title: z.string().nullable().describe('The report\'s title: its first heading, as written'),
    kind: z.string().describe('What the report is: 政府工作报告, 工作总结, 统计公报, 方案/意见/办法, 规划, 讲话/发言 or other (dictionaries/report-kinds.json)'),
    place: z.string().nullable().describe('The issuing administrative unit as written in the title or opening (海拉尔区, 陕西省, XX镇)'),
    level: z.enum(LEVELS).nullable().describe('Administrative level of the place, by the ending of its name'),
    year: z.number().int().nullable().describe('The year of the work the report speaks of (a government work report given early in 2026 speaks of 2025)'),
    format: InputFormat.nullable().describe('Input format, null when the file could not be read'),
    encoding: z.string().nullable().describe('Text encoding detected or given (utf-8, gb18030, big5, utf-16le …); null for Word and PDF files'),
    pages: z.number().int().nullable().describe('Pages of a PDF, else null'),
    metrics: z.number().int().describe('Metric records (amounts, placeholders among them)'),
    quantityPlaceholders: z.number().int().describe('Metrics whose number the drafter left unfilled (X户)'),
    textPlaceholders: z.number().int().describe('Words and dates left unfilled (XX镇, 20xx年)'),
    furnitureLines: z.number().int().describe('Lines of web-page furniture left out'),
    warnings: z.number().int().describe('Things the reader could not read in full or be sure of (a guessed encoding, a scanned page)'),
    error: z.string().nullable().describe('Why the report could not be read, else null: its records are missing, not empty'),
  })
  .describe('One report: what it is and what was read from it');
export type ReportRow = z.infer<typeof ReportRow>;

export { REPORT_COLUMNS, TABLE_COLUMNS } from './columns.js';

export function recordsJsonSchema(): unknown {
  return z.toJSONSchema(ReportRecord, { target: 'draft-2020-12' });
}

export function reportsJsonSchema(): unknown {
  return z.toJSONSchema(ReportRow, { target: 'draft-2020-12' });
}
