import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

// Every lint format on the five samples, against fixtures checked in under
// tests/fixtures/lint (textlint-style input + expected output).

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'dist/cli/main.js');

function lint(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, 'lint', ...args], { cwd: root, encoding: 'utf8', input, env: { ...process.env, LANG: 'C.UTF-8' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lint formats on the samples', () => {
  for (const format of ['stylish', 'json', 'sarif', 'github', 'unix']) {
    it(`${format} matches its fixture and exits 1`, async () => {
      const r = lint(['corpus', '--format', format]);
      expect(r.code).toBe(1);
      await expect(r.stdout).toMatchFileSnapshot(join(root, 'tests/fixtures/lint', `corpus.${format}.expected`));
    });
  }

  it('SARIF validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(join(root, 'tests/schemas/sarif-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(lint(['corpus', '--format', 'sarif']).stdout);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.runs[0].results).toHaveLength(110);
    // and a broken log is rejected, so the check can fail
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
  });

  it('github annotations carry file, line and column', () => {
    const first = lint(['corpus', '--format', 'github']).stdout.split('\n')[0];
    expect(first).toBe('::error file=corpus/000_1cc2649785cb71b9.txt,line=8,col=127,endLine=8,endColumn=132,title=report-metrics placeholder-quantity::中药材种植面积未填写（20xx亩）');
  });

  it('a clean file prints nothing and exits 0 in every format but json/sarif', () => {
    for (const format of ['stylish', 'github', 'unix']) expect(lint(['tests/fixtures/cli/clean.txt', '--format', format])).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(lint(['tests/fixtures/cli/clean.txt', '--format', 'json']).stdout)).toEqual([]);
  });

  it('--stdin --stdin-filename checks standard input under that name', () => {
    const r = lint(['--stdin', '--stdin-filename', 'drafts/报告.md', '--format', 'json'], '# 城关镇工作总结\n\n新建X个文化广场。\n');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject([{ file: 'drafts/报告.md', line: 3, column: 3, text: 'X个', ruleId: 'placeholder-quantity' }]);
    expect(lint(['--stdin', '--stdin-filename', 'ok.txt'], '新建5个文化广场。\n')).toMatchObject({ code: 0, stdout: '' });
  });

  it('exits 2 with no paths and no --stdin', () => {
    expect(lint([]).code).toBe(2);
  });
});
