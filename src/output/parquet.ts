import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { TABLE_COLUMNS } from '../records/columns.js';
import type { ReportRecord } from '../records/schema.js';
import { AtomicFile } from './atomic.js';
import { SECTION_SEPARATOR } from './encoders.js';

// Records as Parquet for DuckDB, Spark or pandas. Rows are written in row
// groups as they come (bounded memory), through the same atomic file as
// every other output.

type Column = (typeof TABLE_COLUMNS)[number];
const INT_COLUMNS = new Set<Column>(['line', 'column', 'start', 'end', 'year', 'periodFrom', 'periodTo']);
const DOUBLE_COLUMNS = new Set<Column>(['value', 'valueMax']);
const BOOLEAN_COLUMNS = new Set<Column>(['placeholder']);
const ROW_GROUP = 50_000;
const FLUSH_BYTES = 1 << 20;

const SCHEMA = [
  { name: 'root', num_children: TABLE_COLUMNS.length },
  ...TABLE_COLUMNS.map((name) => {
    const repetition_type = 'OPTIONAL' as const;
    if (INT_COLUMNS.has(name)) return { name, type: 'INT32' as const, repetition_type };
    if (DOUBLE_COLUMNS.has(name)) return { name, type: 'DOUBLE' as const, repetition_type };
    if (BOOLEAN_COLUMNS.has(name)) return { name, type: 'BOOLEAN' as const, repetition_type };
    return { name, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type };
  }),
];

function cell(record: ReportRecord, column: Column): unknown {
  if (column === 'periodFrom' || column === 'periodTo') return record.kind === 'metric' && record.period ? (column === 'periodFrom' ? record.period.from : record.period.to) : null;
  const value = (record as Record<string, unknown>)[column];
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.join(SECTION_SEPARATOR);
  return value;
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

export class ParquetFile {
  private readonly file: AtomicFile;
  private readonly writer: ParquetWriter;
  private buffer: ReportRecord[] = [];

  constructor(file: AtomicFile) {
    this.file = file;
    this.writer = new ParquetWriter({ writer: atomicWriter(this.file), schema: SCHEMA as never });
  }

  add(records: ReportRecord[]): void {
    for (const r of records) this.buffer.push(r);
    if (this.buffer.length >= ROW_GROUP) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    this.writer.write({
      columnData: TABLE_COLUMNS.map((name) => ({ name, data: rows.map((r) => cell(r, name)) })) as never,
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
