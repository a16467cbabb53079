// Running the built bin in end-to-end tests.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'deboil');
export const ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined };

export interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Temp paths and the wall time vary from run to run; ANSI codes only show on a terminal. */
export function normaliser(work: string): (s: string) => string {
  return (s) => stripVTControlCharacters(s).replaceAll(work, '<tmp>').replace(/, \d+\.\d s$/gmu, ', <time>');
}

export interface RunOptions {
  readonly cwd: string;
  readonly input?: string | Buffer;
  /** Flags for node itself, before the bin (--max-old-space-size=...). */
  readonly node?: readonly string[];
  /** Kills a run that hangs. */
  readonly timeout?: number;
}

/** Runs `deboil args` and waits; stderr goes through `normalise`. */
export function runBin(args: readonly string[], opts: RunOptions, normalise: (s: string) => string): Result {
  const r = spawnSync(process.execPath, [...(opts.node ?? []), BIN, ...args], {
    cwd: opts.cwd,
    input: opts.input ?? '',
    env: ENV,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: opts.timeout,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: normalise(r.stderr) };
}

/** The JSON Lines of stdout, parsed. */
export function records(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Lets the event loop run until `cond` holds; the test timeout bounds the wait. */
export async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 20));
}
