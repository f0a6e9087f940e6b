import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFileMessage } from 'vfile-message';
import { required } from '../stage.js';
import type { LintConfig } from './config.js';
import type { Lang } from './messages.js';
import type { FindingKind, RuleContext } from './rule.js';
import { RULES } from './rules/index.js';
import { findSuppressions, isSuppressed } from './suppress.js';

export interface LintOptions {
  config: LintConfig;
  lang: Lang;
}

/** A vfile message of this linter: the kind of finding travels with it. */
export type LintMessage = VFileMessage & { kind: FindingKind };

/** Runs every rule the configuration leaves on; each finding becomes a vfile message with its place, in the editor's language. */
export const reportLint: Plugin<[LintOptions], Root> = function (options) {
  const isOn = (id: string) => options.config.rules[id] !== 'off';
  return (_tree, file) => {
    const text = String(file.value);
    const layout = required(file.data.layout, 'the layout');
    const ctx: RuleContext = {
      text,
      records: required(file.data.records, 'the records'),
      headings: layout.headings,
      allow: options.config.placeholders.allow,
      extra: options.config.placeholders.extra,
      isOn,
    };
    const suppressions = file.data.source?.format === 'md' ? findSuppressions(text) : [];
    const found = RULES.filter((rule) => isOn(rule.id)).flatMap((rule) => rule.check(ctx).map((finding) => ({ rule, finding })));
    found.sort((a, b) => a.finding.start - b.finding.start || a.rule.id.localeCompare(b.rule.id));
    for (const { rule, finding } of found) {
      if (isSuppressed(suppressions, finding.start, rule.id)) continue;
      const start = { ...layout.lines.position(finding.start), offset: finding.start };
      const end = { ...layout.lines.position(finding.end), offset: finding.end };
      const msg = file.message(rule.message[options.lang](finding), { place: { start, end }, ruleId: rule.id, source: 'report-metrics' }) as LintMessage;
      msg.fatal = false;
      msg.actual = text.slice(finding.start, finding.end);
      msg.kind = finding.kind ?? rule.kind;
    }
  };
};
