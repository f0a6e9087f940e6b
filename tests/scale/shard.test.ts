import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashName, inShard, parseShard } from '../../src/run/shard.js';
import { lines, run, sampleFolder, tmp } from './helpers.js';

describe('--shard K/N', () => {
  const corpus = sampleFolder(12);

  it('three shards are one run, as sets of records, with no file in two shards', () => {
    const whole = lines(run(['extract', corpus, '--jobs', '0']).stdout);
    const parts = [1, 2, 3].map((k) => lines(run(['extract', corpus, '--shard', `${k}/3`, '--jobs', '0']).stdout));
    expect(parts.flat().sort()).toEqual([...whole].sort());
    const files = parts.map((p) => new Set(p.map((l) => JSON.parse(l).file)));
    for (const f of files[0]!) expect(files[1]!.has(f) || files[2]!.has(f)).toBe(false);
    expect(parts.every((p) => p.length > 0)).toBe(true);
  });

  it('shard outputs written to files concatenate into the same dataset (resumable folders too)', () => {
    const dir = tmp();
    for (const k of [1, 2, 3]) expect(run(['extract', corpus, '--shard', `${k}/3`, '--out', join(dir, `s${k}/`)]).code).toBe(0);
    const merged = [1, 2, 3].flatMap((k) => lines(readFileSync(join(dir, `s${k}`, 'metrics.jsonl'), 'utf8')));
    expect(merged.sort()).toEqual(lines(run(['extract', corpus]).stdout).sort());
  });

  it('is decided by the path relative to the input folder, so it is the same on every machine', () => {
    expect(hashName('a/b.txt')).toBe(hashName('a/b.txt'));
    // FNV-1a 32-bit reference vectors
    expect(hashName('a')).toBe(0xe40c292c);
    expect(hashName('foobar')).toBe(0xbf9cf968);
    const names = Array.from({ length: 3000 }, (_, i) => `dir/${i}.txt`);
    const counts = [1, 2, 3].map((k) => names.filter((n) => inShard(n, { index: k, count: 3 })).length);
    for (const c of counts) expect(c).toBeGreaterThan(800);
    expect(counts.reduce((a, b) => a + b)).toBe(3000);
  });

  it('rejects a malformed shard', () => {
    expect(() => parseShard('0/3')).toThrow();
    expect(() => parseShard('4/3')).toThrow();
    expect(() => parseShard('x')).toThrow();
    expect(run(['extract', corpus, '--shard', '5/3']).code).toBe(2);
  });
});
