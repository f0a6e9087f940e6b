import { mkdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { AtomicFile } from './atomic.js';

// Where a sink's bytes go: a file written atomically, or standard output.

export interface Target {
  write(chunk: string | Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

class StandardOutput implements Target {
  write(chunk: string | Uint8Array): Promise<void> {
    if (chunk.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      process.stdout.write(chunk, (err) => (err ? reject(err) : resolve()));
    });
  }

  async commit(): Promise<void> {}

  async abort(): Promise<void> {}
}

/** Opens the file now, so a missing folder or a permission fails before a long run rather than after. */
export async function openFile(path: string): Promise<AtomicFile> {
  mkdirSync(dirname(path), { recursive: true });
  const file = new AtomicFile(path);
  await file.ready();
  return file;
}

export async function openTarget(path: string | null): Promise<Target> {
  return path === null ? new StandardOutput() : openFile(path);
}

/** The reports table beside a records file: metrics.csv → metrics.reports.csv (two runs into one folder keep theirs apart). */
export function reportsPathBeside(out: string): string {
  const ext = extname(out);
  return join(dirname(out), `${basename(out, ext)}.reports${ext}`);
}
