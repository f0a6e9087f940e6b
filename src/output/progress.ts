import { cliText } from '../i18n/cli.js';
import type { Lang } from '../lint/messages.js';

// A progress line on stderr for folder runs: files done / total, MB/s, ETA.
// Only on a terminal; silent when stderr is piped or with --quiet.

export class Progress {
  private done = 0;
  private bytes = 0;
  private readonly started = performance.now();
  private lastDraw = 0;

  constructor(
    private readonly totalFiles: number,
    private readonly totalBytes: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = stream.isTTY === true,
    private readonly lang: Lang = 'en',
  ) {}

  tick(bytes: number): void {
    this.done++;
    this.bytes += bytes;
    const now = performance.now();
    if (!this.enabled || (now - this.lastDraw < 100 && this.done < this.totalFiles)) return;
    this.lastDraw = now;
    this.stream.write(`\r${this.line(now)}\x1b[K`);
  }

  line(now = performance.now()): string {
    const seconds = Math.max((now - this.started) / 1000, 1e-3);
    const rate = this.bytes / 1e6 / seconds;
    const left = this.totalBytes - this.bytes;
    const eta = rate > 0 ? Math.round(left / 1e6 / rate) : 0;
    const width = 24;
    const filled = this.totalFiles === 0 ? width : Math.round((width * this.done) / this.totalFiles);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${cliText(this.lang).progress(this.done, this.totalFiles, rate.toFixed(1), eta)}`;
  }

  end(): void {
    if (this.enabled) this.stream.write('\n');
  }
}
