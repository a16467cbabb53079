import type { Readable, Writable } from 'node:stream';
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
