import { isUtf8 } from 'node:buffer';
import { availableParallelism } from 'node:os';
import { Worker, type TransferListItem } from 'node:worker_threads';
import { reviveError, type SerialError } from './serial-error.js';

/**
 * A module that does the work on one item. `setup` runs once per worker, so the expensive part
 * (resolving options, compiling rules into a Context) is paid once, not per file.
 */
export interface TaskModule<In, Out> {
  setup(init: never): Promise<(input: In) => Out | Promise<Out>> | ((input: In) => Out | Promise<Out>);
}

/** Where the task module lives and what its `setup` gets; `init` must survive structured cloning. */
export interface Task {
  readonly module: URL;
  readonly init: unknown;
}

export type Outcome<Out> = { readonly ok: true; readonly value: Out } | { readonly ok: false; readonly error: Error };

/** The input for the task, and the buffers to move (not copy) to the worker. */
export interface Prepared<In> {
  readonly input: In;
  readonly transfer?: readonly TransferListItem[];
  /**
   * Run it on the pool's first worker only. For input whose task loads something costly on first
   * use (jschardet's models, ~60 MB a thread): pinned, it is loaded in one thread, not in each.
   */
  readonly pinned?: boolean;
}

/**
 * A file's bytes as a task's input: their buffer moves to the worker (not copied) when they fill
 * it, and input that is not UTF-8 (legacy encodings, but also UTF-16, gzip and binary) is pinned:
 * only such input makes decoding load jschardet. A forced encoding never loads it.
 */
export function fileInput<In>(input: In, bytes: Uint8Array, encoding: string | undefined): Prepared<In> {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return { input, transfer: whole ? [bytes.buffer as ArrayBuffer] : [], pinned: encoding === undefined && !isUtf8(bytes) };
}

export interface BatchOptions<Item, In, Out> {
  /** Worker threads; 1 runs the task in this thread. */
  readonly jobs: number;
  /** Items read, running or waiting for their turn, at most; bounds memory. Default: 4 per job. */
  readonly window?: number;
  /** Main-thread I/O that turns an item into the task's input (read the file). A throw fails that item only. */
  readonly prepare?: (item: Item) => Promise<Prepared<In>> | Prepared<In>;
  /** Called once per item, in input order, one at a time; the batch waits for it (backpressure). */
  readonly onResult: (item: Item, outcome: Outcome<Out>, index: number) => void | Promise<void>;
  /** Aborting stops handing out work, ends the workers and returns without calling onResult again. */
  readonly signal?: AbortSignal;
}

export interface BatchResult {
  /** Items passed to onResult. */
  readonly done: number;
  readonly aborted: boolean;
}

/** The task could not start at all (its setup threw): no item can succeed, so the batch ends. */
export class TaskSetupError extends Error {
  override readonly name = 'TaskSetupError';
}

/** Default for --jobs: the cores this process may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** What a worker sends back for one input. */
export type WorkerReply = { ok: true; value: unknown } | { ok: false; fatal: boolean; error: SerialError };

interface Executor<In, Out> {
  run(input: In, transfer: readonly TransferListItem[], pinned: boolean): Promise<Out>;
  close(): Promise<void>;
}

async function loadTask<In, Out>(task: Task): Promise<(input: In) => Out | Promise<Out>> {
  const mod = (await import(task.module.href)) as TaskModule<In, Out>;
  return mod.setup(task.init as never);
}

function inlineExecutor<In, Out>(task: Task): Executor<In, Out> {
  let ready: Promise<(input: In) => Out | Promise<Out>> | null = null;
  return {
    async run(input) {
      ready ??= loadTask<In, Out>(task);
      let fn: (input: In) => Out | Promise<Out>;
      try {
        fn = await ready;
      } catch (e) {
        throw new TaskSetupError((e as Error).message, { cause: e });
      }
      // Reading, cleaning and writing are synchronous inside their promises, so without this turn of
      // the event loop a -j 1 batch ran as one chain of microtasks: Ctrl-C and SIGTERM waited for
      // the last file (and exit 0), and the progress bar never redrew.
      await new Promise<void>((resolve) => setImmediate(resolve));
      return fn(input);
    },
    async close() {},
  };
}

/**
 * A worker's young generation is capped at half V8's default: each input's garbage dies young
 * whatever the size, and the default let every worker hold ~30 MB more heap than it needs. On 1,000
 * bench files in one worker: peak RSS 194 -> 165-179 MB, CPU unchanged (7.4-7.7 s). The old
 * generation keeps V8's limit, so a very large dump still fits.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 } as const;

interface Job {
  readonly input: unknown;
  readonly transfer: readonly TransferListItem[];
  readonly pinned: boolean;
  resolve(v: unknown): void;
  reject(e: Error): void;
}

/**
 * Up to `size` workers, started only when there is work for them (a short batch starts few). A
 * worker that dies fails the one item it held; the next item gets a fresh worker. The first worker
 * alive takes the pinned jobs; the others take the rest, and it takes them too when none is pinned.
 */
function workerPool<In, Out>(task: Task, size: number): Executor<In, Out> {
  const entry = new URL('./worker.js', import.meta.url);
  const all = new Set<Worker>();
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  const queue: Job[] = [];
  let first: Worker | undefined;
  let closed = false;

  const finish = (w: Worker): Job | undefined => {
    const job = busy.get(w);
    busy.delete(w);
    return job;
  };
  const spawn = (): Worker => {
    const w = new Worker(entry, { workerData: { module: task.module.href, init: task.init }, resourceLimits: WORKER_LIMITS });
    all.add(w);
    first ??= w;
    w.on('message', (reply: WorkerReply) => {
      const job = finish(w);
      if (!closed) idle.push(w);
      if (job) {
        if (reply.ok) job.resolve(reply.value);
        else {
          const err = reviveError(reply.error);
          job.reject(reply.fatal ? new TaskSetupError(err.message, { cause: err }) : err);
        }
      }
      pump();
    });
    w.on('error', (e) => finish(w)?.reject(e));
    w.on('exit', (code) => {
      all.delete(w);
      if (first === w) first = undefined;
      const i = idle.indexOf(w);
      if (i >= 0) idle.splice(i, 1);
      finish(w)?.reject(new Error(`worker stopped unexpectedly (exit code ${code})`));
      if (!closed) pump();
    });
    return w;
  };
  const takeIdle = (w: Worker | undefined): Worker | undefined => {
    const i = w ? idle.indexOf(w) : -1;
    return i < 0 ? undefined : idle.splice(i, 1)[0];
  };
  const takeFirst = (): Worker | undefined => takeIdle(first) ?? (!first && all.size < size ? spawn() : undefined);
  const takeOther = (keepFirst: boolean): Worker | undefined => {
    const i = idle.findLastIndex((w) => w !== first);
    if (i >= 0) return idle.splice(i, 1)[0];
    return (keepFirst ? undefined : takeIdle(first)) ?? (all.size < size ? spawn() : undefined);
  };
  const pump = (): void => {
    for (let i = 0; i < queue.length && !closed; ) {
      const job = queue[i]!;
      const w = job.pinned ? takeFirst() : takeOther(queue.some((j) => j.pinned));
      if (!w) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      busy.set(w, job);
      w.postMessage(job.input, job.transfer);
    }
  };
  return {
    run(input, transfer, pinned) {
      return new Promise<Out>((resolve, reject) => {
        if (closed) return reject(new Error('batch closed'));
        queue.push({ input, transfer, pinned, resolve: resolve as (v: unknown) => void, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('batch closed'));
      await Promise.all([...all].map((w) => w.terminate()));
    },
  };
}

/** One waiter at a time: the consumer waits for an item, the producer for room in the window. */
function createSignal(): { wait(): Promise<void>; notify(): void } {
  let wake: (() => void) | null = null;
  return {
    wait: () => new Promise<void>((resolve) => (wake = resolve)),
    notify: () => {
      const w = wake;
      wake = null;
      w?.();
    },
  };
}

/**
 * The value of `p`, or null as soon as `signal` aborts, so a long item in a worker does not delay
 * Ctrl-C. Not Promise.race with one long-lived abort promise: every race would leave a reaction on
 * it that holds its result, and a batch would keep every output it ever wrote.
 */
function unlessAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T | null> {
  if (!signal) return p;
  if (signal.aborted) return Promise.resolve(null);
  return new Promise<T | null>((resolve) => {
    const abort = (): void => resolve(null);
    signal.addEventListener('abort', abort, { once: true });
    void p.then((v) => {
      signal.removeEventListener('abort', abort);
      resolve(v);
    });
  });
}

function iteratorOf<T>(items: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
}

/**
 * Runs `task` over `items` on `jobs` worker threads and hands each outcome to `onResult` in input
 * order, whatever order the workers finish in. At most `window` items are in memory at once, and a
 * slow `onResult` (a full stdout pipe) stops the reading of further items.
 *
 * A failed item (prepare or task threw, worker died) is an outcome, not a throw. runBatch throws
 * only when `onResult` throws (after stopping the workers) or when the task's setup fails. When the
 * batch stops early, an async source that is waiting for data (stdin) is the caller's to close.
 */
export async function runBatch<Item, In, Out>(
  items: Iterable<Item> | AsyncIterable<Item>,
  task: Task,
  opts: BatchOptions<Item, In, Out>,
): Promise<BatchResult> {
  const jobs = Math.max(1, Math.floor(opts.jobs));
  const window = Math.max(1, opts.window ?? jobs * 4);
  const exec: Executor<In, Out> = jobs === 1 ? inlineExecutor(task) : workerPool(task, jobs);
  const slots: { item: Item; outcome: Promise<Outcome<Out>> }[] = [];
  const itemAdded = createSignal();
  const roomMade = createSignal();
  let stopped = false;
  let sourceDone = false;
  let sourceError: unknown = null;
  const isStopped = (): boolean => stopped || opts.signal?.aborted === true;
  const onAbort = (): void => {
    itemAdded.notify();
    roomMade.notify();
  };
  opts.signal?.addEventListener('abort', onAbort);

  const start = (item: Item): Promise<Outcome<Out>> =>
    (async (): Promise<Outcome<Out>> => {
      try {
        const prepared = await (opts.prepare ? opts.prepare(item) : { input: item as unknown as In });
        return { ok: true, value: await exec.run(prepared.input, prepared.transfer ?? [], prepared.pinned === true) };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e : new Error(String(e)) };
      }
    })();

  const it = iteratorOf(items);
  const producer = (async () => {
    try {
      while (!isStopped()) {
        if (slots.length >= window) {
          await roomMade.wait();
          continue;
        }
        const next = await it.next();
        if (next.done || isStopped()) break;
        slots.push({ item: next.value, outcome: start(next.value) });
        itemAdded.notify();
      }
    } catch (e) {
      sourceError = e;
    } finally {
      sourceDone = true;
      itemAdded.notify();
    }
  })();

  let done = 0;
  try {
    for (;;) {
      if (isStopped()) break;
      const head = slots[0];
      if (!head) {
        if (sourceDone) break;
        await itemAdded.wait();
        continue;
      }
      const outcome = await unlessAborted(head.outcome, opts.signal);
      if (outcome === null || isStopped()) break;
      if (!outcome.ok && outcome.error instanceof TaskSetupError) throw outcome.error;
      slots.shift();
      roomMade.notify();
      await opts.onResult(head.item, outcome, done);
      done++;
    }
  } finally {
    stopped = true;
    roomMade.notify();
    opts.signal?.removeEventListener('abort', onAbort);
    await exec.close();
    // A source blocked on input would hold us here; the caller closes it (see above).
    if (sourceDone) await producer;
    else void producer;
  }
  if (sourceError !== null && !opts.signal?.aborted) throw sourceError;
  return { done, aborted: opts.signal?.aborted === true };
}
