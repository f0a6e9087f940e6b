import { isUtf8 } from 'node:buffer';
import { endianness } from 'node:os';
import { readJsonDictionary } from '../dictionaries.js';

// Decoding order: a BOM decides; else strict UTF-8; else the legacy
// encoding whose text reads as Chinese (GB18030 or Big5). UTF-16 without a
// BOM is recognised by its zero bytes.

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** How the text was decoded: a WHATWG encoding name, or utf-8-bom. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | (string & {});

export class DecodeError extends Error {
  constructor(message: string, readonly reason: 'binary' | 'undecodable') {
    super(message);
  }
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** The encoding was a guess the reader could not be sure of. */
  warning?: string;
}

function decodeStrict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of zero bytes at even and at odd positions in the first few KiB. */
function zeroBytes(bytes: Uint8Array): { even: number; odd: number; total: number } {
  const n = Math.min(bytes.length, 8192);
  // Text has none: one native search answers for nearly every file.
  if (bytes.subarray(0, n).indexOf(0) < 0) return { even: 0, odd: 0, total: 0 };
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  return { even: even / Math.max(1, n / 2), odd: odd / Math.max(1, n / 2), total: even + odd };
}

/**
 * Whether a file's first bytes rule out text: NUL bytes on both parities
 * (UTF-16 text has its zero bytes on one side). Looked at before the rest
 * of a file is read, so a large binary file is refused unread.
 */
export function headLooksBinary(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  const zeros = zeroBytes(head);
  if (zeros.total === 0) return false;
  return !(zeros.odd > 4 * zeros.even || zeros.even > 4 * zeros.odd);
}

/** Control characters other than tab, newline, carriage return and form feed. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return n > 0 && control / n > 0.01;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict('utf-8', bytes.subarray(3));
    if (text === null) throw new DecodeError('has a UTF-8 byte order mark but is not valid UTF-8', 'undecodable');
    return { text, encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const zeros = zeroBytes(bytes);
  if (zeros.total > 0) {
    // UTF-16 text has most of its zero bytes (the high byte of ASCII characters)
    // on one parity; binary data has them on both.
    for (const [label, main, stray] of [['utf-16le', zeros.odd, zeros.even], ['utf-16be', zeros.even, zeros.odd]] as const) {
      if (main <= 4 * stray || bytes.length % 2 === 1) continue;
      const text = decodeStrict(label, bytes);
      if (text !== null && !looksBinary(text)) return { text, encoding: label };
    }
    throw new DecodeError('looks like a binary file (it contains NUL bytes)', 'binary');
  }
  const utf8 = isUtf8(bytes) ? validUtf8ToString(bytes) : null;
  if (utf8 !== null) {
    if (looksBinary(utf8)) throw new DecodeError('looks like a binary file (control characters)', 'binary');
    return { text: utf8, encoding: 'utf-8' };
  }
  // A UTF-8 file cut inside its last character (an interrupted copy) is still UTF-8.
  const whole = completeUtf8Length(bytes);
  if (whole < bytes.length && whole > 0 && isUtf8(bytes.subarray(0, whole))) {
    const text = UTF8.decode(bytes.subarray(0, whole));
    if (!looksBinary(text)) return { text, encoding: 'utf-8' };
  }
  return decodeLegacy(bytes);
}

/**
 * Text that is not UTF-8 is in a legacy encoding: GB18030 (a superset of
 * GBK and GB2312) on the mainland, Big5 in Taiwan and Hong Kong. Nearly any
 * bytes decode as GB18030, so the decoding whose characters are the common
 * ones of Chinese text wins; when neither looks like Chinese the file is
 * read as GB18030 with a warning that names --encoding.
 */
function decodeLegacy(bytes: Uint8Array): Decoded {
  const gb = decodeStrict('gb18030', bytes);
  const gbScore = gb === null || looksBinary(gb) ? -1 : commonShare(gb);
  if (gbScore >= CLEARLY_CHINESE) return { text: gb!, encoding: 'gb18030' };
  const big5 = decodeStrict('big5', bytes);
  const big5Score = big5 === null || looksBinary(big5) ? -1 : commonShare(big5);
  if (big5Score > gbScore && big5Score >= LIKELY_CHINESE) return { text: big5!, encoding: 'big5' };
  if (gbScore >= LIKELY_CHINESE) return { text: gb!, encoding: 'gb18030' };
  if (gbScore < 0 && big5Score < 0) throw new DecodeError('is neither UTF-8, GB18030 nor Big5 text (undecodable bytes); give its encoding with --encoding', 'undecodable');
  const [text, encoding] = gbScore >= big5Score ? [gb!, 'gb18030'] : [big5!, 'big5'];
  return { text, encoding, warning: `read as ${encoding.toUpperCase()}, but few of its characters are common Chinese ones: if the text looks wrong, give its encoding with --encoding` };
}

const CLEARLY_CHINESE = 0.8;
const LIKELY_CHINESE = 0.5;
const COMMON = (() => {
  const { simplified, traditional } = readJsonDictionary<{ simplified: string; traditional: string }>('common-chars.json');
  const table = new Uint8Array(0x10000);
  for (const ch of simplified + traditional) table[ch.charCodeAt(0)] = 1;
  return table;
})();

/** Share of the CJK characters (in the first 64K characters) that are common ones; 1 when there are none to judge. */
function commonShare(text: string): number {
  let cjk = 0;
  let common = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) continue;
    cjk++;
    common += COMMON[c]!;
  }
  return cjk < 20 ? 1 : common / cjk;
}

/** Length without a trailing incomplete UTF-8 sequence (a lead byte and fewer continuation bytes than it announces). */
function completeUtf8Length(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

function utf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): string {
  const text = decodeStrict(label, bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1));
  if (text === null || (bytes.length % 2 === 1)) throw new DecodeError(`is not valid ${label.toUpperCase()} (truncated or broken)`, 'undecodable');
  return text;
}

/** Files up to this size are decoded by the loop below; larger ones (rare) by TextDecoder, so the scratch array stays small. */
const FAST_DECODE_LIMIT = 4 * 1024 * 1024;
const LITTLE_ENDIAN = endianness() === 'LE';
let scratch = new Uint16Array(64 * 1024);

/**
 * A string from bytes that isUtf8 has already validated. TextDecoder is
 * slow at turning Chinese UTF-8 into a string (it checks every byte again
 * and builds the string piece by piece); writing the UTF-16 code units with
 * this loop and copying them into a string at once is several times faster
 * (tests/unit/decode.test.ts holds it to TextDecoder's result).
 */
export function validUtf8ToString(bytes: Uint8Array): string {
  const n = bytes.length;
  if (n > FAST_DECODE_LIMIT || !LITTLE_ENDIAN) return UTF8.decode(bytes);
  if (scratch.length < n) scratch = new Uint16Array(Math.min(FAST_DECODE_LIMIT, 2 * n));
  const out = scratch;
  let j = 0;
  for (let i = 0; i < n; ) {
    const c = bytes[i]!;
    if (c < 0x80) {
      out[j++] = c;
      i += 1;
    } else if (c < 0xe0) {
      out[j++] = ((c & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      out[j++] = ((c & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      i += 3;
    } else {
      const cp = (((c & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f)) - 0x10000;
      out[j++] = 0xd800 | (cp >> 10);
      out[j++] = 0xdc00 | (cp & 0x3ff);
      i += 4;
    }
  }
  return Buffer.from(out.buffer, out.byteOffset, j * 2).toString('utf16le');
}

/** What a text reader returns for decoded bytes, its doubt (if any) as a warning. */
export function decodedText(bytes: Uint8Array, label?: string): { text: string; encoding: Encoding; warnings?: string[] } {
  const d = decodeText(bytes, label);
  return { text: d.text, encoding: d.encoding, ...(d.warning ? { warnings: [d.warning] } : {}) };
}

/** decode(), or the encoding the user named (`--encoding big5`): strict, so a wrong guess is an error, not garbage. */
export function decodeText(bytes: Uint8Array, label?: string): Decoded {
  if (label === undefined) return decode(bytes);
  const name = normaliseEncoding(label);
  const body = hasBom(bytes, name) ? bytes.subarray(name === 'utf-8' ? 3 : 2) : bytes;
  const text = decodeStrict(name, body);
  if (text === null) throw new DecodeError(`is not valid ${label} text`, 'undecodable');
  return { text, encoding: name as Encoding };
}

/** The WHATWG name of an encoding label (gbk → gbk, BIG5 → big5), or an error naming the label. */
export function normaliseEncoding(label: string): string {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    throw new DecodeError(`unknown encoding "${label}"`, 'undecodable');
  }
}

function hasBom(bytes: Uint8Array, name: string): boolean {
  if (name === 'utf-8') return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (name === 'utf-16le') return bytes[0] === 0xff && bytes[1] === 0xfe;
  if (name === 'utf-16be') return bytes[0] === 0xfe && bytes[1] === 0xff;
  return false;
}
