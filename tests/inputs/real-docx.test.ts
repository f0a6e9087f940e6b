import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import type { ReportRecord } from '../../src/records/schema.js';

// The 31 provincial reports of 2025 as published .docx files (read in place
// from ../shared/bench-corpus, never copied) give the same amounts as their
// text in reports/prov2025_*.txt: value, unit, approx and placeholder, as
// multisets. The text files were made from these Word files; each pair is
// found by the report's title, its first line.

const base = new URL('../../../shared/bench-corpus/', import.meta.url).pathname;
const present = existsSync(join(base, 'docx')) && existsSync(join(base, 'reports'));
if (!present) console.log('tests/inputs/real-docx: ../shared/bench-corpus is absent; skipped');

const key = (r: ReportRecord) => (r.kind === 'metric' ? `${r.value}|${r.unit}|${r.approx}|${r.placeholder}` : `text|${r.text}`);
const counts = (records: ReportRecord[]) => {
  const m = new Map<string, number>();
  for (const r of records) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
};

describe.skipIf(!present)('published Word reports', () => {
  const texts = present ? readdirSync(join(base, 'reports')).filter((f) => f.startsWith('prov2025_')) : [];
  const byTitle = new Map(texts.map((t) => [readFileSync(join(base, 'reports', t), 'utf8').split('\n')[0]!.trim(), t]));
  const docs = present ? readdirSync(join(base, 'docx')).filter((f) => f.endsWith('.docx')) : [];

  it('are 31, each with its text file', () => {
    expect(docs).toHaveLength(31);
    expect(byTitle.size).toBe(31);
  });

  for (const doc of docs) {
    it(`${doc} reads without error and gives its text's amounts`, async () => {
      const { records, read } = await extractFile({ path: join(base, 'docx', doc), name: doc });
      const title = read.text.split('\n')[0]!.trim();
      const txt = byTitle.get(title);
      expect(txt, `a text file titled ${title}`).toBeDefined();
      const plain = (await extractFile({ path: join(base, 'reports', txt!), name: txt! })).records;
      expect(counts(records)).toEqual(counts(plain));
      expect(records.filter((r) => r.kind === 'metric').length).toBeGreaterThan(50);
    });
  }
});
