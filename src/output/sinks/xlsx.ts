import type { ReportRecord } from '../../records/schema.js';
import type { Sink, SinkType } from '../sink.js';
import type { ReportSummary } from '../summary.js';
import { openTarget } from '../target.js';

/** The workbook analysts open, built whole at the end, its reports table a sheet of its own. exceljs loads only for the runs that ask for it. */
export const xlsx: SinkType = {
  format: 'xlsx',
  extensions: ['.xlsx'],
  takes: 'records',
  needsFile: true,
  async open(path, options): Promise<Sink> {
    const [{ buildWorkbook }, target] = await Promise.all([import('../xlsx.js'), openTarget(path)]);
    const records: ReportRecord[] = [];
    const summaries: ReportSummary[] = [];
    return {
      write: async (report) => {
        summaries.push(report.summary);
        if (report.records) for (const r of report.records) records.push(r);
      },
      close: async () => {
        await target.write(await buildWorkbook(records, summaries, options.lang));
        await target.commit();
      },
      abort: () => target.abort(),
    };
  },
};
