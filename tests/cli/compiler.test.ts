import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bin, root } from '../scale/helpers.js';

// The CLI raises V8's compiler budget (src/cli/compiler.ts) for speed
// only: the records are the same whichever budget compiled the code.

function extract(env: Record<string, string>): string {
  const r = spawnSync(process.execPath, [bin, 'extract', 'corpus', '--lang', 'en'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  expect(r.status).toBe(0);
  return r.stdout;
}

describe("V8's compiler budget", () => {
  it('changes no record of the samples', () => {
    const tuned = extract({});
    expect(tuned.split('\n').length).toBeGreaterThan(250);
    expect(extract({ REPORT_METRICS_V8: 'default' })).toBe(tuned);
  });
});
