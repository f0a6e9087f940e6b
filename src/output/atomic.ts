import { createWriteStream, readdirSync, statSync, unlinkSync, type WriteStream } from 'node:fs';
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
 */
export class AtomicFile {
  readonly tempPath: string;
  private readonly stream: WriteStream;
  private failed: Error | null = null;
  /** A device or pipe (/dev/null, a FIFO) is written in place: renaming over it would replace it. */
  private readonly direct: boolean;

  constructor(readonly path: string) {
    this.direct = isSpecialFile(path);
    if (!this.direct) removeStaleTemps(path);
    this.tempPath = this.direct ? path : join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
    // A report's records are tens of KB: a larger buffer lets writes overlap the next report's work.
    this.stream = createWriteStream(this.tempPath, { flags: this.direct ? 'w' : 'wx', highWaterMark: 4 * 1024 * 1024 });
    this.stream.on('error', (err) => {
      this.failed = err;
    });
  }

  /** Resolves once the chunk is handed to the OS or buffered; waits on backpressure. */
  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.failed) throw this.failed;
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => { this.stream.off('error', onError); resolve(); };
        const onError = (err: Error) => { this.stream.off('drain', onDrain); reject(err); };
        this.stream.once('drain', onDrain);
        this.stream.once('error', onError);
      });
    }
  }

  async commit(): Promise<void> {
    await this.close();
    if (this.failed) throw this.failed;
    if (!this.direct) await rename(this.tempPath, this.path);
  }

  async abort(): Promise<void> {
    await this.close().catch(() => undefined);
    if (!this.direct) await unlink(this.tempPath).catch(() => undefined);
  }

  private close(): Promise<void> {
    if (this.stream.closed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve()));
    });
  }

  /** Opening fails early (missing folder, no permission) rather than at the end of a long run. */
  ready(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.stream.pending === false) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.stream.once('ready', () => resolve());
      this.stream.once('error', reject);
    });
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
