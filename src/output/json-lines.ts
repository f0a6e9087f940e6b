import type { MetricRecord, ReportRecord, TextPlaceholderRecord } from '../records/schema.js';

// JSON Lines straight into UTF-8 bytes. Output runs to about four bytes per
// byte of input, most of it the sentence and heading path that every record
// repeats; a record whose sentence or section is the previous record's copies
// the bytes already encoded instead of encoding them again. Fields are in the
// schema's order (a test holds each line to JSON.stringify of the record).

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

  write(s: string): void {
    this.reserve(s.length * 3);
    this.pos += this.buf.write(s, this.pos);
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

function num(v: number | null): string {
  return v === null || !Number.isFinite(v) ? 'null' : String(v);
}

function str(v: string | null): string {
  return v === null ? 'null' : JSON.stringify(v);
}

function metricHead(r: MetricRecord, file: string): string {
  return `{"kind":"metric","file":${file},"start":${r.start},"end":${r.end},"line":${r.line},"column":${r.column},"text":${JSON.stringify(r.text)},"value":${num(r.value)},"valueMax":${num(r.valueMax)},"unit":${JSON.stringify(r.unit)},"unitAsWritten":${JSON.stringify(r.unitAsWritten)},"approx":"${r.approx}","placeholder":${r.placeholder},"dimension":"${r.dimension}","per":${str(r.per)},"sentence":`;
}

function textHead(r: TextPlaceholderRecord, file: string): string {
  return `{"kind":"text","file":${file},"start":${r.start},"end":${r.end},"line":${r.line},"column":${r.column},"text":${JSON.stringify(r.text)},"placeholder":true,"slot":"${r.slot}","message":${JSON.stringify(r.message)},"sentence":`;
}

/** Records as JSON Lines, one object a line, in UTF-8. */
export function encodeJsonLines(records: readonly ReportRecord[]): Uint8Array {
  const out = new Utf8Buffer(records.length * 900);
  let file: string | null = null;
  let fileJson = '';
  let sentence: string | null = null;
  let sentenceFrom = 0;
  let sentenceTo = 0;
  let section: string[] | null = null;
  let sectionFrom = 0;
  let sectionTo = 0;
  for (const r of records) {
    if (r.file !== file) {
      file = r.file;
      fileJson = JSON.stringify(r.file);
    }
    out.write(r.kind === 'metric' ? metricHead(r, fileJson) : textHead(r, fileJson));
    const sentenceStart = out.pos;
    if (r.sentence === sentence) out.repeat(sentenceFrom, sentenceTo);
    else out.write(JSON.stringify(r.sentence));
    sentence = r.sentence;
    sentenceFrom = sentenceStart;
    sentenceTo = out.pos;
    out.write(r.kind === 'metric' ? `,"subject":${str(r.subject)},"section":` : ',"section":');
    const sectionStart = out.pos;
    if (r.section === section) out.repeat(sectionFrom, sectionTo);
    else out.write(JSON.stringify(r.section));
    section = r.section;
    sectionFrom = sectionStart;
    sectionTo = out.pos;
    out.write(r.kind === 'metric' ? `,"theme":${str(r.theme)},"year":${num(r.year)},"format":"${r.format}"}\n` : `,"format":"${r.format}"}\n`);
  }
  return out.bytes();
}
