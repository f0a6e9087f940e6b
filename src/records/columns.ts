// Column order of the tabular outputs (CSV, xlsx, Parquet): the record
// fields of schema.ts, flattened. Kept apart from the zod schema so that the
// threads that only format records do not load zod.

export const TABLE_COLUMNS = [
  'file', 'kind', 'line', 'column', 'start', 'end', 'text', 'value', 'valueMax', 'unit', 'unitAsWritten',
  'approx', 'placeholder', 'dimension', 'per', 'subject', 'status', 'periodFrom', 'periodTo', 'section', 'theme', 'year', 'format', 'sentence',
] as const;
