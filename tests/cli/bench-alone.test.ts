import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../scale/helpers.js';

// Row (h) of `npm run bench` (src/bench/alone.ts): the pipeline timed on the
// files it has not warmed up on, which must be every other file of the
// folder, and beside it jieba's cut of those same files.

describe('the benchmark\'s "pipeline alone" row', () => {
  it('times the files between those it warmed up on', () => {
    const r = spawnSync(process.execPath, [join(root, 'dist', 'bench', 'alone.js'), 'corpus'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const figures = JSON.parse(r.stdout) as { bytes: number; pipelineSeconds: number; cutSeconds: number };
    const files = readdirSync(join(root, 'corpus')).sort();
    const odd = files.filter((_, i) => i % 2 === 1).reduce((n, f) => n + statSync(join(root, 'corpus', f)).size, 0);
    expect(figures.bytes).toBe(odd);
    expect(figures.pipelineSeconds).toBeGreaterThan(0);
    expect(figures.cutSeconds).toBeGreaterThan(0);
  });
});
