import type { InputFile } from '../read/walk.js';

export interface Clock {
  wall: number;
  cpu: NodeJS.CpuUsage;
}

export function startClock(): Clock {
  return { wall: performance.now(), cpu: process.cpuUsage() };
}

export interface RunStats {
  files: number;
  bytes: number;
  records: number;
  seconds: number;
  mbPerSecond: number;
  maxRssMB: number;
  /** All threads together (workers, the main thread, the engine's compiler and collector threads). */
  cpuSeconds: number;
}

export function runStats(files: InputFile[], records: number, started: Clock): RunStats {
  const seconds = (performance.now() - started.wall) / 1000;
  const cpu = process.cpuUsage(started.cpu);
  const bytes = files.reduce((n, f) => n + (f.size ?? 0), 0);
  return {
    files: files.length,
    bytes,
    records,
    seconds: Number(seconds.toFixed(3)),
    mbPerSecond: Number((bytes / 1e6 / seconds).toFixed(2)),
    maxRssMB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
  };
}

export function printStats(files: InputFile[], records: number, started: Clock): void {
  process.stderr.write(`stats ${JSON.stringify(runStats(files, records, started))}\n`);
}
