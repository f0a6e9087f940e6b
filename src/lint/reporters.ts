import { isAbsolute, relative, sep } from 'node:path';
import { reporter } from 'vfile-reporter';
import type { VFile } from 'vfile';
import { renderTable } from '../output/summary.js';
import { RULES } from './rules/index.js';
import type { LintMessage } from './plugin.js';

// Lint output in the formats editors' tools read: stylish (people),
// json (scripts), sarif (code-scanning), github (workflow annotations),
// unix (file:line:column, one per line).

export type LintFormat = 'stylish' | 'json' | 'sarif' | 'github' | 'unix';

export interface LintFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  start: number;
  end: number;
  text: string;
  kind: 'quantity' | 'text' | 'check';
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  /** The page of a PDF, the paragraph of a Word file the finding stands on. */
  page?: number;
  paragraph?: number;
  sentence?: string;
}

/**
 * A path as linters print it: relative to the current folder, with forward
 * slashes, so GitHub annotations and SARIF results attach to the
 * repository's file whatever path the command was given.
 */
export function displayPath(path: string, cwd = process.cwd()): string {
  if (path.startsWith('<')) return path;
  const rel = isAbsolute(path) ? relative(cwd, path) : relative(cwd, `${cwd}${sep}${path}`);
  return (rel === '' ? path : rel).split(sep).join('/');
}

export function findingsOf(files: VFile[]): LintFinding[] {
  const out: LintFinding[] = [];
  for (const file of files) {
    for (const m of file.messages as LintMessage[]) {
      const place = m.place && 'start' in m.place ? m.place : null;
      if (!place) continue;
      out.push({
        file: displayPath(file.path), line: place.start.line, column: place.start.column, endLine: place.end.line, endColumn: place.end.column,
        start: place.start.offset ?? 0, end: place.end.offset ?? 0, text: m.actual ?? '', kind: m.kind, ruleId: m.ruleId ?? '',
        severity: m.severity ?? 'warn', message: m.reason,
        ...(m.page !== undefined ? { page: m.page } : {}),
        ...(m.paragraph !== undefined ? { paragraph: m.paragraph } : {}),
        ...(m.sentence ? { sentence: m.sentence } : {}),
      });
    }
  }
  return out;
}

export function formatLint(files: VFile[], format: LintFormat, version: string): string {
  const findings = findingsOf(files);
  switch (format) {
    case 'stylish':
      // Paths as the other formats give them; the note under each message is where it stands and its sentence.
      for (const f of files) f.path = displayPath(f.path);
      return findings.length === 0 ? '' : reporter(files, { quiet: true, verbose: true }) + '\n';
    case 'json':
      return JSON.stringify(findings, null, 2) + '\n';
    case 'unix':
      return findings.length === 0 ? '' : renderTable(findings.map((f) => [`${f.file}:${f.line}:${f.column}`, f.text, f.kind, f.message]));
    case 'github':
      return findings.map(githubAnnotation).join('');
    case 'sarif':
      return JSON.stringify(sarif(findings, version), null, 2) + '\n';
  }
}

/** https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-a-warning-message */
function githubAnnotation(f: LintFinding): string {
  const prop = (v: string) => v.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const data = (v: string) => v.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::${f.severity === 'error' ? 'error' : 'warning'} file=${prop(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${prop(`report-metrics ${f.ruleId}`)}::${data(f.message)}\n`;
}

function sarif(findings: LintFinding[], version: string): unknown {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'report-metrics',
            version,
            informationUri: 'https://www.npmjs.com/package/report-metrics',
            rules: RULES.map((rule) => ({ id: rule.id, shortDescription: { text: rule.description.en }, defaultConfiguration: { level: rule.severity === 'error' ? 'error' : rule.severity === 'warn' ? 'warning' : 'none', enabled: rule.severity !== 'off' } })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: RULES.findIndex((rule) => rule.id === f.ruleId),
          level: f.severity === 'error' ? 'error' : 'warning',
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn,
                  charOffset: f.start, charLength: f.end - f.start, snippet: { text: f.text },
                },
              },
            },
          ],
        })),
      },
    ],
  };
}
