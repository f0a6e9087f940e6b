import { createHash } from 'node:crypto';

/**
 * The key that joins a report's records to its row in the reports table:
 * the first 16 hex digits of the SHA-256 of its name in the outputs. It
 * depends only on the name, so shards and resumed runs give the same key.
 */
export function reportKey(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 16);
}
