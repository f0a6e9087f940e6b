import type { ReportRecord, ReportRow } from '../../records/schema.js';
import type { Sink, SinkType } from '../sink.js';
import { openFile } from '../target.js';

/** Parquet for DuckDB, Spark and pandas, the reports table a second file; hyparquet-writer loads only for the runs that ask for it. */
export const parquet: SinkType = {
  format: 'parquet',
  extensions: ['.parquet'],
  takes: 'records',
  needsFile: true,
  async open(path, options): Promise<Sink> {
    const [{ ParquetFile, RECORDS_TABLE, REPORTS_TABLE }, target] = await Promise.all([import('../parquet.js'), openFile(path!)]);
    const records = new ParquetFile<ReportRecord>(target, RECORDS_TABLE);
    let reports: InstanceType<typeof ParquetFile<ReportRow>> | null = null;
    try {
      if (options.reports) reports = new ParquetFile<ReportRow>(await openFile(options.reports), REPORTS_TABLE);
    } catch (err) {
      await records.abort();
      throw err;
    }
    return {
      write: async (report) => {
        if (report.records) records.add(report.records);
        reports?.add([report.summary]);
      },
      close: async () => {
        await records.commit();
        await reports?.commit();
      },
      abort: async () => {
        await records.abort();
        await reports?.abort();
      },
    };
  },
};
