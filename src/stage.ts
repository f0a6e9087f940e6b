// What every stage of the processor shares.

/** A stage's input that an earlier stage must have set: a missing one is a bug in the processor's order. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`report-metrics: ${what} is not set: a stage ran out of order`);
  return value;
}
