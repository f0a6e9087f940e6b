import { cliText } from '../i18n/cli.js';
import type { Lang } from '../lint/messages.js';
import type { ReportSummary } from '../output/summary.js';
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

/** Figures at the end of a run on stderr: one line to read, or `stats {…}` JSON for scripts (the benchmark reads it). */
export function printStats(files: InputFile[], records: number, started: Clock, format: 'text' | 'json', summaries: ReportSummary[] = [], lang: Lang = 'en'): void {
  const s = runStats(files, records, started);
  const furniture = summaries.reduce((n, r) => n + (r.furnitureLines ?? 0), 0);
  if (format === 'json') {
    process.stderr.write(`stats ${JSON.stringify({ ...s, furnitureLines: furniture })}\n`);
    return;
  }
  const cores = s.seconds > 0 ? s.cpuSeconds / s.seconds : 0;
  process.stderr.write(
    `${cliText(lang).stats(s.files, (s.bytes / 1e6).toFixed(1), s.seconds.toFixed(2), s.mbPerSecond.toFixed(2), s.records.toLocaleString('en-US'), furniture, s.maxRssMB.toFixed(0), s.cpuSeconds.toFixed(2), cores.toFixed(2))}\n`,
  );
}
