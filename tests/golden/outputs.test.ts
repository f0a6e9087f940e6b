import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, run, tmp } from '../scale/helpers.js';

// Every output of the five samples, and a digest of the records of the
// benchmark corpus's reports (read in place, never copied), held to files
// checked in under tests/fixtures/golden. A change to any record shows up
// here as a diff to review; `npx vitest run tests/golden -u` accepts it.

const golden = (name: string) => join(root, 'tests/fixtures/golden', name);
const benchReports = join(root, '..', 'shared', 'bench-corpus', 'reports');

describe('golden outputs of the five samples', () => {
  for (const format of ['jsonl', 'csv', 'table']) {
    it(`${format}`, async () => {
      const r = run(['extract', 'corpus', '--format', format]);
      expect(r.code).toBe(0);
      await expect(r.stdout).toMatchFileSnapshot(golden(`corpus.${format}`));
    });
  }

  it('a resumable run assembles the same JSON Lines', () => {
    const dir = tmp();
    expect(run(['extract', 'corpus', '--out', `${dir}/`, '--quiet']).code).toBe(0);
    expect(readFileSync(join(dir, 'metrics.jsonl'), 'utf8')).toBe(readFileSync(golden('corpus.jsonl'), 'utf8'));
  });
});

describe.skipIf(!existsSync(benchReports))('golden digest of the benchmark reports', () => {
  it('records of ../shared/bench-corpus/reports', async () => {
    // Given relative to the folder above the checkout: records name their file as given, and an absolute path would differ per clone.
    const r = run(['extract', 'shared/bench-corpus/reports', '--jobs', '0'], { cwd: join(root, '..') });
    expect(r.code).toBe(0);
    const digest = createHash('sha256').update(r.stdout).digest('hex');
    await expect(`${digest}  ${r.stdout.split('\n').length - 1} records\n`).toMatchFileSnapshot(golden('bench-reports.sha256'));
  }, 120000);
});
