import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The public test data of peers that read Chinese amounts (../shared/peers,
// read in place, never copied), as one list of cases: an input and the
// amounts the peer expects in it, each with its span where the peer gives
// one, its value (low end), its high end for a range, and its unit as the
// peer names it.

export interface Expected {
  text: string;
  /** Offsets into the input, end exclusive, when the peer gives them. */
  start?: number;
  end?: number;
  value: number | null;
  valueMax?: number | null;
  /** The peer's unit (Recognizers' English names, JioNLP's currency, cn2an's units). */
  units: string[];
  /** over / under / about / range, where the peer says. */
  approx?: string;
}

export interface PeerCase {
  suite: string;
  index: number;
  input: string;
  expected: Expected[];
}

/** The suites scored: Recognizers-Text's Chinese unit and percent models and its number ranges, JioNLP's money tests, cn2an's sentences. */
export const SUITES = ['rt-currency', 'rt-dimension', 'rt-age', 'rt-temperature', 'rt-percent', 'rt-range', 'jionlp-parse', 'jionlp-extract', 'cn2an'] as const;
export type Suite = (typeof SUITES)[number];

interface RtCase {
  Input: string;
  Results?: Array<{ Text: string; Start: number; End: number; Resolution?: { value?: string | null; unit?: string; isoCurrency?: string } }>;
}

const RT_FILES: Partial<Record<Suite, string>> = {
  'rt-currency': 'NumberWithUnit_Chinese_CurrencyModel.json',
  'rt-dimension': 'NumberWithUnit_Chinese_DimensionModel.json',
  'rt-age': 'NumberWithUnit_Chinese_AgeModel.json',
  'rt-temperature': 'NumberWithUnit_Chinese_TemperatureModel.json',
  'rt-percent': 'Number_Chinese_PercentModel.json',
  'rt-range': 'Number_Chinese_NumberRangeModel.json',
};

/** A Recognizers range `[20,100)`, `(500,)`, `(,170]` as low, high and a qualifier. */
function rtRange(value: string): { value: number | null; valueMax: number | null; approx: string } {
  const m = /^([[(])\s*([^,]*),\s*([^\])]*)([\])])$/.exec(value.trim());
  if (!m) return { value: Number(value), valueMax: null, approx: 'exact' };
  const low = m[2] === '' ? null : Number(m[2]);
  const high = m[3] === '' ? null : Number(m[3]);
  if (low !== null && high !== null) return low === high ? { value: low, valueMax: null, approx: 'exact' } : { value: low, valueMax: high, approx: 'range' };
  if (low !== null) return { value: low, valueMax: null, approx: 'over' };
  return { value: high, valueMax: null, approx: 'under' };
}

function readRt(dir: string, suite: Suite, file: string): PeerCase[] {
  const cases = JSON.parse(readFileSync(join(dir, 'recognizers-text', file), 'utf8')) as RtCase[];
  return cases.map((c, index) => ({
    suite,
    index,
    input: c.Input,
    expected: (c.Results ?? []).map((r): Expected => {
      const span = { start: r.Start, end: r.End + 1 };
      const raw = r.Resolution?.value;
      if (suite === 'rt-percent') return { text: r.Text, ...span, value: raw == null ? null : Number(String(raw).replace('%', '')), units: ['%'] };
      if (suite === 'rt-range') return { text: r.Text, ...span, ...rtRange(String(raw ?? '')), units: [] };
      const units = [r.Resolution?.isoCurrency, r.Resolution?.unit].filter((u): u is string => typeof u === 'string');
      return { text: r.Text, ...span, value: raw == null ? null : Number(raw), units };
    }),
  }));
}

function readJionlpParse(dir: string): PeerCase[] {
  const cases = JSON.parse(readFileSync(join(dir, 'jionlp', 'parse_money.json'), 'utf8')) as Array<[string, { num: string | string[]; case: string; definition: string }]>;
  return cases.map(([input, r], index) => {
    const [low, high] = Array.isArray(r.num) ? r.num.map(Number) : [Number(r.num), null];
    const approx = Array.isArray(r.num) ? 'range' : r.definition === 'blur+' ? 'over' : r.definition === 'blur-' ? 'under' : r.definition === 'blur' ? 'about' : 'exact';
    return { suite: 'jionlp-parse', index, input, expected: [{ text: input, start: 0, end: input.length, value: low!, valueMax: high, units: [r.case], approx }] };
  });
}

function readJionlpExtract(dir: string): PeerCase[] {
  const cases = JSON.parse(readFileSync(join(dir, 'jionlp', 'extract_money.json'), 'utf8')) as Array<[string, Array<[string, number, number | null, string]> | 'SKIP']>;
  return cases.flatMap(([input, amounts], index) => {
    if (amounts === 'SKIP') return [];
    let from = 0;
    const expected = amounts.map(([text, low, high, approx]): Expected => {
      const start = input.indexOf(text, from);
      from = start < 0 ? from : start + text.length;
      return { text, ...(start >= 0 ? { start, end: start + text.length } : {}), value: low, valueMax: high, units: ['money'], approx };
    });
    return [{ suite: 'jionlp-extract', index, input, expected }];
  });
}

function readCn2an(dir: string): PeerCase[] {
  const data = JSON.parse(readFileSync(join(dir, 'cn2an', 'cases.json'), 'utf8')) as {
    cases: Array<[string, string, Array<[string, number, Array<[string, number]>, string | null, number | null]>]>;
    negative: string[];
  };
  const positive = data.cases.map(([input, , amounts], index): PeerCase => {
    let from = 0;
    return {
      suite: 'cn2an',
      index,
      input,
      expected: amounts.map(([text, value, units, approx, high]) => {
        const start = input.indexOf(text, from);
        from = start < 0 ? from : start + text.length;
        // cn2an names each unit with the factor that turns its value into that unit's.
        return { text, ...(start >= 0 ? { start, end: start + text.length } : {}), value, valueMax: high, units: units.map(([u, f]) => `${u}*${f}`), ...(approx ? { approx } : {}) };
      }),
    };
  });
  const negative = data.negative.map((input, k): PeerCase => ({ suite: 'cn2an', index: data.cases.length + k, input, expected: [] }));
  return [...positive, ...negative];
}

/** Every case of the suites found under `dir`; null when the folder is absent. */
export function readPeers(dir: string): PeerCase[] | null {
  if (!existsSync(dir)) return null;
  const out: PeerCase[] = [];
  for (const [suite, file] of Object.entries(RT_FILES) as Array<[Suite, string]>) out.push(...readRt(dir, suite, file));
  out.push(...readJionlpParse(dir), ...readJionlpExtract(dir), ...readCn2an(dir));
  return out;
}
