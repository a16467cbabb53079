import type { Readable, Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { describeFsError } from '../io/read.js';
import { OutputError } from './errors.js';

/** Everything main() touches of the outside world, so tests can pass fakes and need no mocks. */
export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly stdinIsTTY: boolean;
  /** Registers a handler for SIGINT/SIGTERM; returns a function that removes it. */
  readonly onSignal?: (handler: (signal: 'SIGINT' | 'SIGTERM') => void) => () => void;
  /**
   * Called when this run cleans one small input and nothing else: the process may trade how fast
   * its regexes run for how fast they compile (see nodeIo). Absent in tests, which share a process.
   */
  readonly onePage?: () => void;
}

/** Thrown inside a write when the reader of stdout went away (`deboil … | head`). */
export class StdoutClosed extends Error {
  override readonly name = 'StdoutClosed';
}

/**
 * Writes to a stream with backpressure. A closed pipe (EPIPE) is a normal end of the run: the
 * caller stops producing, nothing is printed about it. Any other failure (a full disk under
 * `> out.jsonl`) is an OutputError naming `name`; each write waits for its own outcome, so even the
 * last write of a run is not lost without a word.
 */
export function createWriter(stream: Writable, name = 'stdout'): { write(s: string): Promise<void>; closed(): boolean } {
  let closed = false;
  let failure: Error | null = null;
  const isClosedPipe = (e: NodeJS.ErrnoException): boolean => e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED';
  const note = (e: NodeJS.ErrnoException): void => {
    if (isClosedPipe(e)) closed = true;
    else failure ??= new OutputError(name, `cannot write: ${describeFsError(e)}`, { cause: e });
  };
  stream.on('error', note);
  return {
    closed: () => closed,
    async write(s: string): Promise<void> {
      if (failure) throw failure;
      if (closed || stream.destroyed) {
        closed = true;
        throw new StdoutClosed('stdout closed');
      }
      if (s === '') return;
      await new Promise<void>((resolve) => {
        stream.write(s, (e?: Error | null) => {
          if (e) note(e as NodeJS.ErrnoException);
          resolve();
        });
      });
      if (closed) throw new StdoutClosed('stdout closed');
      if (failure) throw failure;
    },
  };
}

export function nodeIo(): Io {
  // Without a listener Node would throw a write error (EPIPE, ENOSPC) as an uncaught exception;
  // createWriter turns it into a quiet end or a one-line error.
  process.stdout.on('error', () => undefined);
  return {
    // Getters: process.stdin builds its stream when first asked for, and a stream on a file or
    // /dev/null loads fs's streams and node:fs/promises with it (nine modules); a run on files
    // never reads stdin.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
    // A one-page run compiles about 120 rule regexes and runs most of them a few times. V8's
    // regex optimisation passes then cost more than they save, and its code doubles V8's code
    // space (~2.1 -> ~1.2 MB on the sample page): on this machine every fresh 4 KB page costs
    // ~15 us, so the sample page's run touches ~360 pages fewer (4,339 -> 3,979 page faults), and
    // an 8.7 KB English page's ~390. Output is the same: the flag changes the code, not the
    // matches. Set here, after the bundle's code cache was taken (a cache is only accepted under
    // the flags it was made with), and never for a batch: there the regexes run millions of times
    // and unoptimised ones would cost ~25% of extract()'s speed.
    onePage() {
      setFlagsFromString('--no-regexp-optimization');
    },
    onSignal(handler) {
      const on = (sig: 'SIGINT' | 'SIGTERM') => () => handler(sig);
      const int = on('SIGINT');
      const term = on('SIGTERM');
      process.on('SIGINT', int);
      process.on('SIGTERM', term);
      return () => {
        process.off('SIGINT', int);
        process.off('SIGTERM', term);
      };
    },
  };
}
