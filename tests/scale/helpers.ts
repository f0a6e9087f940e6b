import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;
export const bin = join(root, 'dist/cli/main.js');

export function tmp(prefix = 'report-metrics-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function run(args: string[], opts: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: opts.cwd, input: opts.input, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, LANG: 'C.UTF-8' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

export function start(args: string[]) {
  return spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A folder of `copies` × the five samples, with digits varied per copy, in nested folders. */
export function sampleFolder(copies: number): string {
  const dir = tmp('report-metrics-corpus-');
  const samples = readdirSync(join(root, 'corpus')).sort();
  for (let c = 0; c < copies; c++) {
    const sub = join(dir, `part-${c % 7}`);
    mkdirSync(sub, { recursive: true });
    for (const s of samples) {
      const text = readFileSync(join(root, 'corpus', s), 'utf8').replace(/\d/g, (d) => String((Number(d) + c) % 10));
      writeFileSync(join(sub, `${String(c).padStart(4, '0')}-${s}`), text);
    }
  }
  return dir;
}

export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}
