// Column order of the tabular outputs (CSV, xlsx, Parquet): the record
// fields of schema.ts, flattened. Kept apart from the zod schema so that the
// threads that only format records do not load zod.

export const TABLE_COLUMNS = [
  'report', 'file', 'kind', 'line', 'column', 'start', 'end', 'page', 'tableIndex', 'tableRow', 'tableColumn', 'text', 'value', 'valueMax', 'unit', 'unitAsWritten',
  'valueStd', 'valueMaxStd', 'unitStd', 'approx', 'placeholder', 'dimension', 'per', 'subject', 'status', 'periodFrom', 'periodTo', 'section', 'theme', 'year', 'format', 'sentence',
] as const;

/** Columns of the reports table, the fields of ReportRow in order. */
export const REPORT_COLUMNS = [
  'report', 'file', 'title', 'kind', 'place', 'level', 'year', 'format', 'encoding', 'pages',
  'metrics', 'quantityPlaceholders', 'textPlaceholders', 'furnitureLines', 'warnings', 'error',
] as const;
