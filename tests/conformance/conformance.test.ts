import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/conformance/adapter.js';
import { readPeers, SUITES } from '../../src/conformance/peers.js';
import { DEFAULT_PEERS, DELIBERATE, isDeliberate, score } from '../../src/conformance/run.js';

// The peers' public test suites (../shared/peers, read in place) through the
// extractor: at least 90 % of each suite's cases pass where the spec covers
// them, and every case the spec decides otherwise behaves as listed in
// src/conformance/deliberate.json.

const cases = readPeers(DEFAULT_PEERS);
if (!cases) console.log(`tests/conformance: no peers' test data at ${DEFAULT_PEERS}; skipped`);

describe.skipIf(!cases)('conformance with the peers', () => {
  const scores = cases ? score(cases) : [];
  for (const suite of SUITES) {
    it(`${suite}: at least 90 % of the cases the spec covers pass`, () => {
      const s = scores.find((x) => x.suite === suite)!;
      expect(s.covered).toBeGreaterThan(0);
      const failing = s.failures.map((f) => f.index);
      expect(s.passed / s.covered, `failing cases: ${failing.join(', ')}`).toBeGreaterThanOrEqual(0.9);
    });
  }

  it('lists each deliberate difference once, for a case that exists', () => {
    const keys = DELIBERATE.map((d) => `${d.suite}#${d.case}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of DELIBERATE) expect(cases!.some((c) => c.suite === d.suite && c.index === d.case), `${d.suite}#${d.case}`).toBe(true);
  });

  it('every deliberate difference behaves as the spec says', () => {
    for (const c of cases!.filter((x) => isDeliberate(x))) {
      const d = isDeliberate(c)!;
      const { records } = runCase(c);
      const where = `${c.suite}#${c.index} (${d.rule})`;
      if (d.expect.kind === 'none') {
        for (const e of c.expected) {
          const start = e.start ?? c.input.indexOf(e.text);
          const end = e.end ?? start + e.text.length;
          expect(records.filter((r) => r.start < end && start < r.end), where).toEqual([]);
        }
      } else {
        expect(records.map((r) => ({ value: r.value, valueMax: r.valueMax, unit: r.unit })), where).toEqual(
          d.expect.amounts.map((a) => ({ value: a.value, valueMax: a.valueMax ?? null, unit: a.unit })),
        );
      }
    }
  });
});
