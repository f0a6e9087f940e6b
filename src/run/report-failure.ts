/** One line on stderr naming a report that could not be processed, and why. */
export function reportFailure(file: string, reason: string): void {
  process.stderr.write(`report-metrics: ${file}: ${reason}\n`);
}
