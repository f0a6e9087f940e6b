import { readFileSync } from 'node:fs';

/** The package's version, which a resumable run's manifest records: parts made by another version are made again. */
export const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
