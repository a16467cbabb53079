import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultJobs, jobsFor, runBatch, TaskSetupError, type Outcome } from '../../src/cli/batch.js';
import { reviveError, serializeError } from '../../src/cli/serial-error.js';
import { finished, gate, reset, started } from './fixtures/gated-task.js';

const task = (init: object = {}) => ({ module: new URL('./fixtures/gated-task.ts', import.meta.url), init });

/** Lets pending callbacks run until `cond` holds; the test's timeout bounds it. */
async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setImmediate(r));
}

function collector() {
  const seen: { item: number; outcome: Outcome<string>; index: number }[] = [];
  return { seen, onResult: (item: number, outcome: Outcome<string>, index: number) => void seen.push({ item, outcome, index }) };
}

afterEach(reset);

describe('runBatch in one thread (jobs 1)', () => {
  it('hands results over in input order when later items finish first', async () => {
    const c = collector();
    const run = runBatch([0, 1, 2], task(), { jobs: 1, window: 3, onResult: c.onResult });
    await until(() => started.length === 3);
    gate(2).open();
    gate(1).open();
    await until(() => finished.length === 2);
    expect(c.seen).toEqual([]);
    gate(0).open();
    await run;
    expect(c.seen.map((s) => [s.item, s.index, s.outcome.ok && s.outcome.value])).toEqual([
      [0, 0, 'out0'],
      [1, 1, 'out1'],
      [2, 2, 'out2'],
    ]);
  });

  it('never has more than `window` items read and unfinished', async () => {
    const prepared: number[] = [];
    const c = collector();
    const run = runBatch([0, 1, 2, 3, 4, 5], task(), {
      jobs: 1,
      window: 2,
      prepare: (n) => (prepared.push(n), { input: n }),
      onResult: c.onResult,
    });
    await until(() => started.length === 2);
    gate(1).open();
    await until(() => finished.includes(1));
    expect(prepared).toEqual([0, 1]);
    gate(0).open();
    await until(() => prepared.length === 4);
    expect(prepared).toEqual([0, 1, 2, 3]);
    for (const n of [2, 3, 4, 5]) gate(n).open();
    await run;
    expect(c.seen.map((s) => s.item)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('fails only the item whose prepare or task threw, keeping its fields', async () => {
    for (const n of [0, 1, 2, 3]) gate(n).open();
    const c = collector();
    await runBatch([0, 1, 2, 3], task({ failOn: 2 }), {
      jobs: 1,
      prepare: (n) => {
        if (n === 1) throw new Error('unreadable');
        return { input: n };
      },
      onResult: c.onResult,
    });
    const view = c.seen.map((s) => (s.outcome.ok ? s.outcome.value : `${s.outcome.error.message} ${(s.outcome.error as Error & { path?: string }).path ?? ''}`));
    expect(view).toEqual(['out0', 'unreadable ', 'item 2 failed f2.txt', 'out3']);
  });

  it('stops reading and rethrows when onResult throws', async () => {
    for (const n of [0, 1, 2, 3, 4, 5, 6, 7]) gate(n).open();
    const prepared: number[] = [];
    const run = runBatch([0, 1, 2, 3, 4, 5, 6, 7], task(), {
      jobs: 1,
      window: 2,
      prepare: (n) => (prepared.push(n), { input: n }),
      onResult: (n) => {
        if (n === 1) throw new Error('stdout closed');
      },
    });
    await expect(run).rejects.toThrow('stdout closed');
    expect(Math.max(...prepared)).toBeLessThanOrEqual(3);
  });

  it('returns as aborted without another result once the signal fires', async () => {
    const ac = new AbortController();
    const c = collector();
    gate(0).open();
    const run = runBatch([0, 1, 2], task(), { jobs: 1, signal: ac.signal, onResult: c.onResult });
    await until(() => c.seen.length === 1 && started.includes(1));
    ac.abort();
    await expect(run).resolves.toEqual({ done: 1, aborted: true });
    gate(1).open();
    gate(2).open();
    await new Promise((r) => setImmediate(r));
    expect(c.seen.map((s) => s.item)).toEqual([0]);
  });

  it('hands over a result while an async source still waits for more', async () => {
    let release = (): void => {};
    const more = new Promise<void>((r) => (release = r));
    async function* source() {
      yield 0;
      await more;
      yield 1;
    }
    gate(0).open();
    gate(1).open();
    const c = collector();
    const run = runBatch(source(), task(), { jobs: 1, onResult: c.onResult });
    await until(() => c.seen.length === 1);
    release();
    await run;
    expect(c.seen.map((s) => s.item)).toEqual([0, 1]);
  });

  it('holds no outcome once it is handed over, so memory does not grow with the batch', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const items = Array.from({ length: 40 }, (_, n) => n);
    for (const n of items) gate(n).open();
    const refs: WeakRef<object>[] = [];
    let alive = -1;
    await runBatch(items, task(), {
      jobs: 1,
      window: 2,
      signal: new AbortController().signal,
      onResult: async (n, outcome) => {
        refs.push(new WeakRef(outcome));
        if (n < 39) return;
        // WeakRefs made in this turn stay alive until it ends; collect on a later one.
        await new Promise((r) => setImmediate(r));
        gc();
        alive = refs.slice(0, 30).filter((r) => r.deref() !== undefined).length;
      },
    });
    expect(alive).toBe(0);
  });

  it('ends the batch with TaskSetupError when the task cannot be set up', async () => {
    const run = runBatch([0, 1], task({ failSetup: true }), { jobs: 1, onResult: () => {} });
    await expect(run).rejects.toBeInstanceOf(TaskSetupError);
  });
});

describe('errors across threads', () => {
  it('keep their name, message and own fields', () => {
    class InputError extends Error {
      override readonly name = 'InputError';
      constructor(readonly path: string, msg: string) {
        super(msg);
      }
    }
    const back = reviveError(structuredClone(serializeError(new InputError('a.txt', 'binary file'))));
    expect([back.name, back.message, (back as Error & { path: string }).path]).toEqual(['InputError', 'binary file', 'a.txt']);
  });
});

describe('jobsFor', () => {
  it('takes the number asked for, but never more threads than files', () => {
    expect([jobsFor(1000, 3), jobsFor(2, 4), jobsFor(0, 2)]).toEqual([3, 2, 1]);
  });

  it('starts one lane per 250 files up to the cores when not asked', () => {
    const cores = defaultJobs();
    expect([jobsFor(2, undefined), jobsFor(249, undefined)]).toEqual([1, 1]);
    expect(jobsFor(250, undefined)).toBe(Math.min(cores, 2));
    expect(jobsFor(100_000, undefined)).toBe(cores);
  });
});
