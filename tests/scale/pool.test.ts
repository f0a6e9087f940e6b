import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { batchesOf, runAll, startWorkers } from '../../dist/run/pool.js';
import type { TaskResult } from '../../src/run/task.js';
import type { InputFile } from '../../src/read/walk.js';
import { root, tmp } from './helpers.js';

// Reports travel to workers in batches; a worker that dies takes none of
// the healthy reports of its batch with it, and the run still ends.

const crashing = new URL(`file://${join(root, 'tests/fixtures/pool/crashing-worker.mjs')}`);

function inputs(names: string[]): InputFile[] {
  const dir = tmp();
  return names.map((name) => {
    const path = join(dir, name);
    writeFileSync(path, `一、成效\n${name}建成道路12公里，培训农民300人次。\n`);
    return { path, name, size: 60 };
  });
}

async function collect(files: InputFile[], jobs: number): Promise<TaskResult[]> {
  const out: TaskResult[] = [];
  await runAll(files, { output: 'jsonl' }, { jobs, workerScript: crashing }, async (r) => {
    out.push(r);
  });
  return out;
}

describe('worker pool', () => {
  it('groups consecutive reports into batches by size', () => {
    const sized = (n: number, size: number) => Array.from({ length: n }, (_, i) => ({ path: `${i}`, name: `${i}`, size }));
    expect(batchesOf(sized(5, 100 * 1024))).toEqual([[0, 1, 2], [3, 4]]);
    expect(batchesOf(sized(130, 10)).map((b) => b.length)).toEqual([64, 64, 2]);
    expect(batchesOf([])).toEqual([]);
  });

  it('reports the file that kills a worker and delivers every other report, in order', async () => {
    const names = ['a.txt', 'crash-throw.txt', 'b.txt', 'crash-exit.txt', 'c.txt', 'd.txt'];
    for (const jobs of [1, 2]) {
      const results = await collect(inputs(names), jobs);
      expect(results.map((r) => r.input.name)).toEqual(names);
      const failed = results.filter((r) => r.error).map((r) => [r.input.name, r.error]);
      expect(failed).toEqual([
        ['crash-throw.txt', expect.stringContaining('worker crashed: boom')],
        ['crash-exit.txt', expect.stringContaining('worker exited with code 3')],
      ]);
      for (const r of results.filter((x) => !x.error)) {
        expect(r.summary.metrics).toBe(2);
        expect(new TextDecoder().decode(r.bytes)).toContain(`"file":"${r.input.name}"`);
      }
    }
  });

  it('gives the same bytes when the output ring is too small for most reports (they are handed over instead)', async () => {
    const files = inputs(Array.from({ length: 40 }, (_, i) => `r${String(i).padStart(2, '0')}.txt`));
    const gather = async (ringBytes?: number, jobs = 2) => {
      const chunks: string[] = [];
      // Bytes are copied during deliver: after it settles, ring memory may be reused.
      await runAll(files, { output: 'jsonl' }, { jobs, ringBytes }, async (r) => {
        chunks.push(new TextDecoder().decode(r.bytes));
      });
      return chunks.join('');
    };
    const inThread = await gather(undefined, 0);
    expect(inThread).toContain('"file":"r39.txt"');
    expect(await gather(4096)).toBe(inThread);
    expect(await gather()).toBe(inThread);
  });

  it('takes over workers started ahead of time, ends those it does not need, and replaces one that died waiting', async () => {
    const files = inputs(['a.txt', 'b.txt', 'c.txt']);
    const names = async (started: ReturnType<typeof startWorkers>, jobs: number) => {
      const got: string[] = [];
      await runAll(files, { output: 'jsonl' }, { jobs, started }, async (r) => {
        expect(r.error).toBeUndefined();
        got.push(r.input.name);
      });
      return got;
    };
    // Three small files make one batch: one worker is used, the other two are ended.
    const three = startWorkers(3);
    const exits = three.map(({ worker }) => once(worker, 'exit'));
    expect(await names(three, 3)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    await Promise.all(exits);
    expect(three).toHaveLength(0);
    // A worker that ended before it was given anything is let go and another started.
    const dead = startWorkers(1, { workerScript: new URL(`file://${join(root, 'tests/fixtures/pool/dead-on-arrival.mjs')}`) });
    await once(dead[0]!.worker, 'exit');
    expect(await names(dead, 1)).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });
});

