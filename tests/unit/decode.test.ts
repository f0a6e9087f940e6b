import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decode, DecodeError, validUtf8ToString } from '../../src/read/decode.js';
import { extractText } from '../../src/pipeline.js';

const sample = readFileSync(new URL('../../corpus/002_0ff6318cc281d4f7.txt', import.meta.url), 'utf8');

function gb18030(text: string): Buffer {
  // Node has no GB18030 encoder; build the bytes from a decoder table of the characters used.
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(hi, lo));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no two-byte GB18030 code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

describe('decode', () => {
  const variants: Array<[string, Buffer, string]> = [
    ['utf-8', Buffer.from(sample, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]), 'utf-8-bom'],
    ['utf-16 le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]), 'utf-16le'],
    ['utf-16 be with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(sample)]), 'utf-16be'],
    ['utf-16 le without BOM', Buffer.from(sample, 'utf16le'), 'utf-16le'],
    ['gb18030', gb18030(sample), 'gb18030'],
  ];
  const reference = extractText(sample, 'sample.txt').records;

  for (const [label, bytes, encoding] of variants) {
    it(`${label} decodes to the same text and the same records`, () => {
      const decoded = decode(bytes);
      expect(decoded.encoding).toBe(encoding);
      expect(decoded.text).toBe(sample);
      expect(extractText(decoded.text, 'sample.txt').records).toEqual(reference);
    });
  }

  it('removes the BOM and nothing else: CRLF stays', () => {
    const text = '第一行\r\n新建5个\r\n';
    const decoded = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(decoded.text).toBe(text);
    const record = extractText(decoded.text, 'crlf.txt').records[0]!;
    expect(decoded.text.slice(record.start, record.end)).toBe('5个');
    expect(record).toMatchObject({ line: 2, column: 3 });
  });

  it('rejects binary data with NUL bytes', () => {
    expect(() => decode(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0x00, 0x01]))).toThrow(DecodeError);
  });

  it('rejects bytes that are neither UTF-8, GB18030 nor Big5, naming --encoding', () => {
    expect(() => decode(Buffer.from([0x81, 0x20, 0xff, 0xff, 0x81]))).toThrow(/neither UTF-8, GB18030 nor Big5.*--encoding/);
  });

  it('decodes an empty file to empty text', () => {
    expect(decode(Buffer.alloc(0))).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('validUtf8ToString', () => {
  const reference = new TextDecoder();

  it('gives what TextDecoder gives for any valid UTF-8 (one to four bytes a character)', () => {
    // Buffer.from turns lone surrogates into U+FFFD, so every input here is valid UTF-8, as isUtf8 guarantees in decode().
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const bytes = Buffer.from(s);
        expect(validUtf8ToString(bytes)).toBe(reference.decode(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes a file larger than its scratch space, and a smaller one after it', () => {
    const big = Buffer.from('全镇种植3000亩😀\n'.repeat(400_000));
    expect(big.length).toBeGreaterThan(4 * 1024 * 1024);
    expect(validUtf8ToString(big)).toBe(reference.decode(big));
    const medium = Buffer.from('新建农户12户。'.repeat(50_000));
    expect(validUtf8ToString(medium)).toBe(reference.decode(medium));
    expect(validUtf8ToString(Buffer.from('短'))).toBe('短');
  });
});
