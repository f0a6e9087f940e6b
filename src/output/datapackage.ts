import { z } from 'zod';
import { cellLabel, metricHeader, reportHeader } from '../i18n/labels.js';
import type { Lang } from '../lint/messages.js';
import { REPORT_COLUMNS, TABLE_COLUMNS } from '../records/columns.js';
import { MetricRecord, ReportRow, TextPlaceholderRecord } from '../records/schema.js';
import { VERSION } from '../version.js';

// datapackage.json beside a dataset (--out DIR/): a Frictionless Data
// Package with one resource per file and its Table Schema, made from the
// zod schema, so a data portal, `frictionless validate` or a pandas user
// knows every column: its type, what it means, the values it may take.
// Field names are the headers as written in the file (Chinese ones under
// --lang zh), with the dataset's own field name in the title beside them.

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
}

export interface TableField {
  name: string;
  title: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  description?: string;
  constraints?: { required?: boolean; enum?: unknown[] };
  trueValues?: string[];
  falseValues?: string[];
}

function propertiesOf(schema: z.ZodType): Record<string, JsonSchema> {
  return ((z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema).properties ?? {});
}

const METRIC = propertiesOf(MetricRecord);
const TEXT = propertiesOf(TextPlaceholderRecord);
const REPORT = propertiesOf(ReportRow);

function baseType(s: JsonSchema): { type: TableField['type']; nullable: boolean; enum?: unknown[] } {
  const types = s.anyOf ? s.anyOf.flatMap((a) => (Array.isArray(a.type) ? a.type : a.type ? [a.type] : [])) : Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const nullable = types.includes('null') || Boolean(s.anyOf?.some((a) => a.type === 'null'));
  const main = types.find((t) => t !== 'null') ?? 'string';
  const enumValues = s.enum ?? s.anyOf?.find((a) => a.enum)?.enum;
  const type = main === 'integer' || main === 'number' || main === 'boolean' || main === 'array' || main === 'object' ? main : 'string';
  return { type, nullable, ...(enumValues ? { enum: enumValues.filter((v) => v !== null) } : {}) };
}

type Layout = 'csv' | 'jsonl' | 'parquet' | 'xlsx';

function field(name: string, title: string, s: JsonSchema, column: string, layout: Layout, lang: Lang): TableField {
  const base = baseType(s);
  // In a table the section path is one cell of headings joined by ›; Parquet and JSON keep the list.
  const type = base.type === 'array' && (layout === 'csv' || layout === 'xlsx') ? 'string' : base.type;
  const translated = layout === 'csv' || layout === 'xlsx';
  const out: TableField = { name, title, type, ...(s.description ? { description: s.description } : {}) };
  const constraints: TableField['constraints'] = {};
  if (!base.nullable) constraints.required = true;
  if (base.enum) constraints.enum = translated ? base.enum.map((v) => cellLabel(column as never, v as string, lang)) : base.enum;
  if (Object.keys(constraints).length > 0) out.constraints = constraints;
  if (type === 'boolean' && translated && lang === 'zh') {
    out.trueValues = ['是'];
    out.falseValues = ['否'];
  }
  return out;
}

/** The fields of the records file: the table's columns, or the JSON record's fields (both kinds of record). */
export function recordFields(layout: Layout, lang: Lang): TableField[] {
  if (layout === 'jsonl') {
    const names = [...new Set([...Object.keys(METRIC), ...Object.keys(TEXT)])];
    return names.map((n) => {
      const s = n === 'kind' ? { type: 'string', enum: ['metric', 'text'], description: 'metric: an amount; text: a word or date left unfilled' } : METRIC[n] ?? TEXT[n]!;
      const f = field(n, n, s, n, layout, lang);
      // A field that only one kind of record has is absent from the other.
      if (!(n in METRIC) || !(n in TEXT)) delete f.constraints?.required;
      return f;
    });
  }
  return TABLE_COLUMNS.map((c) => {
    const title = layout === 'parquet' ? c : metricHeader(c, lang === 'zh' ? 'en' : 'zh');
    const name = layout === 'parquet' ? c : metricHeader(c, lang);
    if (c === 'kind') return field(name, title, { type: 'string', enum: ['metric', 'text'], description: 'metric: an amount; text: a word or date left unfilled' }, c, layout, lang);
    if (c === 'periodFrom') return field(name, title, { type: ['integer', 'null'], description: 'First year the amount refers to; empty for a running total with no start (累计) or when no year can be told' }, c, layout, lang);
    if (c === 'tableIndex' || c === 'tableRow' || c === 'tableColumn') return field(name, title, { type: ['integer', 'null'], description: `${c === 'tableIndex' ? 'The 1-based table of the report' : c === 'tableRow' ? 'The 1-based row of the table (row 1 is the header)' : 'The 1-based column of the table'} the text stands in; empty outside tables` }, c, layout, lang);
    if (c === 'periodTo') return field(name, title, { type: ['integer', 'null'], description: 'Last year the amount refers to; empty when no year can be told' }, c, layout, lang);
    const s = METRIC[c] ?? TEXT[c]!;
    const f = field(name, title, s, c, layout, lang);
    // Text placeholders leave the metric-only cells empty.
    if (!(c in TEXT)) delete f.constraints?.required;
    if (f.constraints && Object.keys(f.constraints).length === 0) delete f.constraints;
    return f;
  });
}

export function reportFields(layout: Layout, lang: Lang): TableField[] {
  return REPORT_COLUMNS.map((c) => {
    const plain = layout === 'jsonl' || layout === 'parquet';
    const name = plain ? c : reportHeader(c, lang);
    const title = plain ? c : reportHeader(c, lang === 'zh' ? 'en' : 'zh');
    return field(name, title, REPORT[c]!, c, layout, lang);
  });
}

const MEDIA: Record<Layout, string> = {
  csv: 'text/csv',
  jsonl: 'application/jsonl',
  parquet: 'application/vnd.apache.parquet',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function resource(name: string, path: string, layout: Layout, fields: TableField[], description: string, sheet?: string): Record<string, unknown> {
  return {
    name,
    path,
    profile: layout === 'csv' ? 'tabular-data-resource' : 'data-resource',
    format: layout,
    mediatype: MEDIA[layout],
    ...(layout === 'csv' || layout === 'jsonl' ? { encoding: 'utf-8' } : {}),
    ...(layout === 'csv' ? { dialect: { delimiter: ',', header: true, doubleQuote: true } } : {}),
    ...(sheet ? { dialect: { sheet } } : {}),
    description,
    schema: { fields, missingValues: [''], ...(name === 'reports' ? { primaryKey: [fields[0]!.name] } : {}) },
  };
}

/** The descriptor of a dataset folder: its records file and its reports table. */
export function dataPackage(layout: Layout, lang: Lang, files: { records: string; reports: string | null }): Record<string, unknown> {
  const resources = [
    resource('metrics', files.records, layout, recordFields(layout, lang), 'Every amount stated in the reports (kind metric) and every word or date left unfilled (kind text), one a row, in the order of the reports and of the text (docs/EXTRACTION.md).', layout === 'xlsx' ? (lang === 'zh' ? '指标' : 'records') : undefined),
  ];
  if (files.reports) {
    const reports = resource('reports', files.reports, layout, reportFields(layout, lang), 'One row per report: what it is (kind, place, level, year) and what was read from it. The metrics join it on the report key.', layout === 'xlsx' ? (lang === 'zh' ? '报告' : 'reports') : undefined);
    resources.push(reports);
    const key = (resources[0]!.schema as { fields: TableField[] }).fields[0]!.name;
    (resources[0]!.schema as Record<string, unknown>).foreignKeys = [{ fields: [key], reference: { resource: 'reports', fields: [(reports.schema as { fields: TableField[] }).fields[0]!.name] } }];
  }
  return {
    profile: layout === 'csv' ? 'tabular-data-package' : 'data-package',
    name: 'report-metrics-dataset',
    title: lang === 'zh' ? '报告指标数据集' : 'Metrics of reports',
    description: 'Amounts and unfilled placeholders extracted from Chinese government reports by report-metrics.',
    created: new Date().toISOString(),
    contributors: [{ title: `report-metrics ${VERSION}`, role: 'author' }],
    resources,
  };
}
