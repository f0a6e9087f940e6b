import type { MetricRecord, ReportRecord, TextPlaceholderRecord } from '../records/schema.js';

// JSON Lines straight into UTF-8 bytes. Output runs to about four bytes per
// byte of input, so this is one of the costliest steps of a run. Most of a
// line is the same every time: the keys, the file name, a unit or theme from
// a short list, and the sentence and heading path the previous record had.
// Those are copied as bytes prepared once; only numbers and the words of
// this mention are encoded. Fields are in the schema's order (a test holds
// each line to JSON.stringify of the record).

const encoder = new TextEncoder();
const ascii = (s: string) => encoder.encode(s);

const NULL = ascii('null');
const TRUE = ascii('true');
const FALSE = ascii('false');
const K = {
  metricOpen: ascii('{"kind":"metric","report":'),
  textOpen: ascii('{"kind":"text","report":'),
  file: ascii(',"file":'),
  start: ascii(',"start":'),
  end: ascii(',"end":'),
  line: ascii(',"line":'),
  column: ascii(',"column":'),
  text: ascii(',"text":'),
  page: ascii(',"page":'),
  table: ascii(',"table":'),
  tableIndex: ascii('{"index":'),
  tableRow: ascii(',"row":'),
  tableColumn: ascii(',"column":'),
  value: ascii(',"value":'),
  valueMax: ascii(',"valueMax":'),
  unit: ascii(',"unit":'),
  unitAsWritten: ascii(',"unitAsWritten":'),
  approx: ascii(',"approx":'),
  placeholder: ascii(',"placeholder":'),
  dimension: ascii(',"dimension":'),
  per: ascii(',"per":'),
  valueStd: ascii(',"valueStd":'),
  valueMaxStd: ascii(',"valueMaxStd":'),
  unitStd: ascii(',"unitStd":'),
  sentence: ascii(',"sentence":'),
  subject: ascii(',"subject":'),
  status: ascii(',"status":'),
  period: ascii(',"period":'),
  periodFrom: ascii('{"from":'),
  periodTo: ascii(',"to":'),
  periodClose: ascii('}'),
  section: ascii(',"section":'),
  theme: ascii(',"theme":'),
  year: ascii(',"year":'),
  format: ascii(',"format":'),
  placeholderTrue: ascii(',"placeholder":true,"slot":'),
  close: ascii('}\n'),
};

/** JSON of the short strings that recur from a small set (units, dimensions, themes), encoded once. */
const recurring = new Map<string, Uint8Array>();
const RECURRING_LIMIT = 4096;

function recurringJson(s: string | null): Uint8Array {
  if (s === null) return NULL;
  let bytes = recurring.get(s);
  if (bytes === undefined) {
    if (recurring.size >= RECURRING_LIMIT) recurring.clear();
    bytes = encoder.encode(JSON.stringify(s));
    recurring.set(s, bytes);
  }
  return bytes;
}

const QUOTE = ascii('"');

/** Whether JSON.stringify would escape a character of `s` (quote, backslash, control) or treat it specially (a surrogate). */
function needsEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

/** Below this many code units a loop in JavaScript beats a call into the engine's encoder. */
const SHORT = 48;

class Utf8Buffer {
  buf: Buffer;
  pos = 0;

  constructor(size: number) {
    // allocUnsafeSlow: not a slice of Buffer's shared pool, so it can be moved to another thread whole.
    this.buf = Buffer.allocUnsafeSlow(Math.max(1024, size));
  }

  private reserve(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }

  put(chunk: Uint8Array): void {
    this.reserve(chunk.length);
    const buf = this.buf;
    let pos = this.pos;
    if (chunk.length < SHORT) for (let i = 0; i < chunk.length; i++) buf[pos++] = chunk[i]!;
    else {
      buf.set(chunk, pos);
      pos += chunk.length;
    }
    this.pos = pos;
  }

  /** A string as UTF-8 (callers pass JSON text, which holds no lone surrogates). */
  write(s: string): void {
    this.reserve(s.length * 3);
    if (s.length >= SHORT) {
      this.pos += this.buf.write(s, this.pos);
      return;
    }
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) buf[pos++] = c;
      else if (c < 0x800) {
        buf[pos++] = 0xc0 | (c >> 6);
        buf[pos++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
        buf[pos++] = 0xf0 | (cp >> 18);
        buf[pos++] = 0x80 | ((cp >> 12) & 0x3f);
        buf[pos++] = 0x80 | ((cp >> 6) & 0x3f);
        buf[pos++] = 0x80 | (cp & 0x3f);
      } else {
        // A lone surrogate becomes U+FFFD, as Buffer#write does; JSON text never has one.
        const u = c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
        buf[pos++] = 0xe0 | (u >> 12);
        buf[pos++] = 0x80 | ((u >> 6) & 0x3f);
        buf[pos++] = 0x80 | (u & 0x3f);
      }
    }
    this.pos = pos;
  }

  /** A string as JSON: a short one that needs no escaping is encoded straight from the string, without building its JSON first. */
  json(s: string): void {
    if (s.length >= SHORT || needsEscape(s)) return this.write(JSON.stringify(s));
    this.put(QUOTE);
    this.write(s);
    this.put(QUOTE);
  }

  /** A number as JSON: small non-negative integers digit by digit, anything else through String(). */
  number(v: number | null): void {
    if (v === null || !Number.isFinite(v)) return this.put(NULL);
    if (!Number.isInteger(v) || v < 0 || v > 0x7fffffff) return this.write(String(v));
    this.reserve(10);
    const buf = this.buf;
    let n = v | 0;
    let digits = 1;
    for (let m = n; m >= 10; m = (m / 10) | 0) digits++;
    let pos = this.pos + digits;
    this.pos = pos;
    do {
      buf[--pos] = 48 + (n % 10);
      n = (n / 10) | 0;
    } while (n > 0);
  }

  /** Copies bytes written earlier, [from, to). */
  repeat(from: number, to: number): void {
    this.reserve(to - from);
    this.buf.copyWithin(this.pos, from, to);
    this.pos += to - from;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}

function writeStart(out: Utf8Buffer, r: ReportRecord, fileJson: Uint8Array): void {
  out.put(r.kind === 'metric' ? K.metricOpen : K.textOpen);
  out.put(recurringJson(r.report));
  out.put(K.file);
  out.put(fileJson);
  out.put(K.start);
  out.number(r.start);
  out.put(K.end);
  out.number(r.end);
  out.put(K.line);
  out.number(r.line);
  out.put(K.column);
  out.number(r.column);
  out.put(K.text);
  out.json(r.text);
  out.put(K.page);
  out.number(r.page);
  out.put(K.table);
  if (r.table === null) out.put(NULL);
  else {
    out.put(K.tableIndex);
    out.number(r.table.index);
    out.put(K.tableRow);
    out.number(r.table.row);
    out.put(K.tableColumn);
    out.number(r.table.column);
    out.put(K.periodClose);
  }
}

function writeMetricMiddle(out: Utf8Buffer, r: MetricRecord): void {
  out.put(K.value);
  out.number(r.value);
  out.put(K.valueMax);
  out.number(r.valueMax);
  out.put(K.unit);
  out.put(recurringJson(r.unit));
  out.put(K.unitAsWritten);
  out.put(recurringJson(r.unitAsWritten));
  out.put(K.approx);
  out.put(recurringJson(r.approx));
  out.put(K.placeholder);
  out.put(r.placeholder ? TRUE : FALSE);
  out.put(K.dimension);
  out.put(recurringJson(r.dimension));
  out.put(K.per);
  out.put(recurringJson(r.per));
  out.put(K.valueStd);
  out.number(r.valueStd);
  out.put(K.valueMaxStd);
  out.number(r.valueMaxStd);
  out.put(K.unitStd);
  out.put(recurringJson(r.unitStd));
}

function writeTextMiddle(out: Utf8Buffer, r: TextPlaceholderRecord): void {
  out.put(K.placeholderTrue);
  out.put(recurringJson(r.slot));
}

/** A field's last value and where its JSON was written: a record with the same value copies those bytes. */
class LastValue<T> {
  private value: T | null = null;
  private from = 0;
  private to = 0;

  write(out: Utf8Buffer, value: T): void {
    const start = out.pos;
    if (value === this.value) out.repeat(this.from, this.to);
    else out.write(JSON.stringify(value));
    this.value = value;
    this.from = start;
    this.to = out.pos;
  }
}

/** Records as JSON Lines, one object a line, in UTF-8. */
export function encodeJsonLines(records: readonly ReportRecord[]): Uint8Array {
  const out = new Utf8Buffer(records.length * 900);
  let file: string | null = null;
  let fileJson: Uint8Array = NULL;
  // Records of one sentence, and of one section, come in a row.
  const sentence = new LastValue<string>();
  const section = new LastValue<string[]>();
  for (const r of records) {
    if (r.file !== file) {
      file = r.file;
      fileJson = encoder.encode(JSON.stringify(r.file));
    }
    writeStart(out, r, fileJson);
    if (r.kind === 'metric') writeMetricMiddle(out, r);
    else writeTextMiddle(out, r);
    out.put(K.sentence);
    sentence.write(out, r.sentence);
    if (r.kind === 'metric') {
      out.put(K.subject);
      if (r.subject === null) out.put(NULL);
      else out.json(r.subject);
      out.put(K.status);
      out.put(recurringJson(r.status));
      out.put(K.period);
      if (r.period === null) out.put(NULL);
      else {
        out.put(K.periodFrom);
        out.number(r.period.from);
        out.put(K.periodTo);
        out.number(r.period.to);
        out.put(K.periodClose);
      }
    }
    out.put(K.section);
    section.write(out, r.section);
    if (r.kind === 'metric') {
      out.put(K.theme);
      out.put(recurringJson(r.theme));
      out.put(K.year);
      out.number(r.year);
    }
    out.put(K.format);
    out.put(recurringJson(r.format));
    out.put(K.close);
  }
  return out.bytes();
}
