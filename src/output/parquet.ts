import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { REPORT_COLUMNS, TABLE_COLUMNS } from '../records/columns.js';
import type { ReportRecord, ReportRow } from '../records/schema.js';
import { AtomicFile } from './atomic.js';
import { recordCell } from './encoders.js';

// Records, and the reports table, as Parquet for DuckDB, Spark or pandas:
// the columns of the CSV, with whole numbers as INT32, amounts as DOUBLE and
// the section path as a list of headings. Rows are written in row groups as
// they come (bounded memory), through the same atomic file as every other
// output.

type Kind = 'int' | 'double' | 'boolean' | 'string' | 'strings';

interface TableSpec<Row> {
  columns: ReadonlyArray<{ name: string; kind: Kind }>;
  cell(row: Row, column: string): unknown;
}

const ROW_GROUP = 50_000;
const FLUSH_BYTES = 1 << 20;

function kindOf(name: string, ints: string[], doubles: string[], booleans: string[], lists: string[] = []): Kind {
  if (ints.includes(name)) return 'int';
  if (doubles.includes(name)) return 'double';
  if (booleans.includes(name)) return 'boolean';
  if (lists.includes(name)) return 'strings';
  return 'string';
}

export const RECORDS_TABLE: TableSpec<ReportRecord> = {
  columns: TABLE_COLUMNS.map((name) => ({
    name,
    kind: kindOf(name, ['line', 'column', 'start', 'end', 'page', 'tableIndex', 'tableRow', 'tableColumn', 'year', 'periodFrom', 'periodTo'], ['value', 'valueMax', 'valueStd', 'valueMaxStd'], ['placeholder'], ['section']),
  })),
  cell(record, column) {
    if (column === 'section') return record.section;
    return recordCell(record, column as (typeof TABLE_COLUMNS)[number]);
  },
};

export const REPORTS_TABLE: TableSpec<ReportRow> = {
  columns: REPORT_COLUMNS.map((name) => ({
    name,
    kind: kindOf(name, ['year', 'pages', 'metrics', 'quantityPlaceholders', 'textPlaceholders', 'furnitureLines', 'warnings'], [], []),
  })),
  cell: (row, column) => row[column as keyof ReportRow] ?? null,
};

function schemaOf(spec: TableSpec<unknown>): unknown[] {
  const repetition_type = 'OPTIONAL' as const;
  return [
    { name: 'root', num_children: spec.columns.length },
    ...spec.columns.flatMap(({ name, kind }): Array<Record<string, unknown>> => {
      if (kind === 'int') return [{ name, type: 'INT32', repetition_type }];
      if (kind === 'double') return [{ name, type: 'DOUBLE', repetition_type }];
      if (kind === 'boolean') return [{ name, type: 'BOOLEAN', repetition_type }];
      if (kind === 'strings') {
        // The three-level LIST of the Parquet format: what pandas, DuckDB and Spark read as a list of strings.
        return [
          { name, repetition_type, converted_type: 'LIST', num_children: 1 },
          { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
          { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
        ];
      }
      return [{ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type }];
    }),
  ];
}

/** hyparquet-writer's byte writer, emptied into the atomic file every megabyte. */
function atomicWriter(file: AtomicFile): ByteWriter {
  const writer = new ByteWriter();
  const grow = writer.ensure.bind(writer);
  const flush = () => {
    if (writer.index === 0) return;
    file.writeSync(new Uint8Array(writer.buffer, 0, writer.index));
    writer.index = 0;
  };
  writer.ensure = (size: number) => {
    if (writer.index > FLUSH_BYTES) flush();
    grow(size);
  };
  writer.finish = flush;
  return writer;
}

export class ParquetFile<Row> {
  private readonly file: AtomicFile;
  private readonly spec: TableSpec<Row>;
  private readonly writer: ParquetWriter;
  private buffer: Row[] = [];

  constructor(file: AtomicFile, spec: TableSpec<Row>) {
    this.file = file;
    this.spec = spec;
    this.writer = new ParquetWriter({ writer: atomicWriter(this.file), schema: schemaOf(spec as TableSpec<unknown>) as never });
  }

  add(rows: Row[]): void {
    for (const r of rows) this.buffer.push(r);
    if (this.buffer.length >= ROW_GROUP) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    this.writer.write({
      columnData: this.spec.columns.map(({ name }) => ({ name, data: rows.map((r) => this.spec.cell(r, name)) })) as never,
      rowGroupSize: ROW_GROUP,
    });
  }

  async commit(): Promise<void> {
    this.flush();
    this.writer.finish();
    await this.file.commit();
  }

  async abort(): Promise<void> {
    await this.file.abort();
  }
}
