import { accessSync, constants, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

// Temp names: this process's id, then a random start counted up by one a file. They need to be
// unique, not secret: the 'wx' open fails rather than follow or overwrite anything already there.
// randomBytes for each name was ~1% of a -j 1 batch's CPU (and loaded node:crypto).
const PID = process.pid;
let tempSeq = Math.floor(Math.random() * 0x100000000);

function tempName(dir: string, target: string): string {
  tempSeq = (tempSeq + 1) >>> 0;
  return join(dir, `.${basename(target)}.${PID}.${tempSeq.toString(16).padStart(8, '0')}.tmp`);
}

/** Temp files this process has open, so a signal handler can remove them. */
const pending = new Set<string>();

export function pendingTempFiles(): ReadonlySet<string> {
  return pending;
}

/** The file-system calls writeAtomic makes; tests pass failing ones (a full disk) instead of mocking modules. */
export interface WriteFs {
  mkdir(path: string, opts: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: string | Uint8Array, opts: { flag: 'wx' }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, opts: { force: true }): Promise<void>;
  realpath(path: string): Promise<string>;
}

/**
 * The real calls, made synchronously behind the async interface: each output is small and lands in
 * the page cache, and a call through the thread pool (a hand-off and a wake-up per call, five to
 * eight calls per output) cost more CPU than the write itself: 1,000 outputs took about 0.8 s of
 * CPU, now about 0.35 s.
 */
export const nodeWriteFs: WriteFs = {
  mkdir: async (path, opts) => mkdirSync(path, opts),
  writeFile: async (path, data, opts) => writeFileSync(path, data, opts),
  rename: async (from, to) => renameSync(from, to),
  rm: async (path, opts) => rmSync(path, opts),
  realpath: async (path) => realpathSync(path),
};

export interface WriteOptions {
  /**
   * A folder the output must stay in (the out-dir): the target's path, and the real path of every
   * folder on the way to it, must lie inside it, so a link in the out-dir cannot send a write elsewhere.
   */
  readonly within?: string | undefined;
  readonly fs?: Partial<WriteFs> | undefined;
  /**
   * Folders already made and found inside `within` during this batch, so the thousands of outputs
   * of one folder check it once, not with two real-path walks and a mkdir each. Pass one map per
   * batch; a folder that fails its check is not remembered.
   */
  readonly checked?: Map<string, Promise<void>> | undefined;
}

/** A write refused because it would land outside the folder it was confined to. */
export class OutsideError extends Error {
  override readonly name = 'OutsideError';
}

function isInside(child: string, dir: string): boolean {
  const rel = relative(dir, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of `dir`, or of its deepest ancestor that exists. */
async function realExisting(fs: WriteFs, dir: string): Promise<{ at: string; real: string }> {
  for (let at = dir; ; at = dirname(at)) {
    try {
      return { at, real: await fs.realpath(at) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(at) === at) throw e;
    }
  }
}

async function assertInside(fs: WriteFs, root: string, dir: string): Promise<void> {
  const realRoot = await fs.realpath(root);
  const { at, real } = await realExisting(fs, dir);
  if (!isInside(real, realRoot)) throw new OutsideError(`${at} leads outside the out-dir (to ${real}); not writing through it`);
}

/** mkdir -p, where a file in the way is ENOTDIR as it is for the rest of the path, not EEXIST. */
async function makeDir(fs: WriteFs, dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`, { cause: e }), { code: 'ENOTDIR' });
  }
}

/**
 * Writes a file atomically: a temp file in the target folder, then a rename, so a reader or a crash
 * never sees half an output. The temp name starts with '.' and ends with '.tmp'; it is removed when
 * any step fails (a full disk, a failed rename), and a target that existed keeps its old content.
 */
export async function writeAtomic(target: string, data: string | Uint8Array, opts: WriteOptions = {}): Promise<void> {
  const fs: WriteFs = { ...nodeWriteFs, ...opts.fs };
  const dir = dirname(target);
  if (opts.within !== undefined) {
    const within = opts.within;
    let ready = opts.checked?.get(dir);
    if (!ready) {
      // Real paths, so '..', absolute paths and links are all caught; checked before mkdir, which
      // would otherwise create folders through a link first, and again after it.
      ready = (async () => {
        const root = resolve(within);
        await assertInside(fs, root, dir);
        await makeDir(fs, dir);
        await assertInside(fs, root, dir);
      })();
      opts.checked?.set(dir, ready);
      ready.catch(() => opts.checked?.delete(dir));
    }
    await ready;
  } else await makeDir(fs, dir);
  const tmp = reserveTemp(target);
  try {
    await fs.writeFile(tmp, data, { flag: 'wx' });
    await fs.rename(tmp, target);
  } catch (e) {
    // The first failure is the one to report; a failed cleanup must not hide it.
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    pending.delete(tmp);
  }
}

/**
 * A temp name beside `target`, counted in pendingTempFiles until releaseTemp, so that when another
 * thread writes it (commitFile in a batch worker) this process's signal handler can still remove it.
 */
export function reserveTemp(target: string): string {
  const tmp = tempName(dirname(target), target);
  pending.add(tmp);
  return tmp;
}

export function releaseTemp(tmp: string): void {
  pending.delete(tmp);
}

/**
 * The second half of writeAtomic, for a target whose folder writeAtomic already made and checked:
 * writes `tmp` (reserved by reserveTemp) and renames it over `target`, or removes it and throws.
 * Synchronous, so a batch worker that runs it needs no event loop turn per output.
 */
export function commitFile(tmp: string, target: string, data: string | Uint8Array): void {
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, target);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the write error is the one to report
    }
    throw e;
  }
}

/**
 * Creates the out-dir and checks that it can be written, before any input is read: a batch whose
 * every output would fail says so once. Throws the file-system error (ENOTDIR, EACCES, EROFS...).
 */
export async function prepareOutDir(dir: string): Promise<void> {
  // Synchronous, as nodeWriteFs is, and so that this module (which every single-file run loads)
  // does not load node:fs/promises: ~2.5 ms of a one-page start.
  mkdirSync(dir, { recursive: true });
  accessSync(dir, constants.W_OK);
}
