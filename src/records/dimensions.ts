// The kinds of quantity and the qualifiers a metric has (EXTRACTION.md
// section 3), kept apart from the zod schema so that dictionaries can be
// checked against them in threads that do not load zod.

export const DIMENSIONS = [
  'area', 'money', 'persons', 'person_times', 'households', 'organizations', 'percent', 'count',
  'events', 'mass', 'length', 'volume', 'duration', 'age', 'ratio', 'power', 'energy', 'score', 'temperature',
  // Physical quantities of the legal units (GB 3100) that the spec's list does not name.
  'speed', 'data', 'frequency', 'pressure', 'electric', 'angle', 'force', 'radiation', 'light', 'amount', 'sound', 'concentration',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const APPROX = ['exact', 'about', 'over', 'under', 'range'] as const;
export type Approx = (typeof APPROX)[number];

export function isDimension(value: unknown): value is Dimension {
  return typeof value === 'string' && (DIMENSIONS as readonly string[]).includes(value);
}

/** Administrative levels of the place that issues a report (GB/T 2260, with townships and villages). */
export const LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type Level = (typeof LEVELS)[number];
