import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { DecodeError, headLooksBinary } from './decode.js';
import { FormatError, type Reader, type ReaderResult, type ReadOptions } from './reader.js';
import { readerFor, readerForName, SNIFF_BYTES } from './readers/index.js';
import { describeFsError, openablePath, type InputFile } from './walk.js';

// The one way into the pipeline for every command: bytes, the reader their
// content or name asks for, and report text. The first bytes are read and
// looked at before the rest, so a large binary file is refused unread.

/** A report that could not be read, with the reason in words. */
export class InputError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
  }
}

export interface ReadInput extends ReaderResult {
  format: string;
  /** SHA-256 of the bytes read, when asked for (a resumable run's manifest keeps it). */
  hash?: string;
}

export interface ReadInputOptions extends ReadOptions {
  hash?: boolean;
}

/** No report is this large; a larger file is refused before it is read (a JavaScript string could not hold its text). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** The reader for these bytes, or why none reads them. */
function chooseReader(name: string, head: Uint8Array): Reader {
  const reader = readerFor(name, head);
  // A file with an ending no reader knows is read as text only if it looks like text.
  if (reader.text && !readerForName(name) && extname(name) !== '' && headLooksBinary(head)) {
    throw new FormatError(`is a ${extname(name).toLowerCase()} file, a format report-metrics does not read`);
  }
  return reader;
}

async function readWith(reader: Reader, name: string, bytes: Buffer, options: ReadOptions): Promise<ReadInput> {
  try {
    return { ...(await reader.read(bytes, options)), format: reader.format };
  } catch (err) {
    if (err instanceof DecodeError || err instanceof FormatError) throw new InputError(name, err.message);
    throw err;
  }
}

/** Reads a report from bytes already in memory (standard input, an upload). */
export async function readBytes(name: string, bytes: Buffer, options: ReadOptions = {}): Promise<ReadInput> {
  let reader: Reader;
  try {
    reader = chooseReader(name, bytes.subarray(0, SNIFF_BYTES));
  } catch (err) {
    throw new InputError(name, (err as Error).message);
  }
  return readWith(reader, name, bytes, options);
}

/** The file's bytes, its first ones looked at before the rest is read. */
function readFileChecked(input: InputFile): { bytes: Buffer; reader: Reader } {
  const path = openablePath(input);
  const info = statSync(path);
  // Opening a FIFO waits for a writer that may never come.
  if (!info.isFile()) throw new FormatError(info.isDirectory() ? 'is a folder, not a file' : 'is not a regular file (a pipe, socket or device): not read');
  if (info.size > MAX_INPUT_BYTES) throw new FormatError(`is ${(info.size / 2 ** 20).toFixed(0)} MB, more than the ${MAX_INPUT_BYTES / 2 ** 20} MB a report may be: not read`);
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.allocUnsafe(Math.min(size, SNIFF_BYTES));
    const got = readSync(fd, head, 0, head.length, 0);
    const reader = chooseReader(input.name, head.subarray(0, got));
    if (reader.text && headLooksBinary(head.subarray(0, got))) throw new DecodeError('looks like a binary file (it contains NUL bytes)', 'binary');
    const bytes = Buffer.allocUnsafe(size);
    head.copy(bytes, 0, 0, got);
    let at = got;
    while (at < size) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    return { bytes: at === size ? bytes : bytes.subarray(0, at), reader };
  } finally {
    closeSync(fd);
  }
}

export async function readInput(input: InputFile, options: ReadInputOptions = {}): Promise<ReadInput> {
  let file: { bytes: Buffer; reader: Reader };
  try {
    file = readFileChecked(input);
  } catch (err) {
    if (err instanceof FormatError || err instanceof DecodeError) throw new InputError(input.name, err.message);
    throw new InputError(input.name, describeFsError(err));
  }
  const hash = options.hash ? createHash('sha256').update(file.bytes).digest('hex') : undefined;
  return { ...(await readWith(file.reader, input.name, file.bytes, options)), hash };
}
