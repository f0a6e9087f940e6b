import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wantsAWorker } from '../../src/run/early-workers.js';
import { ONE_THREAD_BYTES } from '../../src/run/inputs.js';

// A run without --jobs starts one worker before the walk when it will want
// one, so the worker's start overlaps the walk (src/run/early-workers.ts).

const dir = mkdtempSync(join(tmpdir(), 'early-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const small = join(dir, 'small.txt');
writeFileSync(small, '全县建设高标准农田3000亩。');
const big = join(dir, 'big.txt');
writeFileSync(big, Buffer.alloc(ONE_THREAD_BYTES, 0x31));

describe('whether a run starts a worker before its walk', () => {
  it('does for a folder', () => expect(wantsAWorker([dir])).toBe(true));
  it('does not for one small file, nor for standard input', () => expect(wantsAWorker([small, '-'])).toBe(false));
  it('does for files that together pass the size a worker pays for', () => expect(wantsAWorker([small, big])).toBe(true));
  it('does not for one file that one thread runs as fast (the same answer chooseJobs gives it)', () => expect(wantsAWorker([big])).toBe(false));
  it('leaves a path that does not exist to the walk', () => expect(wantsAWorker([join(dir, 'missing.txt')])).toBe(false));
});
