import type { MetricRecord } from '../../records/schema.js';
import type { RuleContext } from '../rule.js';

/** The filled amounts a number check looks at. */
export function filledMetrics(ctx: RuleContext): MetricRecord[] {
  return ctx.records.filter((r): r is MetricRecord => r.kind === 'metric' && !r.placeholder);
}

/** Words before an amount that make it a change, not a level (增长120%, 比上年提高). */
export const CHANGE_BEFORE = /(增长|增加|提高|提升|上升|下降|减少|降低|同比|环比|比上年|增幅|降幅|超过|翻)/;
