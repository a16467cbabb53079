import { Chalk, chalkStderr, type ChalkInstance } from 'chalk';
import type { Io } from './io.js';

/**
 * The one place that colours text. Colour goes only to a terminal, NO_COLOR turns it off and
 * FORCE_COLOR (0-3) turns it on, as https://no-color.org and chalk document. Data on stdout stays
 * plain unless asked.
 */
export function colorLevel(env: Io['env'], isTTY: boolean): 0 | 1 | 2 | 3 {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return (Number.isInteger(n) && n >= 1 && n <= 3 ? n : 1) as 1 | 2 | 3;
  }
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0;
  if (!isTTY || env['TERM'] === 'dumb') return 0;
  return (chalkStderr.level || 1) as 1 | 2 | 3;
}

export function painter(env: Io['env'], isTTY: boolean): ChalkInstance {
  return new Chalk({ level: colorLevel(env, isTTY) });
}

/** One-line messages on stderr, in a fixed shape: `deboil: <file>: <reason>`. */
export function messenger(io: Io, quiet = false) {
  const c = painter(io.env, io.stderrIsTTY);
  return {
    error(msg: string): void {
      io.stderr.write(`${c.red('deboil: error:')} ${msg}\n`);
    },
    warn(msg: string): void {
      if (!quiet) io.stderr.write(`${c.yellow('deboil: warning:')} ${msg}\n`);
    },
    info(msg: string): void {
      if (!quiet) io.stderr.write(`${c.dim('deboil:')} ${msg}\n`);
    },
    paint: c,
  };
}
export type Messenger = ReturnType<typeof messenger>;
