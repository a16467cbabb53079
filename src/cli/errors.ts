/** Exit codes: 0 ran with nothing to report, 1 ran and found something, 2 could not do the job. */
export const EXIT = { ok: 0, findings: 1, error: 2, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A bad flag, value or config file: the message says what and how to fix it. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export { InputError } from '../io/read.js';

/** An output that cannot be written (the out-dir, stdout); `path` names it and the message says why. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(
    readonly path: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(reason, options);
  }
}

/** A bug met while working on one file: the message still names the file, so the user can report it. */
export class FileBugError extends Error {
  override readonly name = 'FileBugError';
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}
