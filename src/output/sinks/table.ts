import type { Sink, SinkType } from '../sink.js';
import { renderSummary, type ReportSummary } from '../summary.js';
import { openTarget } from '../target.js';

/** Only the per-report summary table (metrics by theme and by dimension, placeholders left). */
export const table: SinkType = {
  format: 'table',
  extensions: ['.txt'],
  takes: 'summary',
  needsFile: false,
  async open(path, options): Promise<Sink> {
    const target = await openTarget(path);
    const summaries: ReportSummary[] = [];
    return {
      write: async (report) => {
        summaries.push(report.summary);
      },
      // The table is drawn only at the end, when it is shown.
      close: async () => {
        await target.write(renderSummary(summaries, options.lang));
        await target.commit();
      },
      abort: () => target.abort(),
    };
  },
};
