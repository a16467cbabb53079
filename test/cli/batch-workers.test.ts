import { describe, expect, it } from 'vitest';
// Worker threads load compiled JavaScript, so these tests run the build (npm test builds first).
import { runBatch, TaskSetupError, type Outcome } from '../../dist/cli/batch.js';

interface Input {
  n: number;
  sleep?: number;
  crash?: boolean;
  fail?: boolean;
  bytes?: Uint8Array;
}
interface Output {
  n: number;
  thread: number;
  bytes: number;
}
const task = (init: object = {}) => ({ module: new URL('./fixtures/pool-task.mjs', import.meta.url), init });

async function collect(items: Input[], jobs: number, init: object = {}) {
  const seen: Outcome<Output>[] = [];
  await runBatch<Input, Input, Output>(items, task(init), { jobs, onResult: (_i, o) => void seen.push(o) });
  return seen;
}

describe('runBatch on worker threads', () => {
  it('spreads items over the workers and still hands them over in input order', async () => {
    const items = Array.from({ length: 12 }, (_, n) => ({ n, ...(n === 0 ? { sleep: 200 } : {}) }));
    const seen = await collect(items, 3);
    expect(seen.map((o) => (o.ok ? o.value.n : -1))).toEqual(items.map((i) => i.n));
    expect(new Set(seen.map((o) => o.ok && o.value.thread)).size).toBe(3);
  });

  it('fails just the item whose worker died, and goes on with a new worker', async () => {
    const seen = await collect([{ n: 0 }, { n: 1, crash: true }, { n: 2 }, { n: 3 }], 2);
    expect(seen.map((o) => (o.ok ? o.value.n : o.error.message))).toEqual([0, 'worker stopped unexpectedly (exit code 7)', 2, 3]);
  });

  it('brings a task error back with its name, message and fields', async () => {
    const seen = await collect([{ n: 0 }, { n: 1, fail: true }], 2);
    const err = seen[1]!.ok ? null : (seen[1]!.error as Error & { path?: string });
    expect([err?.message, err?.path]).toEqual(['item 1 is bad', 'f1.txt']);
  });

  it('moves transferred buffers to the worker instead of copying them', async () => {
    const bytes = new Uint8Array(1024);
    const seen: Outcome<Output>[] = [];
    await runBatch<number, Input, Output>([0], task(), {
      jobs: 2,
      prepare: (n) => ({ input: { n, bytes }, transfer: [bytes.buffer] }),
      onResult: (_i, o) => void seen.push(o),
    });
    expect([seen[0]!.ok && seen[0]!.value.bytes, bytes.byteLength]).toEqual([1024, 0]);
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
    // Item 1 holds its worker for 100 ms, so the other unpinned items must run elsewhere.
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

  it('ends the batch when the task cannot be set up in the workers', async () => {
    await expect(collect([{ n: 0 }, { n: 1 }], 2, { failSetup: true })).rejects.toBeInstanceOf(TaskSetupError);
  });
});
