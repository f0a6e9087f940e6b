import { existsSync, readFileSync, readdirSync, appendFileSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, run, sampleFolder, start, tmp } from './helpers.js';

// A folder run killed halfway resumes where it stopped: no record missing,
// none doubled, and unchanged files are skipped on a rerun.

const corpus = sampleFolder(60);
const reference = run(['extract', '--lang', 'en', corpus, '--jobs', '0']).stdout;

async function killWhenManifestHas(dir: string, entries: number, signal: NodeJS.Signals, jobs: string): Promise<void> {
  const child = start(['extract', corpus, '--out', `${dir}/`, '--jobs', jobs, '--quiet']);
  const manifest = join(dir, 'manifest.jsonl');
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      const n = existsSync(manifest) ? readFileSync(manifest, 'utf8').split('\n').length - 1 : 0;
      if (n >= entries) {
        child.kill(signal);
        clearInterval(timer);
      }
    }, 5);
    child.on('exit', () => {
      clearInterval(timer);
      resolve();
    });
    child.on('error', reject);
  });
}

describe('--out FILE', () => {
  it('a run killed while writing leaves the previous file whole, and the next run replaces it completely', async () => {
    const dir = tmp();
    const out = join(dir, 'metrics.jsonl');
    writeFileSync(out, 'previous\n');
    const child = start(['extract', corpus, '--out', out, '--jobs', '0', '--quiet']);
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
      const timer = setInterval(() => {
        // the temporary file beside the target has received records: kill now
        const temp = readdirSync(dir).find((f) => f.includes('.tmp-'));
        if (temp && readFileSync(join(dir, temp)).length > 0) {
          child.kill('SIGKILL');
          clearInterval(timer);
        }
      }, 2);
      child.on('exit', (_code, sig) => {
        clearInterval(timer);
        resolve(sig);
      });
    });
    expect(signal).toBe('SIGKILL');
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
    // the records and the reports table beside them, neither put in place
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toHaveLength(2);
    expect(readdirSync(dir)).not.toContain('metrics.reports.jsonl');
    expect(run(['extract', '--lang', 'en', corpus, '--out', out, '--jobs', '0']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(reference);
    // the killed run's temporary file is cleared by the next run
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 60000);
});

describe('resumable folder runs', () => {
  for (const [signal, jobs] of [['SIGKILL', '0'], ['SIGKILL', '2'], ['SIGINT', '0']] as const) {
    it(`after ${signal} (jobs ${jobs}) a rerun completes with exactly the records of one clean run`, async () => {
      const dir = tmp();
      await killWhenManifestHas(dir, 40, signal, jobs);
      expect(existsSync(join(dir, 'metrics.jsonl'))).toBe(false);
      const done = lines(readFileSync(join(dir, 'manifest.jsonl'), 'utf8')).length;
      expect(done).toBeGreaterThanOrEqual(40);
      expect(done).toBeLessThan(300);
      const rerun = run(['extract', '--lang', 'en', corpus, '--out', `${dir}/`, '--jobs', jobs]);
      expect(rerun.code).toBe(0);
      const skipped = Number(/(\d+) unchanged and skipped/.exec(rerun.stdout)?.[1]);
      expect(skipped).toBeGreaterThanOrEqual(done - 1);
      expect(readFileSync(join(dir, 'metrics.jsonl'), 'utf8')).toBe(reference);
      expect(readdirSync(join(dir, 'parts')).filter((f) => f.includes('.tmp-'))).toEqual([]);
    }, 60000);
  }

  it('a rerun skips unchanged files, redoes changed ones, and tolerates a torn manifest line', () => {
    const dir = tmp();
    expect(run(['extract', '--lang', 'en', corpus, '--out', `${dir}/`]).code).toBe(0);
    const again = run(['extract', '--lang', 'en', corpus, '--out', `${dir}/`]);
    expect(again.stdout).toMatch(/0 processed, 300 unchanged and skipped/);
    // touched but identical content: skipped by its hash; edited: processed again
    const first = join(corpus, 'part-0', '0000-000_1cc2649785cb71b9.txt');
    utimesSync(first, new Date(), new Date(Date.now() + 5000));
    const edited = join(corpus, 'part-1', '0001-002_0ff6318cc281d4f7.txt');
    const original = readFileSync(edited, 'utf8');
    writeFileSync(edited, original.replace('X户', '12户'));
    appendFileSync(join(dir, 'manifest.jsonl'), '{"name": "torn');
    const third = run(['extract', '--lang', 'en', corpus, '--out', `${dir}/`]);
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/1 processed, 299 unchanged and skipped/);
    expect(readFileSync(join(dir, 'metrics.jsonl'), 'utf8')).toContain('"text":"12户"');
    writeFileSync(edited, original);
  });
});
