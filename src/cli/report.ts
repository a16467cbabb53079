import type { Io } from './io.js';

/** The styles deboil uses; each takes plain text and returns it coloured, or as it is. */
export interface Painter {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

type ChalkModule = typeof import('chalk');

// chalk is loaded only when some stream may be coloured (see loadColor): on a pipe, which is every
// scripted run, its import was time spent on every start for nothing.
let chalk: ChalkModule | null = null;

function forcedLevel(env: Io['env']): 0 | 1 | 2 | 3 | null {
  const force = env['FORCE_COLOR'];
  if (force === undefined) return null;
  if (force === '0' || force === 'false') return 0;
  const n = Number(force);
  return (Number.isInteger(n) && n >= 1 && n <= 3 ? n : 1) as 1 | 2 | 3;
}

function isColorOff(env: Io['env'], isTTY: boolean): boolean {
  return (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') || !isTTY || env['TERM'] === 'dumb';
}

/**
 * The one place that colours text. Colour goes only to a terminal, NO_COLOR turns it off and
 * FORCE_COLOR (0-3) turns it on, as https://no-color.org and chalk document. Data on stdout stays
 * plain unless asked.
 */
export function colorLevel(env: Io['env'], isTTY: boolean): 0 | 1 | 2 | 3 {
  const forced = forcedLevel(env);
  if (forced !== null) return forced;
  if (isColorOff(env, isTTY)) return 0;
  return (chalk?.chalkStderr.level || 1) as 1 | 2 | 3;
}

/** Loads chalk when stdout or stderr may be coloured; main() awaits this before anything paints. */
export async function loadColor(io: Pick<Io, 'env' | 'stdoutIsTTY' | 'stderrIsTTY'>): Promise<void> {
  const forced = forcedLevel(io.env);
  const mayColor = forced !== null ? forced > 0 : !isColorOff(io.env, io.stdoutIsTTY) || !isColorOff(io.env, io.stderrIsTTY);
  if (mayColor) chalk ??= await import('chalk');
}

const plain: Painter = { red: (s) => s, yellow: (s) => s, cyan: (s) => s, dim: (s) => s, bold: (s) => s };

export function painter(env: Io['env'], isTTY: boolean): Painter {
  const level = colorLevel(env, isTTY);
  // Without chalk loaded (a caller that skipped loadColor) text stays plain rather than failing.
  if (level === 0 || !chalk) return plain;
  const c = new chalk.Chalk({ level });
  return { red: (s) => c.red(s), yellow: (s) => c.yellow(s), cyan: (s) => c.cyan(s), dim: (s) => c.dim(s), bold: (s) => c.bold(s) };
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
