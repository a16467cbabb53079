import { isUtf8 } from 'node:buffer';
import { availableParallelism } from 'node:os';
import { Worker, type TransferListItem } from 'node:worker_threads';
import { collectOnGrowth, GC_GROWTH_MB } from './full-gc.js';
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
   * Run it on the pool's first worker only, never in the batch's own thread. For input whose task
   * loads something costly on first use (jschardet's models, ~50 MB a thread): pinned, it is loaded
   * in one thread, not in each.
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
  /** Threads that run the task: this one, and `jobs - 1` workers. */
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

/**
 * Files a lane must have before a batch of files starts another when --jobs is not given. A worker
 * takes ~0.2-0.3 s of CPU to start here (its isolate, the bundle without a code cache, the rule
 * context, first-use regex compiles), in which this thread cleans ~50 files. Bench folder, -j 2
 * against -j 1, wall: 2 files 0.48 vs 0.28 s, 50 files 1.40 vs 1.14, 200 files 2.06 vs 1.71,
 * 400 files 2.66-2.79 vs 2.97-3.35, 1,000 files 4.6 vs 4.8-6.8.
 */
const FILES_PER_LANE = 250;

/** Threads for a batch of `files` files: the number asked for, else the cores, fewer for a small batch. */
export function jobsFor(files: number, asked: number | undefined): number {
  const most = asked ?? Math.min(defaultJobs(), 1 + Math.floor(files / FILES_PER_LANE));
  return Math.max(1, Math.min(most, files));
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

/** The task in this thread, set up on first use; a setup failure is a TaskSetupError. */
function inlineTask<In, Out>(task: Task): () => Promise<(input: In) => Out | Promise<Out>> {
  let ready: Promise<(input: In) => Out | Promise<Out>> | null = null;
  return async () => {
    ready ??= loadTask<In, Out>(task);
    try {
      return await ready;
    } catch (e) {
      throw new TaskSetupError((e as Error).message, { cause: e });
    }
  };
}

/**
 * jobs 1. It does not collect as lanePool's lanes do (collectOnGrowth): -j 1 was within the memory
 * goal already, and here, where this thread also decodes with jschardet, V8 ran far more full
 * collections of its own after the first: 10,000 bench files 191 -> 171 MB peak RSS, but 4% slower
 * (median of 4 interleaved pairs), so it is left as it was.
 */
function inlineExecutor<In, Out>(task: Task): Executor<In, Out> {
  const ready = inlineTask<In, Out>(task);
  return {
    async run(input) {
      const fn = await ready();
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

/**
 * Items a worker holds at once: the one it runs and one waiting in its port. This thread is a lane
 * too and runs an item for a few milliseconds without a break; a worker that finished its item in
 * that time starts the waiting one instead of idling until this thread can send it another.
 */
const WORKER_DEPTH = 2;

interface Job {
  readonly input: unknown;
  readonly transfer: readonly TransferListItem[];
  readonly pinned: boolean;
  resolve(v: unknown): void;
  reject(e: Error): void;
}

interface Lane {
  readonly worker: Worker;
  /** In the order sent; the worker answers them in that order, so the first is the one it runs. */
  readonly held: Job[];
  /** Its 'error' event already failed the item it ran; 'exit' must not fail the next one. */
  failed: boolean;
}

/**
 * `size` lanes: this thread and up to `size - 1` workers, started only when this thread is busy
 * (a short batch starts few). Using this thread saves a V8 isolate (its heap, code, tables and
 * malloc arena: ~22 MB of peak RSS at -j 2 on 10,000 bench files, with the collections); the
 * thread's own work (reading files, handing out items, results in order) fits between its items.
 *
 * Pinned items run on the first worker alive, so only that thread loads what they need; this
 * thread never runs them, and it also keeps the lane whose items are short (no jschardet), so a
 * worker waits less for it. An item waiting in a worker's port was sent as a copy, not moved, so
 * when the worker dies it is sent again: only the item the worker was running fails.
 */
function lanePool<In, Out>(task: Task, size: number): Executor<In, Out> {
  const entry = new URL('./worker.js', import.meta.url);
  const inline = inlineTask<In, Out>(task);
  const collect = collectOnGrowth(GC_GROWTH_MB);
  const lanes: Lane[] = [];
  const queue: Job[] = [];
  let inlineBusy = false;
  let closed = false;

  const runInline = async (job: Job): Promise<void> => {
    try {
      const fn = await inline();
      // A turn of the event loop before each item: workers' answers, signals and the progress bar
      // are handled between this thread's items (see inlineExecutor).
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (closed) throw new Error('batch closed');
      job.resolve(await fn(job.input as In));
      collect();
    } catch (e) {
      job.reject(e instanceof Error ? e : new Error(String(e)));
    } finally {
      inlineBusy = false;
      pump();
    }
  };
  const spawn = (): Lane => {
    const worker = new Worker(entry, { workerData: { module: task.module.href, init: task.init }, resourceLimits: WORKER_LIMITS });
    const lane: Lane = { worker, held: [], failed: false };
    lanes.push(lane);
    worker.on('message', (reply: WorkerReply) => {
      const job = lane.held.shift();
      if (job) {
        if (reply.ok) job.resolve(reply.value);
        else {
          const err = reviveError(reply.error);
          job.reject(reply.fatal ? new TaskSetupError(err.message, { cause: err }) : err);
        }
      }
      pump();
    });
    worker.on('error', (e) => {
      lane.failed = true;
      lane.held.shift()?.reject(e);
    });
    worker.on('exit', (code) => {
      lanes.splice(lanes.indexOf(lane), 1);
      if (!lane.failed) lane.held.shift()?.reject(new Error(`worker stopped unexpectedly (exit code ${code})`));
      // Only the first item a worker holds can have been moved to it (see send): the others are
      // copies, intact, and go first, being the oldest.
      const waiting = lane.held.splice(0);
      if (closed) for (const job of waiting) job.reject(new Error('batch closed'));
      else {
        queue.unshift(...waiting);
        pump();
      }
    });
    return lane;
  };
  const send = (lane: Lane, job: Job): void => {
    // Only the item a worker will start at once moves its buffers; one that waits is copied, so it
    // can be sent again if the worker dies first.
    lane.worker.postMessage(job.input, lane.held.length === 0 ? job.transfer : []);
    lane.held.push(job);
  };
  // A worker whose 'error' came is dying: nothing more goes to it, since what it holds when its
  // 'exit' comes is sent again, and only a copy can be.
  const hasRoom = (l: Lane | undefined): l is Lane => l !== undefined && !l.failed && l.held.length < WORKER_DEPTH;
  const isIdle = (l: Lane): boolean => !l.failed && l.held.length === 0;
  /** The first worker alive, or a new one that becomes it. */
  const pinnedLane = (): Lane | undefined => (lanes.length === 0 ? spawn() : hasRoom(lanes[0]) ? lanes[0] : undefined);
  /**
   * For an unpinned item: an idle worker, this thread, a new worker, then a worker with room for a
   * second item. The first worker is left to pinned items while any wait.
   */
  const pump = (): void => {
    for (let i = 0; i < queue.length && !closed; ) {
      const job = queue[i]!;
      const others = queue.some((j) => j.pinned) ? lanes.slice(1) : lanes;
      const lane = job.pinned
        ? pinnedLane()
        : (others.find(isIdle) ??
          (inlineBusy ? (lanes.length < size - 1 ? spawn() : others.find(hasRoom)) : undefined));
      if (lane) send(lane, job);
      else if (!job.pinned && !inlineBusy) {
        inlineBusy = true;
        void runInline(job);
      } else {
        i++;
        continue;
      }
      queue.splice(i, 1);
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
      await Promise.all(lanes.map((l) => l.worker.terminate()));
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
 * Runs `task` over `items` on `jobs` threads (this one and `jobs - 1` workers) and hands each
 * outcome to `onResult` in input order, whatever order the threads finish in. At most `window`
 * items are in memory at once, and a slow `onResult` (a full stdout pipe) stops the reading of
 * further items.
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
  const exec: Executor<In, Out> = jobs === 1 ? inlineExecutor(task) : lanePool(task, jobs);
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
