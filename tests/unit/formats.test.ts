import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { extractFile, extractText } from '../../src/pipeline.js';
import type { ReportRecord } from '../../src/records/schema.js';

// Word and web-page inputs go through the same tree and must give the same
// metrics as the plain text they hold.

const sample = readFileSync(new URL('../../corpus/000_1cc2649785cb71b9.txt', import.meta.url), 'utf8');
const lines = sample.split('\n').filter((l) => l.trim() !== '');
const table = [['指标', '数值', '备注'], ['家庭农场', '120家', '省级示范5家'], ['土地流转', '3000亩', 'X户未签约']];
const dir = mkdtempSync(join(tmpdir(), 'report-metrics-formats-'));

const key = (r: ReportRecord) => (r.kind === 'metric' ? `${r.text}|${r.value}|${r.unit}|${r.placeholder}` : `text:${r.text}`);
const plain = extractText([...lines, ...table.map((row) => row.join('\t'))].join('\n') + '\n', 'plain.txt').records;

describe('docx', () => {
  it('gives the same metrics as the plain text, table cells included', async () => {
    const doc = new Document({
      sections: [{
        children: [
          ...lines.map((l) => new Paragraph(l)),
          new Table({ rows: table.map((row) => new TableRow({ children: row.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }),
        ],
      }],
    });
    const path = join(dir, 'report.docx');
    writeFileSync(path, await Packer.toBuffer(doc));
    const { records } = await extractFile({ path, name: 'report.docx' });
    expect(records.map(key)).toEqual(plain.map(key));
    expect(records.every((r) => r.format === 'docx')).toBe(true);
    const cell = records.find((r) => r.text === '3000亩' && r.line > lines.length)!;
    expect(cell.sentence).toContain('土地流转');
    expect(records.find((r) => r.text === 'X户')).toMatchObject({ placeholder: true });
  });

  it('names a broken Word file', async () => {
    const path = join(dir, 'broken.docx');
    writeFileSync(path, 'not a zip');
    await expect(extractFile({ path, name: 'broken.docx' })).rejects.toThrow(/broken\.docx: is not a readable Word/);
  });
});

describe('html', () => {
  it('keeps the article, drops the page around it, and gives the same metrics', async () => {
    const body = lines.map((l, i) => (i === 0 ? `<h1>${l}</h1>` : `<p>${l}</p>`)).join('\n');
    const rows = table.map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>${lines[0]}</title></head><body>
      <nav><a href="/">首页</a> 阅读量: 202 <a href="#">热门文章(10篇)</a></nav>
      <article>${body}<table>${rows}</table></article>
      <footer>版权所有 © 2024 备案号 12345678号 访问量 99999次</footer></body></html>`;
    const path = join(dir, 'report.html');
    writeFileSync(path, page);
    const { records } = await extractFile({ path, name: 'report.html' });
    expect(records.map(key)).toEqual(plain.map(key));
    expect(records.every((r) => r.format === 'html')).toBe(true);
  });
});
