import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// dictionaries/ ships beside dist/ in the package, so resolve it from here
// rather than from the working directory.
const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DICTIONARY_DIR = join(packageRoot, 'dictionaries');

export function dictionaryPath(name: string): string {
  return join(DICTIONARY_DIR, name);
}

export function readJsonDictionary<T>(name: string): T {
  return JSON.parse(readFileSync(dictionaryPath(name), 'utf8')) as T;
}

/** One entry a line; blank lines and `#` comments skipped. */
export function readListDictionary(name: string): string[] {
  return readFileSync(dictionaryPath(name), 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
