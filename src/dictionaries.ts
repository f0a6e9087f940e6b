import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// dictionaries/ ships beside dist/ in the package, so resolve it from here
// rather than from the working directory. Every dictionary is read once per
// thread and checked as it is read: a broken entry stops the program at
// start with the file and the entry named, instead of becoming wrong records.

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DICTIONARY_DIR = join(packageRoot, 'dictionaries');

export class DictionaryError extends Error {}

export function dictionaryPath(name: string): string {
  return join(DICTIONARY_DIR, name);
}

export function readJsonDictionary<T>(name: string): T {
  try {
    return JSON.parse(readFileSync(dictionaryPath(name), 'utf8')) as T;
  } catch (err) {
    throw new DictionaryError(`dictionaries/${name}: ${(err as Error).message}`);
  }
}

/** One entry a line; blank lines and `#` comments skipped. */
export function readListDictionary(name: string): string[] {
  return readFileSync(dictionaryPath(name), 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Throws a DictionaryError naming the file and the entry when `ok` is false. */
export function expect(ok: boolean, name: string, what: string): void {
  if (!ok) throw new DictionaryError(`dictionaries/${name}: ${what}`);
}

export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== '');
}

export function isNumberMap(value: unknown): value is Record<string, number> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'number' && Number.isFinite(v));
}
