import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFileMessage } from 'vfile-message';
import { spanHolding } from '../find/spans.js';
import { required } from '../stage.js';
import type { LintConfig } from './config.js';
import type { Lang } from './messages.js';
import type { FindingKind, Rule, RuleContext, Severity } from './rule.js';
import { RULES } from './rules/index.js';
import { findSuppressions, isSuppressed } from './suppress.js';

export interface LintOptions {
  config: LintConfig;
  lang: Lang;
}

/** A vfile message of this linter: the kind of finding and its severity travel with it. */
export type LintMessage = VFileMessage & {
  kind: FindingKind;
  severity: Exclude<Severity, 'off'>;
  /** Where the finding is in the original: the page of a PDF, the paragraph of a Word file. */
  page?: number;
  paragraph?: number;
  /** Which occurrence of its text in its paragraph it is (0-based): a comment is anchored on it. */
  occurrence?: number;
  /** The sentence it stands in. */
  sentence?: string;
};

/** The severity a rule runs at: the configuration's, else the rule's own; `on` turns a rule that is off by default into a warning. */
export function severityOf(rule: Rule, config: LintConfig): Severity {
  const set = config.rules[rule.id];
  if (set === undefined) return rule.severity;
  if (set === 'on') return rule.severity === 'off' ? 'warn' : rule.severity;
  return set;
}

/** Runs every rule the configuration leaves on; each finding becomes a vfile message with its place, in the editor's language. */
export const reportLint: Plugin<[LintOptions], Root> = function (options) {
  const isOn = (id: string) => {
    const rule = RULES.find((r) => r.id === id);
    return rule !== undefined && severityOf(rule, options.config) !== 'off';
  };
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
    const blocks = [...(file.data.source?.blocks ?? [])].sort((a, b) => a.start - b.start);
    const blockAt = (offset: number) => spanHolding(blocks, offset);
    const sentenceAt = (start: number) => ctx.records.find((r) => r.start <= start && start < Math.max(r.end, r.start + 1))?.sentence;
    const found = RULES.filter((rule) => isOn(rule.id)).flatMap((rule) => rule.check(ctx).map((finding) => ({ rule, finding })));
    found.sort((a, b) => a.finding.start - b.finding.start || a.rule.id.localeCompare(b.rule.id));
    for (const { rule, finding } of found) {
      if (isSuppressed(suppressions, finding.start, rule.id)) continue;
      const start = { ...layout.lines.position(finding.start), offset: finding.start };
      const end = { ...layout.lines.position(finding.end), offset: finding.end };
      const msg = file.message(rule.message[options.lang](finding), { place: { start, end }, ruleId: rule.id, source: 'report-metrics' }) as LintMessage;
      msg.severity = severityOf(rule, options.config) as LintMessage['severity'];
      // vfile-reporter counts a fatal message as an error, any other as a warning.
      msg.fatal = msg.severity === 'error';
      msg.actual = text.slice(finding.start, finding.end);
      msg.kind = finding.kind ?? rule.kind;
      const block = blockAt(finding.start);
      if (block?.page !== undefined) msg.page = block.page;
      if (block?.paragraph !== undefined) {
        msg.paragraph = block.paragraph;
        msg.occurrence = text.slice(block.start, finding.start).split(msg.actual).length - 1;
      }
      const sentence = sentenceAt(finding.start);
      if (sentence) msg.sentence = sentence;
      // What stylish output shows under the message: where in the original, and the sentence.
      const where = msg.page !== undefined ? (options.lang === 'zh' ? `第 ${msg.page} 页` : `page ${msg.page}`) : msg.paragraph !== undefined ? (options.lang === 'zh' ? `第 ${msg.paragraph} 段` : `paragraph ${msg.paragraph}`) : '';
      if (where || sentence) msg.note = [where, sentence].filter(Boolean).join(options.lang === 'zh' ? '：' : ': ');
    }
  };
};
