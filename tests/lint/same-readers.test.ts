import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { checkUpload } from '../../src/serve/server.js';
import { run, tmp } from '../scale/helpers.js';

// Every command reads an input through the same readers: a web page given
// on standard input is read as a web page (no placeholder found inside an
// attribute), and the page and lint see the same findings in a Word file.

const page = `<!doctype html><html><head><title>XX镇2024年工作总结</title></head><body>
<article><h1>城关镇2024年工作总结</h1>
<p data-note="X户待核">全镇新建文化广场X个，培训农民300人次。</p>
<p><img alt="XX村照片" src="a.png">改造危房X户。</p></article></body></html>`;

const findings = (stdout: string) => (JSON.parse(stdout) as Array<{ line: number; column: number; text: string; ruleId: string }>).map((f) => [f.line, f.column, f.text, f.ruleId]);

describe('one set of readers for every command', () => {
  it('lint --stdin --stdin-filename page.html finds what lint page.html finds', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'page.html'), page);
    const fromFile = run(['lint', 'page.html', '--format', 'json'], { cwd: dir });
    const fromStdin = run(['lint', '--stdin', '--stdin-filename', 'page.html', '--format', 'json'], { cwd: dir, input: page });
    expect(fromFile.code).toBe(1);
    expect(findings(fromStdin.stdout)).toEqual(findings(fromFile.stdout));
    expect(findings(fromFile.stdout).map((f) => f[2])).toEqual(['X个', 'X户']);
  });

  it('serve and lint give the same findings on one .docx', async () => {
    const dir = tmp();
    const doc = new Document({ sections: [{ children: [new Paragraph('城关镇工作总结'), new Paragraph('全镇新建文化广场X个，改造危房X户，XX村通水泥路。')] }] });
    const bytes = await Packer.toBuffer(doc);
    writeFileSync(join(dir, 'draft.docx'), bytes);
    const linted = findings(run(['lint', 'draft.docx', '--format', 'json', '--lang', 'zh'], { cwd: dir }).stdout);
    const served = (await checkUpload('draft.docx', bytes, 'zh')).findings.map((f) => [f.line, f.column, f.text, f.ruleId]);
    expect(served).toEqual(linted);
    expect(linted.map((f) => f[2])).toEqual(['X个', 'X户', 'XX']);
  });
});
