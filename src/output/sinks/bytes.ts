import { ENCODERS, type RecordEncoding } from '../encoders.js';
import type { Sink, SinkType } from '../sink.js';
import { openTarget } from '../target.js';

/** A format whose records are encoded in the workers and written as they come (JSON Lines, CSV). */
export function byteSink(format: RecordEncoding, extensions: string[]): SinkType {
  return {
    format,
    extensions,
    takes: format,
    needsFile: false,
    async open(path): Promise<Sink> {
      const target = await openTarget(path);
      await target.write(ENCODERS[format].header());
      return {
        write: async (report) => {
          if (report.bytes && report.bytes.length > 0) await target.write(report.bytes);
        },
        close: () => target.commit(),
        abort: () => target.abort(),
      };
    },
  };
}
