import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files this process has open, so a signal handler can remove them. */
const pending = new Set<string>();

export function pendingTempFiles(): ReadonlySet<string> {
  return pending;
}

/**
 * Writes a file atomically: a temp file in the target folder, then a rename, so a reader or a crash
 * never sees half an output. The temp name starts with '.' and ends with '.tmp'.
 */
export async function writeAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(target);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(tmp);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    pending.delete(tmp);
  }
}
