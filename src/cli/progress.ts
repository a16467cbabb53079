import { Writable } from 'node:stream';
import { MultiBar } from 'cli-progress';

/** Counts for the end-of-run summary. */
export interface Tally {
  items: number;
  errors: number;
  inBytes: number;
  outBytes: number;
  inChars: number;
  keptChars: number;
}

export function emptyTally(): Tally {
  return { items: 0, errors: 0, inBytes: 0, outBytes: 0, inChars: 0, keptChars: 0 };
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
const plural = (n: number, one: string): string => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

/** `12 files, 1.20 MB in, 0.40 MB out, 66.7% of text removed, 1 error, 2.1 s` */
export function formatSummary(t: Tally, ms: number, unit: 'file' | 'record'): string {
  const removed = t.inChars > 0 ? (100 * (t.inChars - t.keptChars)) / t.inChars : 0;
  return [
    plural(t.items, unit),
    `${mb(t.inBytes)} in`,
    `${mb(t.outBytes)} out`,
    `${removed.toFixed(1)}% of text removed`,
    plural(t.errors, 'error'),
    `${(ms / 1000).toFixed(1)} s`,
  ].join(', ');
}

export interface Progress {
  /** One more item done, of `bytes` input bytes. */
  tick(bytes: number): void;
  /** Where messages go while the bar is drawn: above it, not through it. */
  readonly stderr: Writable;
  stop(): void;
}

/**
 * Files done/total, MB/s and ETA on stderr, drawn by cli-progress (which handles the terminal:
 * redraw rate, cursor, line clearing, ETA smoothing). Only for a terminal: callers pass `enabled`
 * false on a pipe or with --quiet, and get a no-op with the same shape.
 */
export function createProgress(stderr: Writable, total: number, enabled: boolean, now: () => number): Progress {
  if (!enabled) return { tick() {}, stderr, stop() {} };
  const started = now();
  let bytes = 0;
  let done = 0;
  const multi = new MultiBar({
    stream: stderr,
    format: 'deboil {bar} {value}/{total} files | {rate} MB/s | ETA {eta_formatted}',
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    // We handle SIGINT ourselves (stop workers, remove temp files) and stop the bar there.
    gracefulExit: false,
    etaBuffer: 50,
  });
  const bar = multi.create(total, 0, { rate: '0.0' });
  return {
    tick(n) {
      bytes += n;
      done++;
      const secs = Math.max((now() - started) / 1000, 1e-3);
      bar.update(done, { rate: (bytes / 1e6 / secs).toFixed(1) });
    },
    stderr: new Writable({
      write(chunk: Buffer | string, _enc, cb) {
        multi.log(String(chunk));
        cb();
      },
    }),
    stop() {
      // Flush lines logged since the last redraw before the bar goes away.
      multi.update();
      multi.stop();
    },
  };
}
