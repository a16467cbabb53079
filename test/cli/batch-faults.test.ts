import { describe, expect, it } from 'vitest';
// Worker threads load compiled JavaScript, so these tests run the build (npm test builds first).
import { runBatch, type Outcome } from '../../dist/cli/batch.js';

// test/cli/batch-workers.test.ts covers a worker that exits while it holds an item; these are the
// other ways a worker dies.
interface Input {
  n: number;
  throwNow?: boolean;
  exit?: number;
}
const task = { module: new URL('./fixtures/fault-task.mjs', import.meta.url), init: {} };

async function run(items: Input[], jobs: number, pinned = false): Promise<(number | string)[]> {
  const seen: Outcome<{ n: number }>[] = [];
  await runBatch<Input, Input, { n: number }>(items, task, { jobs, prepare: (input) => ({ input, pinned }), onResult: (_i, o) => void seen.push(o) });
  return seen.map((o) => (o.ok ? o.value.n : o.error.message));
}

describe('runBatch when workers die', () => {
  it('fails only the item whose worker died of an uncaught exception, with its message', async () => {
    expect(await run([{ n: 0 }, { n: 1, throwNow: true }, { n: 2 }, { n: 3 }], 2)).toEqual([0, 'stray error in item 1', 2, 3]);
  });

  it('finishes, with every item failed, when every worker dies', async () => {
    // Pinned, so that none runs in this thread, which is a lane too.
    const items = Array.from({ length: 8 }, (_, n) => ({ n, exit: 3 }));
    expect(await run(items, 3, true)).toEqual(items.map(() => 'worker stopped unexpectedly (exit code 3)'));
  });

  it('sends the item waiting behind the one a worker died on again, and it succeeds', async () => {
    // Items 1 and 2 go to the one worker while this thread runs item 0; item 2 waits in its port.
    expect(await run([{ n: 0 }, { n: 1, exit: 5 }, { n: 2 }, { n: 3 }], 2)).toEqual([0, 'worker stopped unexpectedly (exit code 5)', 2, 3]);
  });
});
