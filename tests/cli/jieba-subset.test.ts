import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, root } from '../scale/helpers.js';

// A run of one small report loads only the dictionary words in its text
// (context/jieba.ts): every cut and tag must be what the whole dictionary
// gives, so every record is the same byte for byte.

function extract(file: string, env: Record<string, string>): string {
  const r = spawnSync(process.execPath, [bin, 'extract', file, '--lang', 'en'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('the dictionary of one report', () => {
  for (const name of readdirSync(join(root, 'corpus')).sort()) {
    it(`gives the records the whole dictionary gives: ${name}`, () => {
      const file = join('corpus', name);
      const whole = extract(file, { REPORT_METRICS_JIEBA: 'full' });
      expect(whole.length).toBeGreaterThan(0);
      expect(extract(file, {})).toBe(whole);
    });
  }
});
