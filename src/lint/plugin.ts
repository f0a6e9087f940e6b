import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFileMessage } from 'vfile-message';
import { reportData } from '../report-file.js';
import { LineIndex } from '../structure/lines.js';
import { collectHeadings } from '../structure/text-tree.js';
import type { LintConfig } from './config.js';
import type { Lang } from './messages.js';
import { runRules, type Check } from './rules.js';
import { findSuppressions, isSuppressed } from './suppress.js';

export interface LintOptions {
  config: LintConfig;
  lang: Lang;
}

/** A vfile message of this linter: the kind of finding travels with it. */
export type LintMessage = VFileMessage & { kind: Check['kind'] };

/** Runs the editor's rules on the records and reports each finding as a vfile message with its position. */
export const reportLint: Plugin<[LintOptions], Root> = function (options) {
  return (tree, file) => {
    const data = reportData(file);
    const text = String(file.value);
    const checks = runRules({ text, records: data.records ?? [], headings: collectHeadings(tree), config: options.config, lang: options.lang });
    const suppressions = data.format === 'md' ? findSuppressions(text) : [];
    const lines = new LineIndex(text);
    for (const c of checks) {
      if (isSuppressed(suppressions, c.start, c.ruleId)) continue;
      const start = { ...lines.position(c.start), offset: c.start };
      const end = { ...lines.position(c.end), offset: c.end };
      const msg = file.message(c.message, { place: { start, end }, ruleId: c.ruleId, source: 'report-metrics' }) as LintMessage;
      msg.fatal = false;
      msg.actual = text.slice(c.start, c.end);
      msg.kind = c.kind;
    }
  };
};
