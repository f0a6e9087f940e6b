import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, root, tmp } from '../scale/helpers.js';

// What editors' tools expect of a linter (ESLint, textlint,
// markdownlint-cli2): paths relative to where it runs, severities and exit
// codes, an output file, globs, usage on a bad call; and no false alarm on
// published reports.

function lint(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, 'lint', ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function repo(): string {
  const dir = tmp('report-metrics-repo-');
  mkdirSync(join(dir, 'docs', 'drafts', '2024'), { recursive: true });
  writeFileSync(join(dir, 'docs', 'drafts', '2024', '总结.md'), '# 城关镇工作总结\n\n新建文化广场X个。\n');
  writeFileSync(join(dir, 'docs', 'drafts', 'ok.txt'), '新建文化广场5个。\n');
  writeFileSync(join(dir, 'docs', 'drafts', 'share.txt'), '卫生厕所覆盖率达到120%。\n');
  return dir;
}

describe('lint as other linters behave', () => {
  it('names files relative to the folder it runs in, in GitHub annotations and SARIF too', () => {
    const dir = repo();
    const github = lint([join(dir, 'docs'), '--format', 'github'], dir).stdout;
    expect(github).toContain('::error file=docs/drafts/2024/总结.md,line=3,col=7');
    const sarif = JSON.parse(lint(['docs', '--format', 'sarif'], dir).stdout);
    const uris = sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }) => r.locations[0]!.physicalLocation.artifactLocation);
    expect(uris).toContainEqual({ uri: encodeURI('docs/drafts/2024/总结.md'), uriBaseId: '%SRCROOT%' });
    const json = JSON.parse(lint(['./docs/drafts/../drafts', '--format', 'json'], dir).stdout);
    expect(json.map((f: { file: string }) => f.file)).toContain('docs/drafts/2024/总结.md');
  });

  it('exits 1 on errors, 0 on warnings alone unless --max-warnings is passed', () => {
    const dir = repo();
    const share = join('docs', 'drafts', 'share.txt');
    const warned = lint([share, '--format', 'json'], dir);
    expect(JSON.parse(warned.stdout)).toMatchObject([{ ruleId: 'percent-over-100', severity: 'warn' }]);
    expect(warned.code).toBe(0);
    expect(lint([share, '--max-warnings', '0'], dir).code).toBe(1);
    expect(lint([share, '--max-warnings', '1'], dir).code).toBe(0);
    expect(lint([join('docs', 'drafts', '2024')], dir).code).toBe(1);
    // A configuration sets each rule's severity.
    writeFileSync(join(dir, '.reportmetricsrc.json'), JSON.stringify({ rules: { 'percent-over-100': 'error', 'placeholder-quantity': 'warn' } }));
    expect(lint([share], dir).code).toBe(1);
    expect(lint([join('docs', 'drafts', '2024')], dir).code).toBe(0);
  });

  it('writes its report to --output-file, and expands globs itself', () => {
    const dir = repo();
    const r = lint(['docs/**/*.md', '--format', 'json', '-o', 'out/lint.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const findings = JSON.parse(readFileSync(join(dir, 'out', 'lint.json'), 'utf8'));
    expect(findings.map((f: { file: string; text: string }) => [f.file, f.text])).toEqual([['docs/drafts/2024/总结.md', 'X个']]);
    expect(lint(['docs/**/*.nothing'], dir).code).toBe(2);
  });

  it('shows its usage and exits 2 when given nothing to check', () => {
    const r = lint([], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--stdin');
    expect(r.stderr).toMatch(/用法|Usage/);
  });

  it('ships a pre-commit hook', () => {
    const hooks = readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8');
    expect(hooks).toMatch(/- id: report-metrics-lint\n/);
    expect(hooks).toMatch(/entry: report-metrics lint\n/);
  });
});

const published = new URL('../../../shared/bench-corpus/reports/', import.meta.url).pathname;
describe.skipIf(!existsSync(published))('on published reports', () => {
  it('finds nothing to report (they are proofread), the number checks included', () => {
    const r = lint([published, '--format', 'json'], root);
    const findings = JSON.parse(r.stdout) as Array<{ ruleId: string }>;
    expect(findings.filter((f) => !f.ruleId.startsWith('placeholder-')).length).toBeLessThan(3);
    expect(findings.length).toBeLessThan(3);
  }, 60000);
});
