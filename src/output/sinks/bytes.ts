import { encoderFor, type RecordEncoding } from '../encoders.js';
import { openReportsFile, type ReportsFile } from '../reports.js';
import type { Sink, SinkType } from '../sink.js';
import { openTarget } from '../target.js';

/** A format whose records are encoded in the workers and written as they come (JSON Lines, CSV), with the reports table beside them. */
export function byteSink(format: RecordEncoding, extensions: string[]): SinkType {
  return {
    format,
    extensions,
    takes: format,
    needsFile: false,
    async open(path, options): Promise<Sink> {
      const target = await openTarget(path);
      let reports: ReportsFile | null = null;
      try {
        reports = options.reports ? await openReportsFile(options.reports, format, options.lang) : null;
      } catch (err) {
        await target.abort();
        throw err;
      }
      await target.write(encoderFor(format, options.lang).header());
      return {
        write: async (report) => {
          if (report.bytes && report.bytes.length > 0) await target.write(report.bytes);
          await reports?.add(report.summary);
        },
        close: async () => {
          await target.commit();
          await reports?.commit();
        },
        abort: async () => {
          await target.abort();
          await reports?.abort();
        },
      };
    },
  };
}
