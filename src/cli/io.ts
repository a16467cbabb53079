import type { Readable, Writable } from 'node:stream';

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
 * caller stops producing, nothing is printed about it.
 */
export function createWriter(stream: Writable): { write(s: string): Promise<void>; closed(): boolean } {
  let closed = false;
  let failure: Error | null = null;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') closed = true;
    else failure = e;
  });
  return {
    closed: () => closed,
    async write(s: string): Promise<void> {
      if (failure) throw failure;
      if (closed || stream.destroyed) {
        closed = true;
        throw new StdoutClosed('stdout closed');
      }
      if (s === '') return;
      if (!stream.write(s)) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            stream.off('drain', done);
            stream.off('close', done);
            stream.off('error', done);
            resolve();
          };
          stream.on('drain', done);
          stream.on('close', done);
          stream.on('error', done);
        });
      }
      if (closed) throw new StdoutClosed('stdout closed');
      if (failure) throw failure;
    },
  };
}

export function nodeIo(): Io {
  // Swallow EPIPE at the process level too: Node would otherwise throw it as an uncaught error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
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
