import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import { TABLE_COLUMNS } from '../records/columns.js';
import type { ReportRecord } from '../records/schema.js';
import { isSpecialFile } from './atomic.js';
import { SECTION_SEPARATOR } from './formats.js';

// Records as Parquet for DuckDB, Spark or pandas. Rows are written in row
// groups as they come (bounded memory); the file is finished under a
// temporary name and renamed, like every other output.

type Column = (typeof TABLE_COLUMNS)[number];
const INT_COLUMNS = new Set<Column>(['line', 'column', 'start', 'end', 'year']);
const DOUBLE_COLUMNS = new Set<Column>(['value', 'valueMax']);
const BOOLEAN_COLUMNS = new Set<Column>(['placeholder']);
const ROW_GROUP = 50_000;

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
  const value = (record as Record<string, unknown>)[column];
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.join(SECTION_SEPARATOR);
  return value;
}

export class ParquetSink {
  private readonly tempPath: string;
  private readonly writer: ParquetWriter;
  private buffer: ReportRecord[] = [];
  private readonly direct: boolean;

  constructor(readonly path: string) {
    this.direct = isSpecialFile(path);
    this.tempPath = this.direct ? path : join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
    this.writer = new ParquetWriter({ writer: fileWriter(this.tempPath), schema: SCHEMA as never });
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
    if (!this.direct) await rename(this.tempPath, this.path);
  }

  async abort(): Promise<void> {
    if (!this.direct) await unlink(this.tempPath).catch(() => undefined);
  }
}
