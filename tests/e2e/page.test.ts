import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/serve/server.js';
import { extractFile } from '../../src/pipeline.js';

// The editors' page in headless Chromium (Debian's package; .ci/run installs
// it). Without the browser the suite is skipped and says why.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasBrowser = existsSync(CHROMIUM);
const root = new URL('../../', import.meta.url).pathname;
const sample = join(root, 'corpus', '002_0ff6318cc281d4f7.txt');

describe.skipIf(!hasBrowser)(hasBrowser ? 'the serve page in Chromium' : `the serve page — SKIPPED: no browser at ${CHROMIUM} (apt-get install chromium)`, () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let page: Page;

  beforeAll(async () => {
    ({ server, url } = await startServer(0));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('lists and highlights every placeholder of sample 002', async () => {
    await page.goto(url);
    await expect(page.locator('h1').textContent()).resolves.toBe('报告草稿检查');
    await page.setInputFiles('#file', sample);
    await page.locator('#result').waitFor({ state: 'visible' });
    const expected = (await extractFile({ path: sample, name: '002.txt' })).records.filter((r) => r.placeholder).map((r) => r.text);
    expect(expected).toHaveLength(68);
    expect(await page.locator('#findings li').count()).toBe(expected.length);
    expect(await page.locator('mark.finding').allTextContents()).toEqual(expected);
    // Blanks and filled amounts are counted apart: 67 of the 68 findings are amounts left blank.
    await expect(page.locator('#summary').textContent()).resolves.toBe('68 处待处理（其中 67 个数值未填写）；已填写的指标 1 个');
    if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT, fullPage: false });
  });

  it('jumps to a finding when it is clicked', async () => {
    await page.locator('#findings li').nth(60).click();
    const mark = page.locator('#finding-60');
    await expect(mark.getAttribute('class')).resolves.toContain('flash');
    expect(await mark.isVisible()).toBe(true);
    const inView = await mark.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const pane = el.closest('.text')!.getBoundingClientRect();
      return box.top >= pane.top && box.bottom <= pane.bottom;
    });
    expect(inView).toBe(true);
  });

  it('sorts the metrics table by a column', async () => {
    await page.locator('#metrics th').nth(1).click();
    const texts = await page.locator('#metrics tbody tr td:nth-child(2)').allTextContents();
    expect(texts).toEqual([...texts].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    await page.locator('#metrics th').nth(1).click();
    expect(await page.locator('#metrics th').nth(1).getAttribute('aria-sort')).toBe('descending');
  });

  it('downloads the metrics as CSV that parses, and the findings as JSON', async () => {
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
    const csvPath = join(tmpdir(), `page-${Date.now()}.csv`);
    await csvDownload.saveAs(csvPath);
    const bytes = readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString('utf8'), { columns: true }) as Array<Record<string, string>>;
    const records = (await extractFile({ path: sample, name: '002.txt' })).records;
    expect(rows).toHaveLength(records.length);
    // The page speaks Chinese, and so do the CSV's headers and values.
    expect(rows.filter((r) => r['待填'] === '是')).toHaveLength(68);
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
    const jsonPath = join(tmpdir(), `page-${Date.now()}.json`);
    await jsonDownload.saveAs(jsonPath);
    expect(JSON.parse(readFileSync(jsonPath, 'utf8'))).toHaveLength(68);
  });

  it('speaks English to a browser set to English', async () => {
    const english = await browser.newPage({ locale: 'en-US' });
    await english.goto(url);
    await expect(english.locator('h1').textContent()).resolves.toBe('Draft check');
    await english.close();
  });

  it('refuses an unsupported file with a clear message, in English on request', async () => {
    await page.goto(`${url}?lang=en`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Draft check');
    const xls = join(tmpdir(), 'budget.xls');
    writeFileSync(xls, 'not a report');
    await page.setInputFiles('#file', xls);
    const message = await page.locator('#error').textContent();
    expect(message).toMatch(/^Unsupported file type "\.xls": upload a /);
    // The formats the readers read, PDF and WPS among them.
    expect(message).toContain('.pdf');
    expect(message).toContain('.wps');
  });

  it('steps through the findings of one rule, and offers a Word draft back with comments', async () => {
    await page.goto(url);
    const dir = mkdtempSync(join(tmpdir(), 'page-docx-'));
    const docx = join(dir, '草稿.docx');
    const { Document, Packer, Paragraph } = await import('docx');
    writeFileSync(docx, await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('XX镇工作总结'), new Paragraph('新建道路X公里，培训农民X人次。'), new Paragraph('覆盖率达到*%。')] }] })));
    await page.setInputFiles('#file', docx);
    await page.locator('#result').waitFor({ state: 'visible' });
    await page.locator('#rule-filter').selectOption('placeholder-quantity');
    expect(await page.locator('#findings li').count()).toBe(3);
    await page.locator('#next').click();
    await page.locator('#next').click();
    expect(await page.locator('mark.flash').textContent()).toBe('X人次');
    await page.locator('#previous').click();
    expect(await page.locator('mark.flash').textContent()).toBe('X公里');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-docx').click()]);
    expect(download.suggestedFilename()).toBe('草稿.checked.docx');
    const saved = join(dir, 'back.docx');
    await download.saveAs(saved);
    const { strFromU8, unzipSync } = await import('fflate');
    expect([...strFromU8(unzipSync(readFileSync(saved))['word/comments.xml']!).matchAll(/<w:comment /g)]).toHaveLength(4);
  });
});
