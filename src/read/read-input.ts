import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { DecodeError } from './decode.js';
import { FormatError, type ReaderResult, type ReadOptions } from './reader.js';
import { readerFor, SNIFF_BYTES } from './readers/index.js';
import { describeFsError, type InputFile } from './walk.js';

// The one way into the pipeline for every command: bytes, the reader their
// content or name asks for, and report text.

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
  /** Read with a blocking call (worker threads have nothing else to do meanwhile). */
  sync?: boolean;
  hash?: boolean;
}

/** Reads a report from bytes already in memory (standard input, an upload). */
export async function readBytes(name: string, bytes: Buffer, options: ReadOptions = {}): Promise<ReadInput> {
  const reader = readerFor(name, bytes.subarray(0, SNIFF_BYTES));
  try {
    return { ...(await reader.read(bytes, options)), format: reader.format };
  } catch (err) {
    if (err instanceof DecodeError || err instanceof FormatError) throw new InputError(name, err.message);
    throw err;
  }
}

export async function readInput(input: InputFile, options: ReadInputOptions = {}): Promise<ReadInput> {
  let bytes: Buffer;
  try {
    bytes = options.sync ? readFileSync(input.path) : await readFile(input.path);
  } catch (err) {
    throw new InputError(input.name, describeFsError(err));
  }
  const hash = options.hash ? createHash('sha256').update(bytes).digest('hex') : undefined;
  return { ...(await readBytes(input.name, bytes, options)), hash };
}
