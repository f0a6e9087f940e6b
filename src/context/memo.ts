// Reports written from one template repeat their clauses (全镇脱贫劳动力
// 实现就业…) across thousands of files, so what is worked out from a clause is
// kept for the next report. Every memo is bounded and emptied when full:
// memory stays flat on any corpus, and a corpus with no repetition only
// pays for the lookups.

/** REPORT_METRICS_MEMO=0 turns every memo off (the benchmark measures both). */
const ENABLED = process.env.REPORT_METRICS_MEMO !== '0';
const DEFAULT_LIMIT = 20000;

export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  get(key: string, compute: (key: string) => V): V {
    const known = this.entries.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    if (!ENABLED) return value;
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
