import { parentPort, workerData } from 'node:worker_threads';
import type { TaskModule, WorkerReply } from './batch.js';
import { serializeError } from './serial-error.js';

// Entry of each runBatch worker thread: set the task up once, then answer one message per input.
const { module, init } = workerData as { module: string; init: unknown };
const port = parentPort!;
const ready = import(module).then((m: TaskModule<unknown, unknown>) => m.setup(init as never));
// The failure is reported with the first input; this keeps it from counting as unhandled before then.
ready.catch(() => undefined);

port.on('message', async (input: unknown) => {
  let reply: WorkerReply;
  let fn: (input: unknown) => unknown;
  try {
    fn = await ready;
  } catch (e) {
    port.postMessage({ ok: false, fatal: true, error: serializeError(e) } satisfies WorkerReply);
    return;
  }
  try {
    reply = { ok: true, value: await fn(input) };
  } catch (e) {
    reply = { ok: false, fatal: false, error: serializeError(e) };
  }
  port.postMessage(reply);
});
