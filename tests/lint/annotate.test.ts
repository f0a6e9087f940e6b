import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bin, tmp } from '../scale/helpers.js';

// The draft handed back (lint --annotate): a copy with every finding as a
// Word comment on its text. Read back here from its XML, and through
// LibreOffice, which must find each comment on the same words.

async function draft(path: string): Promise<void> {
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph({ children: [new TextRun('XX镇2024年工作总结')] }),
        // A placeholder split across runs, one of them bold, as Word often stores typed text.
        new Paragraph({ children: [new TextRun('全镇新建农村公路12公里，培训农民'), new TextRun({ text: 'X', bold: true }), new TextRun('人次，覆盖率达到*%。')] }),
        new Paragraph({ children: [new TextRun('改造危房X户，其中X户已入住。')] }),
        new Table({ rows: [
          new TableRow({ children: [new TableCell({ children: [new Paragraph('指标')] }), new TableCell({ children: [new Paragraph('数值')] })] }),
          new TableRow({ children: [new TableCell({ children: [new Paragraph('投入资金')] }), new TableCell({ children: [new Paragraph('20xx万元')] })] }),
        ] }),
      ],
    }],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}

/** Each comment's text and the words it is anchored on, from document.xml and comments.xml. */
function commentsOf(bytes: Uint8Array): Array<{ anchored: string; message: string }> {
  const files = unzipSync(bytes);
  const documentXml = strFromU8(files['word/document.xml']!);
  const comments = strFromU8(files['word/comments.xml']!);
  return [...comments.matchAll(/<w:comment w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g)].map(([, id, body]) => {
    const range = new RegExp(`<w:commentRangeStart w:id="${id}"/>([\\s\\S]*?)<w:commentRangeEnd w:id="${id}"/>`).exec(documentXml)![1]!;
    const text = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    return { anchored: text(range), message: text(body!) };
  });
}

const lint = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, 'lint', ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });

describe('lint --annotate', () => {
  it('writes NAME.checked.docx beside the draft, a comment on each finding, the original untouched', async () => {
    const dir = tmp();
    const original = join(dir, '草稿.docx');
    await draft(original);
    const before = createHash('sha256').update(readFileSync(original)).digest('hex');
    const findings = JSON.parse(lint(['草稿.docx', '--format', 'json'], dir).stdout) as Array<{ text: string; message: string }>;
    const r = lint(['草稿.docx', '--annotate'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('草稿.checked.docx（6 条批注）');
    expect(createHash('sha256').update(readFileSync(original)).digest('hex')).toBe(before);
    const comments = commentsOf(readFileSync(join(dir, '草稿.checked.docx')));
    expect(comments.map((c) => c.anchored)).toEqual(findings.map((f) => f.text));
    expect(comments.map((c) => c.message)).toEqual(findings.map((f) => expect.stringContaining(f.message)));
    // The annotated copy reads as the same draft: the same findings, at the same places.
    expect(JSON.parse(lint(['草稿.checked.docx', '--format', 'json'], dir).stdout).map((f: { text: string; line: number }) => [f.text, f.line])).toEqual(
      JSON.parse(lint(['草稿.docx', '--format', 'json'], dir).stdout).map((f: { text: string; line: number }) => [f.text, f.line]),
    );
  });

  const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0);
  if (!soffice) console.log('tests/lint/annotate: LibreOffice is not installed: the round trip is skipped');
  it.skipIf(!soffice)('opens in LibreOffice with each comment on its words', async () => {
    const dir = tmp();
    await draft(join(dir, 'draft.docx'));
    lint(['draft.docx', '--annotate'], dir);
    execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'odt', '--outdir', join(dir, 'odt'), join(dir, 'draft.checked.docx')], { stdio: 'ignore', timeout: 120000 });
    const content = strFromU8(unzipSync(readFileSync(join(dir, 'odt', 'draft.checked.odt')))['content.xml']!);
    const names = [...content.matchAll(/<office:annotation office:name="([^"]+)"/g)].map((m) => m[1]!);
    const anchored = names.map((n) => {
      const m = new RegExp(`<office:annotation office:name="${n}"[\\s\\S]*?</office:annotation>([\\s\\S]*?)<office:annotation-end office:name="${n}"/>`).exec(content);
      return m ? m[1]!.replace(/<[^>]+>/g, '') : null;
    });
    expect(anchored).toEqual(['XX', 'X人次', '*%', 'X户', 'X户', '20xx万元']);
    // SCREENSHOT_DOCX=docs/annotated.png: the page as LibreOffice exports it to PDF, each comment a note on its
    // highlighted words (LibreOffice 7.4 has no comments-in-margin export; 7.5 and later draw them there).
    const png = process.env.SCREENSHOT_DOCX;
    if (png) {
      const pdfOptions = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},"ExportNotesInMargin":{"type":"boolean","value":"true"}}';
      execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', pdfOptions, '--outdir', join(dir, 'pdf'), join(dir, 'draft.checked.docx')], { stdio: 'ignore', timeout: 120000 });
      execFileSync('pdftoppm', ['-png', '-r', '130', '-f', '1', '-l', '1', '-x', '120', '-y', '110', '-W', '900', '-H', '200', '-singlefile', join(dir, 'pdf', 'draft.checked.pdf'), png.replace(/\.png$/, '')]);
    }
  }, 180000);
});
