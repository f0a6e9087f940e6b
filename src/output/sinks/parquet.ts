import type { Sink, SinkType } from '../sink.js';
import { openFile } from '../target.js';

/** Parquet for DuckDB, Spark and pandas; hyparquet-writer loads only for the runs that ask for it. */
export const parquet: SinkType = {
  format: 'parquet',
  extensions: ['.parquet'],
  takes: 'records',
  needsFile: true,
  async open(path): Promise<Sink> {
    const [{ ParquetFile }, target] = await Promise.all([import('../parquet.js'), openFile(path!)]);
    const file = new ParquetFile(target);
    return {
      write: async (report) => {
        if (report.records) file.add(report.records);
      },
      close: () => file.commit(),
      abort: () => file.abort(),
    };
  },
};
