import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCase, type CaseResult } from './adapter.js';
import { readPeers, SUITES, type PeerCase } from './peers.js';
import deliberate from './deliberate.json' with { type: 'json' };

// `npm run conformance [-- DIR]`: the peers' test data run through the
// extractor, with the pass rate of each suite over the cases the spec
// covers, and the cases it deliberately treats differently checked apart.

export interface Deliberate {
  suite: string;
  case: number;
  rule: string;
  expect: { kind: 'none' } | { kind: 'amounts'; amounts: Array<{ value: number; valueMax?: number | null; unit: string }> };
}

export const DELIBERATE = deliberate.cases as Deliberate[];

export interface SuiteScore {
  suite: string;
  covered: number;
  passed: number;
  deliberate: number;
  failures: Array<{ index: number; result: CaseResult }>;
}

export function isDeliberate(c: PeerCase): Deliberate | undefined {
  return DELIBERATE.find((d) => d.suite === c.suite && d.case === c.index);
}

export function score(cases: PeerCase[]): SuiteScore[] {
  return SUITES.map((suite) => {
    const mine = cases.filter((c) => c.suite === suite);
    const covered = mine.filter((c) => !isDeliberate(c));
    const failures: SuiteScore['failures'] = [];
    let passed = 0;
    for (const c of covered) {
      const result = runCase(c);
      if (result.pass) passed++;
      else failures.push({ index: c.index, result });
    }
    return { suite, covered: covered.length, passed, deliberate: mine.length - covered.length, failures };
  });
}

export const DEFAULT_PEERS = join(fileURLToPath(import.meta.url), '..', '..', '..', '..', 'shared', 'peers');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? DEFAULT_PEERS;
  const cases = readPeers(dir);
  if (!cases) {
    console.log(`no peers' test data at ${dir}: give the folder (npm run conformance -- DIR)`);
    process.exit(2);
  }
  const verbose = process.argv.includes('--verbose');
  console.log('suite            covered  passed  rate     deliberate');
  for (const s of score(cases)) {
    console.log(`${s.suite.padEnd(16)} ${String(s.covered).padStart(7)} ${String(s.passed).padStart(7)}  ${((100 * s.passed) / Math.max(1, s.covered)).toFixed(1).padStart(5)} %  ${String(s.deliberate).padStart(5)}`);
    if (verbose) {
      for (const f of s.failures) {
        const c = cases.find((x) => x.suite === s.suite && x.index === f.index)!;
        const got = f.result.records.map((r) => `${r.text}=${r.value}${r.valueMax !== null ? `~${r.valueMax}` : ''}${r.unit}/${r.approx}`).join(' ');
        const want = c.expected.map((e) => `${e.text}=${e.value}${e.valueMax != null ? `~${e.valueMax}` : ''}[${e.units.join('|')}]${e.approx ?? ''}`).join(' ');
        console.log(`  #${f.index} ${c.input.slice(0, 60)}\n      want ${want}\n      got  ${got}`);
      }
    }
  }
}
