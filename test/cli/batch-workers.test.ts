import { getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
// Worker threads load compiled JavaScript, so these tests run the build (npm test builds first).
import { runBatch, TaskSetupError, type Outcome } from '../../dist/cli/batch.js';
import { collectOnGrowth } from '../../dist/cli/full-gc.js';

interface Input {
  n: number;
  sleep?: number;
  crash?: boolean;
  fail?: boolean;
  bytes?: Uint8Array;
  /** MB of garbage the task leaves behind. */
  garbage?: number;
}
interface Output {
  n: number;
  thread: number;
  bytes: number;
  /** Date.now() when the task finished the item. */
  end: number;
}
const task = (init: object = {}) => ({ module: new URL('./fixtures/pool-task.mjs', import.meta.url), init });

async function collect(items: Input[], jobs: number, init: object = {}) {
  const seen: Outcome<Output>[] = [];
  await runBatch<Input, Input, Output>(items, task(init), { jobs, onResult: (_i, o) => void seen.push(o) });
  return seen;
}

describe('runBatch on worker threads', () => {
  it('spreads items over the workers and this thread, and still hands them over in input order', async () => {
    const items = Array.from({ length: 12 }, (_, n) => ({ n, ...(n === 0 ? { sleep: 200 } : {}) }));
    const seen = await collect(items, 3);
    expect(seen.map((o) => (o.ok ? o.value.n : -1))).toEqual(items.map((i) => i.n));
    const threads = new Set(seen.map((o) => o.ok && o.value.thread));
    expect([threads.size, threads.has(threadId)]).toEqual([3, true]);
  });

  it('runs jobs 2 as this thread and one worker', async () => {
    const items = Array.from({ length: 16 }, (_, n) => ({ n, ...(n % 4 === 0 ? { sleep: 20 } : {}) }));
    const seen = await collect(items, 2);
    const threads = [...new Set(seen.map((o) => o.ok && o.value.thread))];
    expect([threads.length, threads.includes(threadId)]).toEqual([2, true]);
  });

  it("keeps a worker busy with a second item while this thread runs a long one", async () => {
    // Item 0 holds this thread for 300 ms; items 1 and 2 were both sent to the worker before that,
    // so the worker finishes item 2 without waiting for this thread to hand it over.
    const seen = await collect([{ n: 0, sleep: 300 }, { n: 1 }, { n: 2 }], 2);
    const [first, , third] = seen.map((o) => (o.ok ? o.value : null));
    expect([first?.thread, third?.thread === threadId]).toEqual([threadId, false]);
    expect(third!.end).toBeLessThan(first!.end);
  });

  it('fails just the item whose worker died, and goes on with a new worker', async () => {
    // Item 0 runs in this thread, so items 1 and 2 go to the worker, 2 waiting behind 1.
    const seen = await collect([{ n: 0 }, { n: 1, crash: true }, { n: 2 }, { n: 3 }], 2);
    expect(seen.map((o) => (o.ok ? o.value.n : o.error.message))).toEqual([0, 'worker stopped unexpectedly (exit code 7)', 2, 3]);
  });

  it('brings a task error back with its name, message and fields', async () => {
    const seen = await collect([{ n: 0 }, { n: 1, fail: true }], 2);
    const err = seen[1]!.ok ? null : (seen[1]!.error as Error & { path?: string });
    expect([err?.message, err?.path]).toEqual(['item 1 is bad', 'f1.txt']);
  });

  it('moves transferred buffers to a worker that starts on them, and copies those that wait', async () => {
    // Item 0 runs in this thread (nothing to move); the worker starts on item 1 while item 2 waits.
    const buffers = [0, 1, 2].map(() => new Uint8Array(1024));
    const seen: Outcome<Output>[] = [];
    await runBatch<number, Input, Output>([0, 1, 2], task(), {
      jobs: 2,
      prepare: (n) => ({ input: { n, bytes: buffers[n]!, ...(n === 0 ? { sleep: 100 } : {}) }, transfer: [buffers[n]!.buffer] }),
      onResult: (_i, o) => void seen.push(o),
    });
    expect(seen.map((o) => o.ok && o.value.bytes)).toEqual([1024, 1024, 1024]);
    expect(buffers.map((b) => b.byteLength)).toEqual([1024, 0, 1024]);
  });

  it('runs every pinned item on one worker, and the others on any', async () => {
    const pinned = (n: number): boolean => n % 3 === 0;
    const seen: Outcome<Output>[] = [];
    await runBatch<number, Input, Output>(Array.from({ length: 24 }, (_, n) => n), task(), {
      jobs: 3,
      prepare: (n) => ({ input: { n, ...(n === 1 ? { sleep: 100 } : {}) }, pinned: pinned(n) }),
      onResult: (_i, o) => void seen.push(o),
    });
    const threads = (keep: (n: number) => boolean) => new Set(seen.flatMap((o) => (o.ok && keep(o.value.n) ? [o.value.thread] : [])));
    expect(seen.map((o) => o.ok && o.value.n)).toEqual(Array.from({ length: 24 }, (_, n) => n));
    expect(threads(pinned).size).toBe(1);
    expect(threads(pinned).has(threadId)).toBe(false);
    // Item 1 holds its lane for 100 ms, so the other unpinned items must run elsewhere.
    expect(threads((n) => !pinned(n)).size).toBeGreaterThan(1);
  });

  it('gives the pinned items to a new worker when the one that ran them died', async () => {
    const seen: Outcome<Output>[] = [];
    await runBatch<number, Input, Output>([0, 1, 2, 3], task(), {
      jobs: 2,
      prepare: (n) => ({ input: { n, crash: n === 1 }, pinned: true }),
      onResult: (_i, o) => void seen.push(o),
    });
    expect(seen.map((o) => (o.ok ? o.value.n : o.error.message))).toEqual([0, 'worker stopped unexpectedly (exit code 7)', 2, 3]);
    const after = seen.slice(2).map((o) => o.ok && o.value.thread);
    expect([after[0] === after[1], after[0] !== (seen[0]!.ok && seen[0]!.value.thread)]).toEqual([true, true]);
  });

  it('collects in every lane at once without failing an item', async () => {
    // Each item leaves 3 MB of garbage, so every lane collects after every item.
    const items = Array.from({ length: 30 }, (_, n) => ({ n, garbage: 3 }));
    const seen = await collect(items, 3);
    expect(seen.map((o) => (o.ok ? o.value.n : o.error.message))).toEqual(items.map((i) => i.n));
  });

  it('ends the batch when the task cannot be set up in the workers', async () => {
    await expect(collect([{ n: 0 }, { n: 1 }], 2, { failSetup: true })).rejects.toBeInstanceOf(TaskSetupError);
  });
});

/** Leaves ~32 MB of garbage, runs `collect`, and returns how much smaller the heap is after it. */
function freedBy(collect: () => void): number {
  let garbage: number[][] | null = Array.from({ length: 4 }, () => new Array<number>(1 << 20).fill(1.5));
  const grown = getHeapStatistics().used_heap_size;
  garbage = null;
  collect();
  expect(garbage).toBeNull();
  return grown - getHeapStatistics().used_heap_size;
}

describe('collectOnGrowth', () => {
  it('collects the whole heap once it has grown by the given amount', () => {
    expect(freedBy(collectOnGrowth(8))).toBeGreaterThan(16 << 20);
    // --expose-gc stays on: the flag is the process's, and a thread that turned it off again could
    // leave another thread, taking its gc at that moment, without one (a worker died of it).
    expect(runInNewContext('typeof gc')).toBe('function');
  });

  it('does not collect before the heap has grown that much', () => {
    expect(freedBy(collectOnGrowth(512))).toBeLessThan(16 << 20);
  });
});
