/** One line on stderr naming a report that could not be processed, and why. */
export function reportFailure(file: string, reason: string): void {
  process.stderr.write(`report-metrics: ${file}: ${reason}\n`);
}

/** One line on stderr naming a report that was read only in part, or with a guess. */
export function reportWarnings(file: string, warnings: string[] | undefined): void {
  for (const w of warnings ?? []) process.stderr.write(`report-metrics: ${file}: warning: ${w}\n`);
}
