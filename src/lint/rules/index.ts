import type { Rule } from '../rule.js';
import { conflictingAmounts } from './conflicting-amounts.js';
import { percentOver100 } from './percent-over-100.js';
import { placeholderDate } from './placeholder-date.js';
import { placeholderInTitle } from './placeholder-in-title.js';
import { placeholderQuantity } from './placeholder-quantity.js';
import { placeholderText } from './placeholder-text.js';
import { totalMismatch } from './total-mismatch.js';

// Every lint rule, one file each. A new rule is one file in this folder and
// one line in this list; configuration, reporters and SARIF read it here.

export const RULES: readonly Rule[] = [
  placeholderQuantity,
  placeholderText,
  placeholderDate,
  placeholderInTitle,
  percentOver100,
  conflictingAmounts,
  totalMismatch,
];

export const RULE_IDS = RULES.map((r) => r.id) as [string, ...string[]];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
