import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tmp } from '../scale/helpers.js';

// A file the tool cannot read is never skipped in silence, and a run that
// read nothing does not pass.

function folderOf(names: string[]): string {
  const dir = tmp();
  for (const name of names) writeFileSync(join(dir, name), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
  return dir;
}

describe('files that are not reports', () => {
  it('are named in one line, and extract and lint exit 2 when nothing could be read', () => {
    const dir = folderOf(['a.xls', 'b.xls', 'c.ppt']);
    const extract = run(['extract', '--lang', 'en', dir]);
    expect(extract.code).toBe(2);
    expect(extract.stderr).toMatch(/skipped 3 files it does not read: \.xls ×2, \.ppt/);
    expect(extract.stderr).toContain('no report to read');
    const lint = run(['lint', dir, '--lang', 'en']);
    expect(lint.code).toBe(2);
    expect(lint.stderr).toMatch(/skipped 3 files/);
    expect(lint.stderr).toContain('nothing to check');
  });

  it('are listed beside the reports of a mixed folder, whose records are all there', () => {
    const dir = folderOf(['old.xls']);
    writeFileSync(join(dir, 'report.txt'), '全镇新建道路12公里。');
    const r = run(['extract', '--lang', 'en', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/skipped 1 file it does not read: \.xls/);
    expect(JSON.parse(r.stdout).text).toBe('12公里');
  });

  it('leave out Word lock files without a word', () => {
    const dir = tmp();
    writeFileSync(join(dir, '~$报告.docx'), Buffer.from([0x00, 0x01]));
    writeFileSync(join(dir, 'report.txt'), '全镇新建道路12公里。');
    const r = run(['extract', '--lang', 'en', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('named on the command line with an ending no reader knows are refused by name, not read as text', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'budget.xlsx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64)]));
    const r = run(['extract', '--lang', 'en', join(dir, 'budget.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('budget.xlsx: is a .xlsx file, a format report-metrics does not read');
  });

  it('a lint of ignored files only checks nothing, and says so', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, '.reportmetricsignore'), 'templates/\n');
    writeFileSync(join(dir, 'templates', 't.txt'), '新建X个。\n');
    const r = run(['lint', join(dir, 'templates'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('every file is ignored');
    expect(readFileSync(join(dir, 'templates', 't.txt'), 'utf8')).toBe('新建X个。\n');
  });
});
