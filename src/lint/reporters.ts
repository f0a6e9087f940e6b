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
  message: string;
}

export function findingsOf(files: VFile[]): LintFinding[] {
  const out: LintFinding[] = [];
  for (const file of files) {
    for (const m of file.messages as LintMessage[]) {
      const place = m.place && 'start' in m.place ? m.place : null;
      if (!place) continue;
      out.push({
        file: file.path, line: place.start.line, column: place.start.column, endLine: place.end.line, endColumn: place.end.column,
        start: place.start.offset ?? 0, end: place.end.offset ?? 0, text: m.actual ?? '', kind: m.kind, ruleId: m.ruleId ?? '', message: m.reason,
      });
    }
  }
  return out;
}

export function formatLint(files: VFile[], format: LintFormat, version: string): string {
  const findings = findingsOf(files);
  switch (format) {
    case 'stylish':
      return findings.length === 0 ? '' : reporter(files, { quiet: true }) + '\n';
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
  return `::warning file=${prop(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${prop(`report-metrics ${f.ruleId}`)}::${data(f.message)}\n`;
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
            rules: RULES.map((rule) => ({ id: rule.id, shortDescription: { text: rule.description.en }, defaultConfiguration: { level: 'warning' } })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: RULES.findIndex((rule) => rule.id === f.ruleId),
          level: 'warning',
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file.split('\\').join('/')) },
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
