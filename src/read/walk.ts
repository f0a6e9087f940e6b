import { stat, type Stats } from 'node:fs';
import { readdir, realpath, stat as statAsync } from 'node:fs/promises';
import { join, posix, relative, resolve } from 'node:path';
import { isReportName } from './readers/index.js';

const STAT_CHUNK = 1024;

export interface InputFile {
  /** Path to open. */
  path: string;
  /**
   * How every output names the file: the path as given on the command line,
   * extended by the path inside a folder given, with '/' between parts and
   * no leading './'. Two inputs never share a name.
   */
  name: string;
  /** Path inside the folder it was found in (the file's own name when given directly): what shards hash, so a corpus mounted elsewhere splits the same way. */
  relative?: string;
  /** Size in bytes when the folder was read (for progress and throughput). */
  size?: number;
}

export interface WalkProblem {
  path: string;
  reason: string;
}

/**
 * Expands files and folders into a stable, sorted list of report files.
 * Folders are walked recursively; symlinked folders are followed once
 * (a loop is reported, not followed forever).
 */
export async function collectInputs(paths: string[], isReport: (name: string) => boolean = isReportName): Promise<{ files: InputFile[]; problems: WalkProblem[] }> {
  const files: InputFile[] = [];
  const problems: WalkProblem[] = [];
  // The same file reached twice (named twice, or named and inside a folder named) is read once.
  const seen = new Set<string>();
  const add = (file: InputFile) => {
    const key = resolve(file.path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const given of paths) {
    let info;
    try {
      info = await statAsync(given);
    } catch (err) {
      problems.push({ path: given, reason: describeFsError(err) });
      continue;
    }
    if (info.isDirectory()) {
      const found: Array<{ path: string; size: number }> = [];
      await walk(given, found, problems, new Set(), isReport);
      found.sort((a, b) => compareCodepoints(a.path, b.path));
      for (const f of found) {
        const inside = toPosix(relative(given, f.path));
        add({ path: f.path, name: posix.join(displayPath(given), inside), relative: inside, size: f.size });
      }
    } else {
      add({ path: given, name: displayPath(given), relative: posix.basename(toPosix(given)), size: info.size });
    }
  }
  return { files, problems };
}

function toPosix(path: string): string {
  return path.split('\\').join('/');
}

/** A path as the user gave it, normalised: `./a//b/` → `a/b`. */
export function displayPath(given: string): string {
  const normal = posix.normalize(toPosix(given));
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

function compareCodepoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function walk(dir: string, out: Array<{ path: string; size: number }>, problems: WalkProblem[], seen: Set<string>, isReport: (name: string) => boolean): Promise<void> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (err) {
    problems.push({ path: dir, reason: describeFsError(err) });
    return;
  }
  if (seen.has(real)) {
    problems.push({ path: dir, reason: 'symbolic link loop: folder already visited' });
    return;
  }
  seen.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    problems.push({ path: dir, reason: describeFsError(err) });
    return;
  }
  const candidates = entries.flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const wanted = isReport(entry.name);
    return wanted || entry.isDirectory() || entry.isSymbolicLink() ? [{ path: join(dir, entry.name), wanted }] : [];
  });
  const targets = await statAll(candidates.map((c) => c.path));
  for (let k = 0; k < candidates.length; k++) {
    const { path, wanted } = candidates[k]!;
    const target = targets[k]!;
    if (target instanceof Error) {
      problems.push({ path, reason: describeFsError(target) });
      continue;
    }
    if (target.isDirectory()) await walk(path, out, problems, new Set(seen), isReport);
    else if (target.isFile() && wanted) out.push({ path, size: target.size });
  }
}

/**
 * Stats of many paths, a thousand requests at a time: awaiting one stat
 * after another kept a large folder waiting before its first report was
 * read, and on a network share every request's latency adds up.
 */
function statAll(paths: string[]): Promise<Array<Stats | Error>> {
  const out: Array<Stats | Error> = new Array(paths.length);
  const chunk = (from: number): Promise<void> =>
    new Promise((resolve) => {
      const to = Math.min(paths.length, from + STAT_CHUNK);
      let left = to - from;
      if (left === 0) return resolve();
      for (let i = from; i < to; i++) {
        stat(paths[i]!, (err, info) => {
          out[i] = err ?? info;
          if (--left === 0) resolve();
        });
      }
    });
  return (async () => {
    for (let from = 0; from < paths.length; from += STAT_CHUNK) await chunk(from);
    return out;
  })();
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder, not a file';
    case 'ELOOP': return 'symbolic link loop';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    default: return (err as Error)?.message ?? String(err);
  }
}
