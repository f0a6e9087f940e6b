import { chmodSync, mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFile, extractText } from '../../src/pipeline.js';
import { decode, DecodeError } from '../../src/read/decode.js';
import { collectInputs } from '../../src/read/walk.js';
import { work } from '../../src/work.js';
import { lines, root, run, tmp } from './helpers.js';

// Bad input never crashes the run or hangs it: each bad file gets a message
// naming it, the other files' records are complete, and the time per MB
// stays bounded on adversarial text.

const sample = readFileSync(join(root, 'corpus', '002_0ff6318cc281d4f7.txt'), 'utf8');

function checkRecords(text: string): void {
  const { records } = extractText(text, 'p.txt');
  let last = -1;
  for (const r of records) {
    expect(r.start).toBeGreaterThanOrEqual(0);
    expect(r.end).toBeGreaterThan(r.start);
    expect(r.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(r.start, r.end)).toBe(r.text);
    expect(r.start).toBeGreaterThanOrEqual(last);
    last = r.start;
    if (r.kind === 'metric' && r.value !== null) expect(Number.isFinite(r.value)).toBe(true);
  }
}

describe('properties', () => {
  const reportChars = fc.constantFrom(...'0123456789０１２３一二两三十百千万亿余多X*×_某〇%个户人万元亩年月、，。（）()-至到以上左右“”XX 第\n的镇村'.split(''));

  it('any text of report characters yields consistent records', () => {
    fc.assert(fc.property(fc.array(reportChars, { maxLength: 200 }).map((a) => a.join('')), (text) => checkRecords(text)), { numRuns: 400 });
  });

  it('any unicode text yields consistent records', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => checkRecords(text)), { numRuns: 300 });
  });

  it('sample text cut anywhere or spliced with noise yields consistent records', () => {
    fc.assert(
      fc.property(fc.nat(sample.length), fc.nat(sample.length), fc.string({ maxLength: 20 }), (a, b, noise) => {
        checkRecords(sample.slice(Math.min(a, b), Math.max(a, b)) + noise + sample.slice(0, 200));
      }),
      { numRuns: 200 },
    );
  });

  it('random bytes either decode or fail with a DecodeError, never anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        try {
          checkRecords(decode(bytes).text);
        } catch (err) {
          expect(err).toBeInstanceOf(DecodeError);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('UTF-8 cut inside its last character is read as UTF-8 without the broken tail, not as GB18030', () => {
    const bytes = Buffer.from(sample, 'utf8');
    for (const cut of [100, 101, 1000, 1001]) {
      const whole = bytes.subarray(0, cut).toString('utf8').replace(/\ufffd+$/, '');
      expect(decode(bytes.subarray(0, cut))).toEqual({ text: whole, encoding: 'utf-8' });
    }
  });
});

describe('adversarial text: time grows linearly', () => {
  const shapes: Record<string, (n: number) => string> = {
    'Chinese numerals': (n) => '一二三四五六七八九十百千万亿'.repeat(n),
    'masks': (n) => 'XXXX****____〇〇〇〇某某'.repeat(n),
    'digits and separators': (n) => '1,234,567.8,9'.repeat(n),
    'digit-only text': (n) => '1234567890'.repeat(n),
    'numeral pattern slogans': (n) => '五天四夜两推一选'.repeat(n),
    'unclosed quotes': (n) => '“三个“四个'.repeat(n),
    'ranges': (n) => '3-4-5-6至7到8'.repeat(n),
  };
  // Work, not wall time: the characters the scanning loops look at, which a busy machine cannot change.
  const steps = (text: string) => {
    const before = work.steps;
    extractText(text, 'a.txt');
    return work.steps - before;
  };

  for (const [name, make] of Object.entries(shapes)) {
    it(`${name}: four times the text takes about four times the work`, () => {
      const small = Math.max(steps(make(20000)), 1);
      const large = steps(make(80000));
      // Linear work gives a ratio near 4; a scan that starts over at every number gives 16 or more.
      expect(large / small).toBeGreaterThan(3);
      expect(large / small).toBeLessThan(5);
    });
  }
});

describe('pathological files on the command line', () => {
  const dir = tmp('report-metrics-bad-');
  const good = join(dir, 'good.txt');
  writeFileSync(good, '全镇新建农村公路12公里，培训农民300人次。\n');
  const cases: Array<[string, Buffer | string, RegExp | null]> = [
    ['random.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), /random\.txt: (looks like a binary file|is neither)/],
    ['nul.txt', Buffer.concat([Buffer.from('新建5个'), Buffer.from([0, 0, 0, 1, 2, 0])]), /nul\.txt: looks like a binary file/],
    ['image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /image\.txt: looks like a binary file/],
    ['digits.txt', '0123456789'.repeat(100000), null],
    ['truncated.txt', Buffer.from(sample, 'utf8').subarray(0, 1000), null],
  ];
  for (const [name, content] of cases) writeFileSync(join(dir, name), content);

  it('names every bad file, keeps the good one, exits 1', () => {
    const r = run(['extract', '--lang', 'en', dir, '--jobs', '0']);
    expect(r.code).toBe(1);
    for (const [, , message] of cases) if (message) expect(r.stderr).toMatch(message);
    const records = lines(r.stdout).map((l) => JSON.parse(l));
    expect(records.filter((x) => x.file === good).map((x) => x.text)).toEqual(['12公里', '300人次']);
  });

  it('a 50 MB single-line file is processed in bounded memory', () => {
    const big = join(tmp(), 'one-line.txt');
    const unit = sample.replace(/\n/g, ' ');
    const copies = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(unit));
    writeFileSync(big, unit.repeat(copies));
    const r = run(['extract', '--lang', 'en', big, '--out', join(tmp(), 'big.jsonl'), '--stats', 'json', '--quiet']);
    expect(r.code).toBe(0);
    const stats = JSON.parse(/stats (.*)/.exec(r.stderr)![1]!);
    expect(stats.records).toBeGreaterThan(copies * 60);
    expect(stats.maxRssMB).toBeLessThan(2000);
    unlinkSync(big);
  }, 120000);

  it('a folder symlink loop is reported once and not followed forever', async () => {
    const d = tmp();
    mkdirSync(join(d, 'a'));
    writeFileSync(join(d, 'a', 'r.txt'), '新建5个。');
    symlinkSync(join(d, 'a'), join(d, 'a', 'loop'));
    const { files, problems } = await collectInputs([d]);
    expect(files.map((f) => f.relative)).toEqual(['a/r.txt']);
    expect(files.map((f) => f.name)).toEqual([join(d, 'a/r.txt')]);
    expect(problems.map((p) => p.reason)).toEqual(['symbolic link loop: folder already visited']);
  });

  it('a file that disappears or cannot be read mid-run is named; the rest completes', async () => {
    const d = tmp();
    writeFileSync(join(d, 'a.txt'), '新建5个。');
    writeFileSync(join(d, 'b.txt'), '新建6个。');
    const { files } = await collectInputs([d]);
    unlinkSync(join(d, 'a.txt'));
    await expect(extractFile(files[0]!)).rejects.toThrow(/a\.txt: no such file or folder/);
    expect((await extractFile(files[1]!)).records.map((r) => r.text)).toEqual(['6个']);
    writeFileSync(join(d, 'c.txt'), '新建7个。');
    chmodSync(join(d, 'c.txt'), 0o000);
    const unreadable = { path: join(d, 'c.txt'), name: 'c.txt' };
    if (process.getuid?.() === 0) {
      // root reads anything: the closest case is a path that is a folder now
      unlinkSync(join(d, 'c.txt'));
      mkdirSync(join(d, 'c.txt'));
      await expect(extractFile(unreadable)).rejects.toThrow(/c\.txt: is a folder, not a file/);
    } else {
      await expect(extractFile(unreadable)).rejects.toThrow(/c\.txt: permission denied/);
    }
  });

  it('an output path that cannot be written fails at once with exit 2 and writes nothing', () => {
    const d = tmp();
    writeFileSync(join(d, 'blocker'), '');
    for (const out of [join(d, 'blocker', 'x.jsonl'), join(d, 'blocker', 'dir/')]) {
      const r = run(['extract', '--lang', 'en', good, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/cannot write/);
    }
  });
});
