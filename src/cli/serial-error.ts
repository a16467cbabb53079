/**
 * Errors cross the thread boundary as plain data: structured cloning drops a subclass's name and
 * fields. Its own module, not batch.ts, so that a task module (loaded by every single-file run)
 * does not load node:worker_threads (~4 ms of a one-page start) to report a write error.
 */
export interface SerialError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string | undefined;
  readonly props: Readonly<Record<string, string | number | boolean | null>>;
}

export function serializeError(e: unknown): SerialError {
  const err = e instanceof Error ? e : new Error(String(e));
  const props: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(err)) {
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) props[k] = v as string | number | boolean | null;
  }
  return { name: err.name, message: err.message, stack: err.stack, props };
}

export function reviveError(s: SerialError): Error {
  const err = Object.assign(new Error(s.message), s.props);
  Object.defineProperty(err, 'name', { value: s.name, enumerable: false, configurable: true, writable: true });
  if (s.stack) err.stack = s.stack;
  return err;
}

