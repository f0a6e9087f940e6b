import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Approx, Dimension, Period, Status } from '../records/schema.js';

/** A line of a gold file, in the format of docs/EXTRACTION.md section 4. */
export const GoldEntry = z.object({
  doc: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  line: z.number().int().optional(),
  text: z.string(),
  kind: z.enum(['metric', 'text']),
  value: z.number().nullable().optional(),
  valueMax: z.number().nullable().optional(),
  unit: z.string().nullable().optional(),
  approx: Approx.optional(),
  placeholder: z.boolean().optional(),
  dimension: Dimension.optional(),
  per: z.string().nullable().optional(),
  subject: z.string().nullable().optional(),
  status: Status.optional(),
  period: Period.nullable().optional(),
  optional: z.boolean().optional(),
});
export type GoldEntry = z.infer<typeof GoldEntry>;

export class GoldFormatError extends Error {}

/** Every `*.jsonl` gold file in `dir`, grouped by the document it annotates. */
export async function readGoldDir(dir: string): Promise<Map<string, GoldEntry[]>> {
  const byDoc = new Map<string, GoldEntry[]>();
  const names = (await readdir(dir)).filter((n) => n.endsWith('.jsonl')).sort();
  for (const name of names) {
    const lines = (await readFile(join(dir, name), 'utf8')).split(/\r?\n/);
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new GoldFormatError(`${join(dir, name)}:${i + 1}: not valid JSON`);
      }
      const entry = GoldEntry.safeParse(parsed);
      if (!entry.success) throw new GoldFormatError(`${join(dir, name)}:${i + 1}: ${entry.error.issues[0]?.message ?? 'invalid entry'}`);
      const list = byDoc.get(entry.data.doc) ?? [];
      list.push(entry.data);
      byDoc.set(entry.data.doc, list);
    });
  }
  return byDoc;
}
