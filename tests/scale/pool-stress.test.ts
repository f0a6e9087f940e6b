import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAll } from '../../dist/run/pool.js';
import type { TaskResult } from '../../src/run/task.js';
import type { InputFile } from '../../src/read/walk.js';
import { root, tmp } from './helpers.js';

// Workers killed at random points, over many runs: every healthy report's
// records still arrive, in order, the report that crashes its worker is the
// one named, and no run hangs (each is bounded by a timeout).

const crashing = new URL(`file://${join(root, 'tests/fixtures/pool/crashing-worker.mjs')}`);

/** A small seeded generator, so a failing run can be replayed from its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

function inputs(count: number, crasher: string, at: number): InputFile[] {
  const dir = tmp();
  return Array.from({ length: count }, (_, i) => {
    const name = i === at ? `${String(i).padStart(2, '0')}-${crasher}.txt` : `${String(i).padStart(2, '0')}.txt`;
    const path = join(dir, name);
    writeFileSync(path, `一、成效\n全镇建成道路${i + 1}公里，培训农民${(i + 1) * 10}人次。\n`);
    // Sizes that make batches of a few files each.
    return { path, name, size: 70 * 1024 };
  });
}

async function runWithKills(files: InputFile[], seed: number): Promise<{ results: TaskResult[]; kills: number }> {
  const next = random(seed);
  let kills = 0;
  const results: TaskResult[] = [];
  const run = runAll(files, { output: 'jsonl' }, {
    jobs: 2,
    workerScript: crashing,
    // At most one random kill a run: a healthy report is blamed only after crashing a worker alone twice.
    onDispatch: (worker) => {
      if (kills === 0 && next() < 0.3) {
        kills++;
        setTimeout(() => void worker.terminate(), Math.floor(next() * 30));
      }
    },
  }, async (r) => {
    results.push({ ...r, bytes: r.bytes ? new Uint8Array(r.bytes) : undefined });
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`run with seed ${seed} did not end`)), 60000);
  });
  try {
    await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
  return { results, kills };
}

describe('worker pool under random kills', () => {
  const crashers = ['crash-throw', 'crash-exit', 'crash-after'];
  for (let k = 0; k < 9; k++) {
    const seed = 1000 + k;
    const crasher = crashers[k % crashers.length]!;
    it(`run ${k + 1} (seed ${seed}, ${crasher}): healthy reports delivered in order, the crashing one named`, async () => {
      const files = inputs(12, crasher, (k * 5) % 12);
      const { results } = await runWithKills(files, seed);
      expect(results.map((r) => r.input.name)).toEqual(files.map((f) => f.name));
      const failed = results.filter((r) => r.error).map((r) => r.input.name);
      const culprit = files[(k * 5) % 12]!.name;
      // crash-after answers before it throws: whether its answer or its error reaches the pool first
      // decides whether its records arrive or it is blamed, but no other report may pay for it.
      if (crasher === 'crash-after') expect(failed.filter((name) => name !== culprit)).toEqual([]);
      else expect(failed).toEqual([culprit]);
      results.forEach((r, i) => {
        if (r.error) return;
        const text = new TextDecoder().decode(r.bytes);
        expect(text).toContain(`"text":"${i + 1}公里"`);
        expect(text).toContain(`"text":"${(i + 1) * 10}人次"`);
      });
    }, 90000);
  }
});
