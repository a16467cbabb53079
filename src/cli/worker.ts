import { parentPort, workerData } from 'node:worker_threads';
import type { TaskModule, WorkerReply } from './batch.js';
import { collectOnGrowth, GC_GROWTH_MB } from './full-gc.js';
import { serializeError } from './serial-error.js';

// Entry of each runBatch worker thread: set the task up once, then answer one message per input.
const { module, init } = workerData as { module: string; init: unknown };
const port = parentPort!;
const ready = import(module).then((m: TaskModule<unknown, unknown>) => m.setup(init as never));
// The failure is reported with the first input; this keeps it from counting as unhandled before then.
ready.catch(() => undefined);

async function answer(input: unknown): Promise<WorkerReply> {
  let fn: (input: unknown) => unknown;
  try {
    fn = await ready;
  } catch (e) {
    return { ok: false, fatal: true, error: serializeError(e) };
  }
  try {
    return { ok: true, value: await fn(input) };
  } catch (e) {
    return { ok: false, fatal: false, error: serializeError(e) };
  }
}

// The pool sends a worker a second input while it runs one, and takes each reply for the oldest
// input it sent: inputs are answered one at a time, in the order they came, even by an async task.
let last: Promise<void> = Promise.resolve();
const collect = collectOnGrowth(GC_GROWTH_MB);
port.on('message', (input: unknown) => {
  last = last.then(async () => {
    port.postMessage(await answer(input));
    collect();
  });
});
