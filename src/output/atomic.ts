import { closeSync, openSync, readdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export function isSpecialFile(path: string): boolean {
  try {
    const info = statSync(path);
    return !info.isFile() && !info.isDirectory();
  } catch {
    return false;
  }
}

/**
 * A file written in full or not at all: content goes to a temporary file
 * beside the target and is renamed over it on commit, so an interrupted run
 * leaves the previous file (or none), never half a file.
 *
 * Writes are synchronous: the bytes may be shared memory that a worker
 * reuses as soon as write() returns, and the main thread has nothing else
 * to do meanwhile (a stream would keep a reference and copy later).
 */
export class AtomicFile {
  readonly tempPath: string;
  private fd: number | null = null;
  private failed: Error | null = null;
  private closed = false;
  /** A device or pipe (/dev/null, a FIFO) is written in place: renaming over it would replace it. */
  private readonly direct: boolean;

  constructor(readonly path: string) {
    this.direct = isSpecialFile(path);
    if (!this.direct) removeStaleTemps(path);
    this.tempPath = this.direct ? path : join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  }

  /** Opens the temporary file: fails early (missing folder, no permission) rather than at the end of a long run. */
  async ready(): Promise<void> {
    this.open();
  }

  private open(): number {
    if (this.failed) throw this.failed;
    if (this.fd === null) {
      try {
        this.fd = openSync(this.tempPath, this.direct ? 'w' : 'wx');
      } catch (err) {
        this.failed = err as Error;
        throw err;
      }
    }
    return this.fd;
  }

  /** Resolves once the chunk is in the operating system's hands. */
  async write(chunk: string | Uint8Array): Promise<void> {
    this.writeSync(chunk);
  }

  writeSync(chunk: string | Uint8Array): void {
    const fd = this.open();
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (err) {
      this.failed = err as Error;
      throw err;
    }
  }

  async commit(): Promise<void> {
    this.open();
    this.close();
    if (this.failed) throw this.failed;
    if (!this.direct) await rename(this.tempPath, this.path);
  }

  async abort(): Promise<void> {
    this.close();
    if (!this.direct) await unlink(this.tempPath).catch(() => undefined);
  }

  private close(): void {
    if (this.closed || this.fd === null) return;
    this.closed = true;
    try {
      closeSync(this.fd);
    } catch (err) {
      this.failed ??= err as Error;
    }
  }
}

const TEMP_NAME = /^\.(.+)\.tmp-(\d+)-[a-z0-9]+$/;

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files of this target left by a run that was killed (SIGKILL leaves no chance to clean up). */
function removeStaleTemps(path: string): void {
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return; // the folder is missing or unreadable: opening the temp file will say so
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || m[1] !== basename(path) || processIsAlive(Number(m[2]))) continue;
    try {
      unlinkSync(join(dirname(path), name));
    } catch {
      // gone already, or not ours to remove
    }
  }
}

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const file = new AtomicFile(path);
  try {
    await file.ready();
    await file.write(content);
    await file.commit();
  } catch (err) {
    await file.abort();
    throw err;
  }
}
