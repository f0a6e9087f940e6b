import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, start, tmp } from '../scale/helpers.js';

// Ctrl-C and SIGTERM are answered while a large report is being worked on:
// the run ends with status 130, the previous output stays as it was, and no
// temporary file is left behind.

const sample = readFileSync(join(root, 'corpus/004_0e2c762dda60d019.txt'), 'utf8');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  describe(`${signal} during a large report`, () => {
    it('ends the run with 130 and leaves the target as it was', async () => {
      const dir = tmp();
      const big = join(dir, 'big.txt');
      writeFileSync(big, sample.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(sample))));
      const out = join(dir, 'metrics.jsonl');
      writeFileSync(out, 'previous\n');
      const child = start(['extract', big, '--out', out, '--quiet']);
      const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
      // Signal once the run has opened its temporary file, i.e. it is at work on the report.
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (readdirSync(dir).some((f) => f.includes('.tmp-'))) {
            clearInterval(timer);
            setTimeout(resolve, 300);
          }
        }, 10);
      });
      child.kill(signal);
      const ended = await exit;
      expect(ended.code).toBe(130);
      expect(readFileSync(out, 'utf8')).toBe('previous\n');
      expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
      expect(existsSync(big)).toBe(true);
    }, 60000);
  });
}
