import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

// Two runs writing one --out DIR/ at once would interleave their manifest
// lines and race to assemble the dataset. The first takes DIR/.lock; the
// second is refused with who holds it. A lock whose process is gone (a
// killed run on this machine) is taken over.

interface Holder {
  pid: number;
  host: string;
  started: string;
}

export class LockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Holder;
  } catch {
    return null;
  }
}

/** Takes the folder's lock, or throws a LockedError naming its holder. Returns the release. */
export function lockFolder(dir: string): () => void {
  const path = join(dir, '.lock');
  const me: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me) + '\n');
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        if (readHolder(path)?.pid === me.pid) {
          try {
            unlinkSync(path);
          } catch {
            // already gone
          }
        }
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(path);
      // A lock left by a run on this machine that no longer exists (killed with SIGKILL) is stale.
      if (holder && holder.host === me.host && !alive(holder.pid) && attempt === 0) {
        unlinkSync(path);
        continue;
      }
      const who = holder ? `process ${holder.pid} on ${holder.host}, started ${holder.started}` : 'another run';
      throw new LockedError(`${dir} is being written by ${who}: wait for it to finish, or remove ${path} if that run is gone`);
    }
  }
  throw new LockedError(`${dir}: could not take ${path}`);
}
