import { readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { posix, resolve } from 'node:path';
import { cliText } from '../i18n/cli.js';
import type { Lang } from '../lint/messages.js';
import { isReportName } from './readers/index.js';

export interface InputFile {
  /** Path to open (lossy where the name is not valid UTF-8: then `raw` is opened). */
  path: string;
  /** The exact bytes of the path, for a file whose name is not valid UTF-8. */
  raw?: Buffer;
  /**
   * How every output names the file: the path as given on the command line,
   * extended by the path inside a folder given, with '/' between parts and
   * no leading './'. Two inputs never share a name. A name that is not valid
   * UTF-8 shows its stray bytes escaped (\xff).
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

/** A file in a folder given that is not a report this tool reads. */
export interface Skipped {
  name: string;
  /** Its ending (`.xls`), or '' when it has none. */
  ext: string;
}

export interface Inputs {
  files: InputFile[];
  problems: WalkProblem[];
  skipped: Skipped[];
}

/** Word's and WPS's lock files of an open document (~$报告.docx) are never reports and never worth a message. */
export function isLockFile(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.~lock.');
}

/** The bytes a path opens: the raw name where it has one. */
export function openablePath(input: { path: string; raw?: Buffer }): string | Buffer {
  return input.raw ?? input.path;
}

/**
 * Expands files and folders into a stable, sorted list of report files.
 * Folders are walked recursively; symlinked folders are followed once
 * (a loop is reported, not followed forever). Files in a folder that are
 * not reports are listed in `skipped`; a path given that is a FIFO, socket
 * or device is a problem, never opened (reading a FIFO waits forever).
 */
export async function collectInputs(paths: string[], isReport: (name: string) => boolean = isReportName): Promise<Inputs> {
  const out: Inputs = { files: [], problems: [], skipped: [] };
  // The same file reached twice (named twice, or named and inside a folder named) is read once.
  const seen = new Set<string>();
  const add = (file: InputFile) => {
    const key = resolve(file.path) + (file.raw ? `\0${file.raw.toString('hex')}` : '');
    if (seen.has(key)) return;
    seen.add(key);
    out.files.push(file);
  };
  for (const given of paths) {
    let info: Stats;
    try {
      info = await stat(given);
    } catch (err) {
      out.problems.push({ path: given, reason: describeFsError(err) });
      continue;
    }
    if (info.isDirectory()) {
      const found: Found[] = [];
      await walk(Buffer.from(given), found, out, new Set(), isReport);
      found.sort((a, b) => Buffer.compare(a.raw, b.raw));
      const rootLength = Buffer.byteLength(given) + (given.endsWith('/') ? 0 : 1);
      for (const f of found) {
        const valid = isValidUtf8(f.raw);
        const inside = valid ? toPosix(f.raw.subarray(rootLength).toString('utf8')) : escapeInvalid(f.raw.subarray(rootLength));
        add({ path: f.raw.toString('utf8'), ...(valid ? {} : { raw: f.raw }), name: posix.join(displayPath(given), inside), relative: inside, size: f.size });
      }
    } else if (!info.isFile()) {
      out.problems.push({ path: given, reason: `${specialKind(info)}, not a file: not read` });
    } else {
      add({ path: given, name: displayPath(given), relative: posix.basename(toPosix(given)), size: info.size });
    }
  }
  return out;
}

interface Found {
  raw: Buffer;
  size: number;
}

function toPosix(path: string): string {
  return path.split('\\').join('/');
}

/** A path as the user gave it, normalised: `./a//b/` → `a/b`. */
export function displayPath(given: string): string {
  const normal = posix.normalize(toPosix(given));
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Buffer): boolean {
  try {
    UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A path with its valid UTF-8 kept and every other byte written \xNN. */
function escapeInvalid(bytes: Buffer): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const len = utf8Length(bytes, i);
    if (len > 0) {
      out += bytes.subarray(i, i + len).toString('utf8');
      i += len;
    } else {
      out += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

/** Length of the valid UTF-8 sequence at i, or 0. */
function utf8Length(bytes: Buffer, i: number): number {
  const b = bytes[i]!;
  const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
  if (len <= 1) return len;
  return isValidUtf8(bytes.subarray(i, i + len)) && i + len <= bytes.length ? len : 0;
}

function specialKind(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'a special file';
}

const SLASH = Buffer.from('/');
const STAT_CHUNK = 1024;

/** Folders are read by their raw names, so a name that is not valid UTF-8 is still found and opened. */
async function walk(dir: Buffer, out: Found[], inputs: Inputs, seen: Set<string>, isReport: (name: string) => boolean): Promise<void> {
  let real: string;
  try {
    real = (await realpath(dir, { encoding: 'buffer' })).toString('hex');
  } catch (err) {
    inputs.problems.push({ path: dir.toString(), reason: describeFsError(err) });
    return;
  }
  if (seen.has(real)) {
    inputs.problems.push({ path: dir.toString(), reason: 'symbolic link loop: folder already visited' });
    return;
  }
  seen.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (err) {
    inputs.problems.push({ path: dir.toString(), reason: describeFsError(err) });
    return;
  }
  const base = dir.length > 0 && dir[dir.length - 1] === 0x2f ? dir : Buffer.concat([dir, SLASH]);
  const candidates = entries.flatMap((entry) => {
    const name = entry.name.toString('utf8');
    if (name.startsWith('.') || isLockFile(name)) return [];
    // Only folders, links and files need a stat: sockets and pipes inside a folder are not reports.
    if (!entry.isDirectory() && !entry.isSymbolicLink() && !entry.isFile()) return [];
    return [{ raw: Buffer.concat([base, entry.name]), name, wanted: isReport(name) }];
  });
  const targets = await statAll(candidates.map((c) => c.raw));
  for (let k = 0; k < candidates.length; k++) {
    const { raw, name, wanted } = candidates[k]!;
    const target = targets[k]!;
    if (target instanceof Error) {
      inputs.problems.push({ path: raw.toString(), reason: describeFsError(target) });
      continue;
    }
    if (target.isDirectory()) await walk(raw, out, inputs, new Set(seen), isReport);
    else if (target.isFile() && wanted) out.push({ raw, size: target.size });
    else if (target.isFile()) inputs.skipped.push({ name: raw.toString(), ext: posix.extname(name).toLowerCase() });
  }
}

/**
 * Stats of many paths, a thousand requests at a time: awaiting one stat
 * after another kept a large folder waiting before its first report was
 * read, and on a network share every request's latency adds up.
 */
async function statAll(paths: Buffer[]): Promise<Array<Stats | Error>> {
  const out: Array<Stats | Error> = [];
  for (let from = 0; from < paths.length; from += STAT_CHUNK) {
    const chunk = paths.slice(from, from + STAT_CHUNK).map((p) => stat(p).catch((err: Error) => err));
    out.push(...(await Promise.all(chunk)));
  }
  return out;
}

/** `skipped 3 files it does not read: .xls ×2, .ppt` — one line for a summary, with a few names. */
export function describeSkipped(skipped: Skipped[], lang: Lang = 'en'): string {
  const t = cliText(lang);
  const byExt = new Map<string, string[]>();
  for (const s of skipped) byExt.set(s.ext, [...(byExt.get(s.ext) ?? []), s.name]);
  const parts = [...byExt].sort((a, b) => b[1].length - a[1].length).map(([ext, names]) => `${ext || t.noExtension}${names.length > 1 ? ` ×${names.length}` : ''}`);
  const names = skipped.slice(0, 5).map((s) => s.name).join(', ');
  return t.skipped(skipped.length, parts.join(', '), `${names}${skipped.length > 5 ? ', …' : ''}`);
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

