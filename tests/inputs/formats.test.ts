import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { extractFile, extractRead, extractText, InputError } from '../../src/pipeline.js';
import { readBytes } from '../../src/read/read-input.js';
import type { MetricRecord, ReportRecord } from '../../src/records/schema.js';
import { lines, root, run, tmp } from '../scale/helpers.js';
import { CJK_FONT, makePdf, type Block } from './make-pdf.js';

// What report folders hold besides plain text, each made here from text we
// know: PDFs typeset with a running header, page numbers and a table; a
// scanned page; RTF; Word 97 (.doc, by LibreOffice when it is installed);
// Word and HTML tables whose unit stands in a header. Each gives the amounts
// of the same text in plain form (value, unit, approx, placeholder, as
// multisets), or the test says why not.

const samples = readdirSync(join(root, 'corpus')).filter((f) => f.endsWith('.txt')).sort();
const paragraphs = (name: string) => readFileSync(join(root, 'corpus', name), 'utf8').split('\n').filter((l) => l.trim() !== '');
const table = [['指标', '面积（亩）', '产值(万元)'], ['设施蔬菜', '3000', '1250.5'], ['中药材', '1200', '860']];
const plainOf = (paras: string[], rows = table) => extractText([...paras, ...rows.map((r) => r.join('\t'))].join('\n') + '\n', 'plain.txt').records;

const key = (r: ReportRecord) => (r.kind === 'metric' ? `${r.value}|${r.unit}|${r.approx}|${r.placeholder}` : `text|${r.text}`);
function difference(a: ReportRecord[], b: ReportRecord[]): { missing: string[]; extra: string[] } {
  const left = a.map(key);
  const missing: string[] = [];
  for (const k of b.map(key)) {
    const i = left.indexOf(k);
    if (i >= 0) left.splice(i, 1);
    else missing.push(k);
  }
  return { missing, extra: left };
}

const hasFont = CJK_FONT !== null;
if (!hasFont) console.log('tests/inputs/formats: no CJK font (fonts-wqy-microhei): the PDF fixtures are skipped');

describe.skipIf(!hasFont)('PDF with a text layer', () => {
  for (const name of samples) {
    it(`${name} typeset to pages gives its text's amounts, each on its page, the table's by its headers`, async () => {
      const paras = paragraphs(name);
      // The table stands after the opening paragraphs: a web page's related-article list may close a sample, and its tail is furniture.
      const at = Math.min(4, paras.length);
      const blocks: Block[] = [{ heading: paras[0]! }, ...paras.slice(1, at).map((p) => ({ paragraph: p })), { table }, ...paras.slice(at).map((p) => ({ paragraph: p }))];
      const read = await readBytes('report.pdf', await makePdf(blocks, { header: 'XX县人民政府办公室文件' }));
      const records = extractRead(read, 'report.pdf').records;
      const plain = extractText([...paras.slice(0, at), ...table.map((r) => r.join('\t')), ...paras.slice(at)].join('\n') + '\n', 'plain.txt').records;
      expect(difference(records, plain)).toEqual({ missing: [], extra: [] });
      // Running header and page numbers are furniture, not text.
      expect(read.text).not.toContain('XX县人民政府办公室文件');
      expect(read.text).not.toMatch(/— \d+ —/);
      expect(read.pages).toBeGreaterThanOrEqual(1);
      const pages = records.map((r) => r.page!);
      expect(pages.every((p) => p >= 1 && p <= read.pages!)).toBe(true);
      expect([...pages].sort((a, b) => a - b)).toEqual(pages);
      const cell = records.find((r): r is MetricRecord => r.kind === 'metric' && r.text === '1250.5')!;
      expect(cell).toMatchObject({ value: 12505000, unit: '元', subject: '设施蔬菜产值', table: { row: 2, column: 3 }, format: 'pdf' });
    }, 60000);
  }

  it('of an official document matches its clean text on at least 99 % of characters, in order', async () => {
    const pdf = new URL('../../../shared/bench-corpus/pdf/govdoc-cn-397.pdf', import.meta.url).pathname;
    if (!existsSync(pdf)) {
      console.log('tests/inputs/formats: ../shared/bench-corpus/pdf is absent; the official document is skipped');
      return;
    }
    const read = await readBytes('govdoc.pdf', readFileSync(pdf));
    const got = read.text.replace(/\s/g, '');
    const want = readFileSync(pdf.replace(/\.pdf$/, '.txt'), 'utf8').replace(/\s/g, '');
    const share = commonInOrder(got, want) / want.length;
    console.log(`tests/inputs/formats: the official document's PDF gives ${(share * 100).toFixed(1)} % of its clean text's characters, in order`);
    expect(share).toBeGreaterThanOrEqual(0.99);
  });

  it('names its scanned pages, reads the others, and refuses a PDF that is all scans', async () => {
    const paras = ['全镇新建道路12公里，培训农民300人次。', '改造危房X户，完成投资1.2亿元。'];
    const mixed = await readBytes('mixed.pdf', await makePdf([{ paragraph: paras[0]! }, { pageBreak: true }, { image: true }, { pageBreak: true }, { paragraph: paras[1]! }]));
    expect(mixed.warnings).toEqual(['pages 2 of 3 have no text layer (scanned images): their text is not read']);
    expect(extractRead(mixed, 'mixed.pdf').records.length).toBeGreaterThan(0);
    const scans = await makePdf([{ image: true }, { pageBreak: true }, { image: true }]);
    await expect(readBytes('scan.pdf', scans)).rejects.toThrow(/no text layer on any of its 2 pages/);
    // On the command line: named with the pages, counted among the warnings of the reports table.
    const dir = tmp();
    writeFileSync(join(dir, 'mixed.pdf'), await makePdf([{ paragraph: paras[0]! }, { pageBreak: true }, { image: true }]));
    writeFileSync(join(dir, 'scan.pdf'), scans);
    const r = run(['extract', dir, '--out', join(dir, 'out', 'm.jsonl'), '--lang', 'en', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mixed\.pdf: warning: pages 2 of 2 have no text layer/);
    expect(r.stderr).toMatch(/scan\.pdf: has no text layer/);
    const reports = lines(readFileSync(join(dir, 'out', 'm.reports.jsonl'), 'utf8')).map((l) => JSON.parse(l));
    expect(reports.find((x) => x.file.endsWith('mixed.pdf'))).toMatchObject({ warnings: 1, pages: 2, error: null, format: 'pdf' });
    expect(reports.find((x) => x.file.endsWith('scan.pdf')).error).toMatch(/no text layer/);
  }, 60000);

  const bench = new URL('../../../shared/bench-corpus/reports/', import.meta.url).pathname;
  it('of real work reports printed to PDF agrees with their text on at least 98 % of mentions', async () => {
    if (!existsSync(bench)) {
      console.log('tests/inputs/formats: ../shared/bench-corpus/reports is absent; skipped');
      return;
    }
    let agreed = 0;
    let total = 0;
    for (const f of readdirSync(bench).filter((n) => n.startsWith('prov2025_')).sort().slice(0, 6)) {
      const paras = readFileSync(join(bench, f), 'utf8').split('\n').filter((l) => l.trim() !== '');
      const fromPdf = extractRead(await readBytes(`${f}.pdf`, await makePdf([{ heading: paras[0]! }, ...paras.slice(1).map((p) => ({ paragraph: p }))], { header: paras[0] })), `${f}.pdf`).records;
      const plain = extractText(paras.join('\n') + '\n', f).records;
      total += plain.length;
      agreed += plain.length - difference(fromPdf, plain).missing.length;
    }
    expect(total).toBeGreaterThan(1000);
    console.log(`tests/inputs/formats: real work reports printed to PDF agree with their text on ${agreed} of ${total} mentions (${((agreed / total) * 100).toFixed(1)} %)`);
    expect(agreed / total).toBeGreaterThanOrEqual(0.98);
  }, 180000);
});

/** Characters of `want` found in `got` in the same order (the longest common subsequence). */
function commonInOrder(got: string, want: string): number {
  let prev = new Uint32Array(want.length + 1);
  let cur = new Uint32Array(want.length + 1);
  for (let i = 1; i <= got.length; i++) {
    for (let j = 1; j <= want.length; j++) cur[j] = got[i - 1] === want[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    [prev, cur] = [cur, prev];
  }
  return prev[want.length]!;
}

/** RTF as Word writes Chinese: \uN escapes, paragraphs, a table of \cell and \row. */
function rtfOf(paras: string[], rows: string[][]): string {
  const esc = (s: string) => [...s].map((ch) => (ch.charCodeAt(0) > 127 ? `\\u${ch.charCodeAt(0) > 32767 ? ch.charCodeAt(0) - 65536 : ch.charCodeAt(0)}?` : ch.replace(/[\\{}]/g, (c) => `\\${c}`))).join('');
  const body = paras.map((p) => `\\pard ${esc(p)}\\par\n`).join('');
  const table = rows.map((r) => `\\trowd${r.map((_, i) => `\\cellx${(i + 1) * 2000}`).join('')}\n\\intbl ${r.map((c) => `${esc(c)}\\cell `).join('')}\\row\n`).join('');
  return `{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}{\\*\\generator report-metrics tests;}{\\info{\\title ${esc(paras[0]!)}}}\\uc1\n${body}${table}}`;
}

describe('RTF', () => {
  it('gives the amounts of its text, with its table cells, and none of its markup', async () => {
    const paras = paragraphs(samples[4]!);
    const read = await readBytes('report.rtf', Buffer.from(rtfOf(paras, table), 'latin1'));
    expect(read.format).toBe('rtf');
    expect(read.text).not.toMatch(/\\u\d|fonttbl|SimSun|cellx/);
    const records = extractRead(read, 'report.rtf').records;
    expect(difference(records, plainOf(paras))).toEqual({ missing: [], extra: [] });
  });

  it('is read as RTF whatever its name', async () => {
    const read = await readBytes('report.doc', Buffer.from(rtfOf(['全镇新建道路12公里。'], [['a', 'b']]), 'latin1'));
    expect(read.format).toBe('rtf');
    expect(extractRead(read, 'report.doc').records.map((r) => r.text)).toEqual(['12公里']);
  });
});

async function docxOf(paras: string[], rows: string[][]): Promise<Buffer> {
  const doc = new Document({
    sections: [{
      children: [
        ...paras.map((l) => new Paragraph(l)),
        new Table({ rows: rows.map((row) => new TableRow({ children: row.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0);
if (!soffice) console.log('tests/inputs/formats: LibreOffice is not installed: the .doc fixture is skipped');

describe.skipIf(!soffice)('Word 97 (.doc) and WPS', () => {
  it('a .doc saved by LibreOffice gives the amounts of the .docx it was made from, table included', async () => {
    const dir = tmp();
    const paras = paragraphs(samples[0]!);
    writeFileSync(join(dir, 'report.docx'), await docxOf(paras, table));
    execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'doc', '--outdir', join(dir, 'out'), join(dir, 'report.docx')], { stdio: 'ignore', timeout: 120000 });
    const doc = join(dir, 'out', 'report.doc');
    const fromDoc = (await extractFile({ path: doc, name: 'report.doc' })).records;
    expect(fromDoc.every((r) => r.format === 'doc')).toBe(true);
    expect(difference(fromDoc, plainOf(paras))).toEqual({ missing: [], extra: [] });
    // The same bytes named .wps (WPS Office writes this format) or .txt are read as what they are.
    for (const name of ['report.wps', 'report.txt']) {
      const read = await readBytes(name, readFileSync(doc));
      expect(read.format).toBe('doc');
    }
  }, 180000);
});

describe('Word 97 and WPS files that cannot be read', () => {
  it('are named with the reason', async () => {
    await expect(readBytes('old.wps', Buffer.from('WPS 2000 document body, not a compound file'))).rejects.toThrow(InputError);
    await expect(readBytes('old.wps', Buffer.from('WPS 2000 document body, not a compound file'))).rejects.toThrow(/older WPS file/);
  });
});

describe('tables whose unit stands in a header', () => {
  const rows = [['指标', '2024年目标', '2024年完成', '增长(%)'], ['粮食产量', '52', '53.5', '2.9']];
  const captioned = [['单位：万吨', '', '', ''], ...rows.slice(0, 2)];

  it('in Word, HTML, PDF and text give the same metrics, with the caption unit, subject, status and period', async () => {
    const expected = ['52|万吨→520000|target|粮食产量|2024', '53.5|万吨→535000|actual|粮食产量|2024', '2.9|%→2.9|actual|粮食产量增长|2024'];
    const describe = (records: ReportRecord[]) =>
      records.filter((r): r is MetricRecord => r.kind === 'metric' && r.table !== null).map((r) => `${r.text}|${r.unitAsWritten}→${r.value}|${r.status}|${r.subject}|${r.period?.to}`);
    const text = extractText(`主要指标\n${captioned.map((r) => r.join('\t')).join('\n')}\n`, 't.txt').records;
    expect(describe(text)).toEqual(expected);
    const word = (await readBytes('t.docx', await docxOf(['主要指标'], captioned)));
    expect(describe(extractRead(word, 't.docx').records)).toEqual(expected);
    const html = `<html><body><article><p>主要指标</p><p>单位：万吨</p><table>${rows.slice(0, 2).map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table></article></body></html>`;
    expect(describe(extractRead(await readBytes('t.html', Buffer.from(html)), 't.html').records)).toEqual(expected);
    if (hasFont) {
      const pdf = await readBytes('t.pdf', await makePdf([{ paragraph: '主要指标' }, { paragraph: '单位：万吨' }, { table: rows.slice(0, 2) }]));
      expect(describe(extractRead(pdf, 't.pdf').records)).toEqual(expected);
    }
    const markdown = `主要指标\n\n单位：万吨\n\n| ${rows[0]!.join(' | ')} |\n| --- | --- | --- | --- |\n| ${rows[1]!.join(' | ')} |\n`;
    expect(describe(extractRead(await readBytes('t.md', Buffer.from(markdown)), 't.md').records)).toEqual(expected);
  }, 60000);

  it('leave years, serial numbers and codes in cells alone, and number cells with a unit of their own as usual', () => {
    const t = ['序号\t年份\t项目\t面积（亩）\t编码', '1\t2023\t高标准农田\t3000\t410102', '2\t2024\t设施蔬菜\t12万亩\t410103'].join('\n') + '\n';
    const records = extractText(t, 't.txt').records as MetricRecord[];
    expect(records.map((r) => [r.text, r.value, r.unit, r.subject, r.table?.row, r.table?.column])).toEqual([
      ['3000', 3000, '亩', '高标准农田面积', 2, 4],
      ['12万亩', 120000, '亩', expect.any(String), 3, 4],
    ]);
  });
});

describe('a folder of every format', () => {
  it('is read with one command; what is not a report is listed in one line', async () => {
    const dir = tmp();
    const paras = paragraphs(samples[0]!).slice(0, 6);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.txt'), paras.join('\n'));
    writeFileSync(join(dir, 'b.md'), paras.join('\n\n'));
    writeFileSync(join(dir, 'c.docx'), await docxOf(paras, table));
    writeFileSync(join(dir, 'd.html'), `<html><body><article>${paras.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
    writeFileSync(join(dir, 'sub', 'e.rtf'), rtfOf(paras, table), 'latin1');
    if (hasFont) writeFileSync(join(dir, 'sub', 'f.pdf'), await makePdf(paras.map((p) => ({ paragraph: p }))));
    writeFileSync(join(dir, 'budget.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    writeFileSync(join(dir, 'slides.ppt'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    writeFileSync(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
    const r = run(['extract', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    const formats = new Set(lines(r.stdout).map((l) => JSON.parse(l).format));
    expect([...formats].sort()).toEqual(hasFont ? ['docx', 'html', 'md', 'pdf', 'rtf', 'txt'] : ['docx', 'html', 'md', 'rtf', 'txt']);
    expect(r.stderr).toMatch(/skipped 3 files it does not read: \.jpg, \.ppt, \.xls|skipped 3 files it does not read: \.(jpg|ppt|xls), \.(jpg|ppt|xls), \.(jpg|ppt|xls)/);
    expect(r.stderr.split('\n').filter((l) => l.includes('skipped'))).toHaveLength(1);
  }, 60000);
});
