import type { ReportRecord } from '../records/schema.js';
import type { HeadingInfo } from '../structure/text-tree.js';
import type { Lang } from './messages.js';

// A lint rule: one file holding its id, what it finds (in Chinese and
// English), its default severity and its check. The registry in
// rules/index.ts lists them; config validation, reporters and SARIF
// metadata all read it.

/** off: the rule does not run unless a configuration turns it on. */
export type Severity = 'error' | 'warn' | 'off';
export type FindingKind = 'quantity' | 'text' | 'check';

export interface RuleContext {
  text: string;
  records: ReportRecord[];
  headings: HeadingInfo[];
  /** Words that are not placeholders in these documents (config placeholders.allow). */
  allow: string[];
  /** More text placeholder patterns (config placeholders.extra). */
  extra: string[];
  /** Whether another rule is switched on (the title rule takes placeholders the others would report). */
  isOn(id: string): boolean;
}

export interface RuleFinding {
  start: number;
  end: number;
  /** The words the message names: the placeholder as written, or the amount with its subject. */
  text: string;
  /** What the amount measures, when the records say. */
  subject?: string | null;
  /** When it differs from the rule's own kind (a placeholder in a title is a quantity or a text). */
  kind?: FindingKind;
  /** Offset of a finding elsewhere that this one relates to. */
  related?: number;
}

export interface Rule {
  id: string;
  kind: FindingKind;
  severity: Severity;
  description: Record<Lang, string>;
  message: Record<Lang, (finding: RuleFinding) => string>;
  check(ctx: RuleContext): RuleFinding[];
}
