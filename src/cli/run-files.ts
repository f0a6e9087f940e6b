import { extractFile, InputError, type ExtractResult, type PipelineOptions } from '../pipeline.js';
import { collectInputs, type InputFile } from '../read/walk.js';

export interface FileFailure {
  file: string;
  reason: string;
}

/**
 * Runs the pipeline over every report under `paths`, in sorted order,
 * calling `onResult` as each finishes. A report that cannot be read is
 * reported on stderr and skipped; the others still run.
 */
export async function forEachReport(
  paths: string[],
  options: PipelineOptions,
  onResult: (input: InputFile, result: ExtractResult) => Promise<void> | void,
): Promise<FileFailure[]> {
  const failures: FileFailure[] = [];
  const { files, problems } = await collectInputs(paths);
  for (const p of problems) failures.push(reportFailure(p.path, p.reason));
  for (const input of files) {
    let result: ExtractResult;
    try {
      result = await extractFile(input, options);
    } catch (err) {
      if (err instanceof InputError) {
        failures.push(reportFailure(err.path, err.reason));
        continue;
      }
      failures.push(reportFailure(input.name, `internal error: ${(err as Error).message}`));
      continue;
    }
    await onResult(input, result);
  }
  return failures;
}

export function reportFailure(file: string, reason: string): FileFailure {
  process.stderr.write(`report-metrics: ${file}: ${reason}\n`);
  return { file, reason };
}
