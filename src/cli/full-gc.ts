import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** This thread's `gc`, or null when it could not be had; undefined until first asked for. */
let fullGc: (() => void) | null | undefined;

function theGc(): (() => void) | null {
  if (fullGc === undefined) {
    try {
      // Left on: the flag is the whole process's, and a thread that turned it off again made
      // another thread's context come without gc (the --learn e2e test, -j 3). It gives only
      // contexts made from now on a gc global, and V8's code cache check ignores it.
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      fullGc = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      fullGc = null;
    }
  }
  return fullGc;
}

/**
 * Collects the whole heap of the calling thread once it has grown by `growthMb` since the last
 * collection. A batch's garbage mostly dies young, but what outlives two scavenges (the blocks of a
 * large page, jschardet's buffers) is promoted, and V8 leaves the old generation alone until it
 * reaches a limit a batch never gets near: over 10,000 bench files each thread's heap grew by 15-25
 * MB of garbage around 8-16 MB of live data, and RSS with it. V8 has no call to ask for a full
 * collection, so `gc` is taken from a context made with --expose-gc on. Never throws: a lane that
 * cannot collect goes on as before.
 */
export function collectOnGrowth(growthMb: number): () => void {
  const growth = growthMb * 1024 * 1024;
  let base = getHeapStatistics().total_heap_size;
  return () => {
    if (getHeapStatistics().total_heap_size < base + growth) return;
    theGc()?.();
    base = getHeapStatistics().total_heap_size;
  };
}

/** The heap growth that makes a batch lane collect (see collectOnGrowth). */
export const GC_GROWTH_MB = 2;
