import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync, ftruncateSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, lines, run, tmp } from '../scale/helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const samples = readdirSync(join(root, 'corpus')).sort().map((f) => readFileSync(join(root, 'corpus', f), 'utf8'));

describe('page furniture in a plain text file', () => {
  it('a related-articles word in the middle of a draft does not cut what follows', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'draft.txt'), '城关镇工作总结\n一、主要成效\n全镇新建道路12公里。\n相关文章：\n二、存在问题\n还有X户未完成改造，上一篇报告说到的问题仍在。\n');
    const r = run(['lint', 'draft.txt', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((f: { text: string }) => f.text)).toEqual(['X户']);
  });

  it('the five samples joined into one file give as many records as the five apart', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'joined.txt'), samples.join('\n'));
    const apart = lines(run(['extract', '--lang', 'en', 'corpus'], { cwd: root }).stdout).length;
    expect(lines(run(['extract', '--lang', 'en', join(dir, 'joined.txt')]).stdout).length).toBe(apart);
  });

  it('a list of related articles at the end of a text copied from a web page is still left out, and counted', () => {
    const dir = tmp();
    const body = '城关镇工作总结\n' + '全镇新建道路12公里，培训农民300人次。\n'.repeat(5);
    writeFileSync(join(dir, 'page.txt'), body + '相关文章\n2023年城关镇工作总结（5篇）\n乡村振兴工作汇报3篇\n');
    const r = run(['extract', '--lang', 'en', join(dir, 'page.txt'), '--stats', 'json', '--quiet']);
    expect(lines(r.stdout).map((l) => JSON.parse(l).text)).not.toContain('5篇');
    expect(JSON.parse(/^stats (.*)$/m.exec(r.stderr)![1]!).furnitureLines).toBe(3);
  });
});

describe('legacy encodings', () => {
  const text = '臺北市政府工作報告：全市新建道路12公里，培訓農民300人次，改造危房50戶。'.repeat(3);
  const big5 = Buffer.from(new Uint8Array(execFileSync('python3', ['-c', `import sys; sys.stdout.buffer.write(${JSON.stringify(text)}.encode('big5'))`])));

  it('a Big5 file is told from GB18030 and read right', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'tw.txt'), big5);
    const r = run(['extract', '--lang', 'en', join(dir, 'tw.txt')]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((l) => JSON.parse(l).text).slice(0, 3)).toEqual(['12公里', '300人次', '50戶']);
  });

  it('--encoding names the encoding; an unknown name is a usage error', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'tw.txt'), big5);
    expect(lines(run(['extract', '--lang', 'en', join(dir, 'tw.txt'), '--encoding', 'big5']).stdout)).toHaveLength(9);
    const bad = run(['extract', '--lang', 'en', join(dir, 'tw.txt'), '--encoding', 'klingon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown encoding "klingon"');
  });

  it('text that reads as Chinese in no encoding is read with a warning naming --encoding', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'sjis.txt'), Buffer.from(new Uint8Array(execFileSync('python3', ['-c', `import sys; sys.stdout.buffer.write(${JSON.stringify('東京都の報告書です。道路を十二キロ新設しました。'.repeat(4))}.encode('shift_jis'))`]))));
    const r = run(['extract', '--lang', 'en', join(dir, 'sjis.txt')]);
    expect(r.stderr).toMatch(/sjis\.txt: warning: read as .*--encoding/);
  });
});

describe('special files and names', () => {
  it('a FIFO named directly is skipped with a message, not waited on', () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    writeFileSync(join(dir, 'ok.txt'), '全镇新建道路12公里。');
    const r = run(['extract', '--lang', 'en', join(dir, 'pipe.txt'), join(dir, 'ok.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pipe.txt: a named pipe (FIFO), not a file: not read');
    expect(JSON.parse(r.stdout).text).toBe('12公里');
  });

  it('a file whose name is not UTF-8 is read, and named with its bytes escaped', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    const raw = Buffer.concat([Buffer.from(join(dir, 'in') + '/'), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from('.txt')]);
    writeFileSync(raw, '全镇新建道路12公里。');
    const r = run(['extract', '--lang', 'en', join(dir, 'in')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: `${join(dir, 'in')}/\\xb1\\xa8\\xb8\\xe6.txt`, text: '12公里' });
  });

  it('a large binary file is refused from its first bytes, without reading it whole', () => {
    const dir = tmp();
    const path = join(dir, 'huge.txt');
    const fd = openSync(path, 'w');
    writeSync(fd, Buffer.from([0x00, 0x01, 0x02, 0x00, 0x00, 0x05]));
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    const small = join(dir, 'small.txt');
    writeFileSync(small, Buffer.from([0x00, 0x01, 0x02, 0x00, 0x00, 0x05]));
    const rss = (file: string) => {
      const r = run(['extract', '--lang', 'en', file, '--stats', 'json', '--jobs', '0']);
      expect(r.stderr).toMatch(/\.txt: looks like a binary file/);
      return JSON.parse(/^stats (.*)$/m.exec(r.stderr)![1]!).maxRssMB as number;
    };
    // Reading the 200 MB file would add 200 MB to the process; refusing it from its head adds nothing.
    expect(rss(path) - rss(small)).toBeLessThan(64);
  });

  it('a file larger than any report is refused by its size', () => {
    const dir = tmp();
    const path = join(dir, 'giant.txt');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 300 * 1024 * 1024);
    closeSync(fd);
    expect(run(['extract', '--lang', 'en', path]).stderr).toMatch(/giant\.txt: is 300 MB, more than the 256 MB a report may be/);
  });
});

describe('resumable runs', () => {
  it('a second run into the same folder while the first holds it is refused, naming the holder', async () => {
    const out = tmp();
    const dir = tmp();
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, `r${String(i).padStart(3, '0')}.txt`), samples[i % 5]!);
    const first = spawn(process.execPath, [bin, 'extract', dir, '--out', `${out}/`, '--jobs', '0', '--quiet']);
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        try {
          statSync(join(out, '.lock'));
          clearInterval(timer);
          resolve();
        } catch {
          // not yet
        }
      }, 5);
    });
    const second = run(['extract', '--lang', 'en', dir, '--out', `${out}/`, '--quiet']);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`is being written by process ${first.pid} on .*remove .*\\.lock`));
    await new Promise((resolve) => first.on('exit', resolve));
    expect(run(['extract', '--lang', 'en', dir, '--out', `${out}/`, '--quiet']).code).toBe(0);
  }, 60000);

  it('a same-size edit with its time put back is seen with --verify', () => {
    const dir = tmp();
    const out = tmp();
    const path = join(dir, 'r.txt');
    writeFileSync(path, '全镇新建道路12公里。');
    expect(run(['extract', '--lang', 'en', dir, '--out', `${out}/`, '--quiet']).code).toBe(0);
    // The edit keeps the size, and its time is put back exactly (as rsync -t or touch -r do).
    execFileSync('cp', ['-p', path, join(dir, '.ref')]);
    writeFileSync(path, '全镇新建道路13公里。');
    execFileSync('touch', ['-r', join(dir, '.ref'), path]);
    run(['extract', '--lang', 'en', dir, '--out', `${out}/`, '--quiet']);
    expect(readFileSync(join(out, 'metrics.jsonl'), 'utf8')).toContain('12公里');
    run(['extract', '--lang', 'en', dir, '--out', `${out}/`, '--quiet', '--verify']);
    expect(readFileSync(join(out, 'metrics.jsonl'), 'utf8')).toContain('13公里');
  });
});
