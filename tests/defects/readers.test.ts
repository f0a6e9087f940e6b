import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, run, tmp } from '../scale/helpers.js';
import { deepPage, docxOf, inflatingDocx, lyingDocx, widePage } from './bounded-readers.js';

// Each reader is bounded and linear: a file built to exhaust it fails on
// its own with a clear message, and the other files' records are whole.
// (How long each takes is measured by `npm run bench:readers`, not here.)

function withGood(dir: string): string {
  writeFileSync(join(dir, 'good.txt'), '全镇新建道路12公里，培训农民300人次。');
  return join(dir, 'good.txt');
}

describe('a Word file that inflates to 400 MB', () => {
  it('fails alone, named, with the bound it passed; the run goes on', () => {
    const dir = tmp();
    const bomb = inflatingDocx(400);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    writeFileSync(join(dir, 'bomb.docx'), bomb);
    const good = withGood(dir);
    const r = run(['extract', '--lang', 'en', dir, '--jobs', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bomb\.docx: has a part \(word\/document\.xml\) of 40\d MB uncompressed, more than the 64 MB allowed: not read/);
    expect(lines(r.stdout).filter((l) => JSON.parse(l).file === good)).toHaveLength(2);
  }, 60000);

  it('whose directory lies about its size is stopped at the bound all the same', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'liar.docx'), lyingDocx(100));
    const r = run(['extract', '--lang', 'en', join(dir, 'liar.docx'), withGood(dir)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/liar\.docx: (is not a readable Word \(\.docx\) file: .*(too many bytes|larger)|has a part .* larger than 64 MB)/);
    expect(lines(r.stdout)).toHaveLength(2);
  }, 60000);
});

describe('large and adversarial documents are read in full', () => {
  it('a Word file with a 4 MB document.xml', () => {
    const dir = tmp();
    const paragraphs = Array.from({ length: 40000 }, (_, i) => `第${i}项：新建道路${i + 1}公里。`);
    const bytes = docxOf(paragraphs);
    writeFileSync(join(dir, 'big.docx'), bytes);
    const r = run(['extract', '--lang', 'en', join(dir, 'big.docx'), '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/big\.docx\s+40000\s/);
  }, 60000);

  it('a web page of 20,000 paragraphs', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'wide.html'), widePage(20000));
    const r = run(['extract', '--lang', 'en', join(dir, 'wide.html'), '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wide\.html\s+20000\s/);
  }, 60000);

  it('a web page nested 100,000 deep', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'deep.html'), deepPage(100000));
    const r = run(['extract', '--lang', 'en', join(dir, 'deep.html')]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((l) => JSON.parse(l).text)).toEqual(['12公里', '300人次']);
  }, 60000);
});
