import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunStats } from '../run/clock.js';

// Whole-process runs for the benches: each configuration a fresh node, its
// figures from `--stats json`, the best of RUNS with the configurations
// taking turns, so a machine that gets busier over the minutes favours none.

export const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
export const cli = join(root, 'dist', 'cli', 'main.js');
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
export const scratch = mkdtempSync(join(tmpdir(), 'report-metrics-bench-'));

/** What `--stats json` prints. */
export type CliStats = RunStats;

export interface Config {
  label: string;
  args: string[];
  /** The script to run, when it is not the CLI. */
  script?: string;
  /** Environment variables of this configuration's runs. */
  env?: Record<string, string>;
}

export interface Best {
  seconds: number;
  stats: CliStats;
}

export function runCli(args: string[], script = cli, env: Record<string, string> = {}): { seconds: number; stats: CliStats | null; status: number | null } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, REPORT_METRICS_LANG: 'en', ...env } });
  const seconds = (performance.now() - started) / 1000;
  const line = r.stderr.split('\n').find((l) => l.startsWith('stats '));
  return { seconds, stats: line ? (JSON.parse(line.slice(6)) as CliStats) : null, status: r.status };
}

/** The fastest of RUNS runs of each configuration, each writing JSON Lines to a scratch file. */
export function bestRuns(configs: Config[]): Best[] {
  const best: Array<Best | null> = configs.map(() => null);
  for (let run = 0; run < RUNS; run++) {
    configs.forEach((config, k) => {
      const out = join(scratch, 'out.jsonl');
      const r = runCli([...config.args, '--out', out, '--quiet', '--stats', 'json'], config.script, config.env);
      rmSync(out, { force: true });
      rmSync(join(scratch, 'out.reports.jsonl'), { force: true });
      if (!r.stats || (r.status !== 0 && r.status !== 1)) throw new Error(`${config.label}: extract failed (${r.status})`);
      if (!best[k] || r.stats.seconds < best[k]!.stats.seconds) best[k] = { seconds: r.seconds, stats: r.stats };
    });
  }
  return best as Best[];
}

export function bestOf(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

export const mbPerSecond = (s: CliStats) => s.bytes / 1e6 / s.seconds;

/** The folders to measure: those given, else the benchmark corpus (its reports, then the whole); null when there is none. */
export function corpora(given: string[]): Array<[string, string[]]> | null {
  const shared = join(root, '..', 'shared', 'bench-corpus');
  if (given.length > 0) return [[given.join(' '), given.map((p) => resolve(p))]];
  if (!existsSync(shared)) return null;
  return [['bench-corpus/reports', [join(shared, 'reports')]], ['bench-corpus (whole)', [shared]]];
}

export function cleanUp(): void {
  rmSync(scratch, { recursive: true, force: true });
}
