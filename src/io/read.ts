import { closeSync, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import { inputWarnings } from '../core/input-warnings.js';
import { decodeBytes, type Decoded } from './decode.js';

export interface ReadOptions {
  readonly encoding?: string | undefined;
  /** Refuse files larger than this many bytes. */
  readonly maxBytes?: number | undefined;
}

export interface Loaded extends Decoded {
  readonly path: string | null;
  readonly bytes: number;
  /** What is wrong with the text itself (mojibake), for stderr and the record's `warnings`. */
  readonly warnings: readonly string[];
}

/** Input that cannot be read or decoded; `path` names it and the message says why. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly path: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(reason, options);
  }
}

/** A file-system error in a few words, without the path and syscall Node puts in its message. */
export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EMFILE':
      return 'too many open files';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only file system';
    case 'EIO':
      return 'input/output error';
    case 'EEXIST':
      return 'file exists';
    default:
      return err.message ?? String(e);
  }
}

export function decodeOrFail(path: string, bytes: Uint8Array, opts: ReadOptions): Loaded {
  try {
    const decoded = decodeBytes(bytes, opts.encoding);
    return { ...decoded, path, bytes: bytes.length, warnings: inputWarnings(decoded.text) };
  } catch (e) {
    if (e instanceof Error && e.name === 'UnknownEncodingError') throw e;
    throw new InputError(path, (e as Error).message, { cause: e });
  }
}

/** The raw bytes of a file and its identity, so a writer can tell an output from its input. */
export interface RawInput {
  readonly bytes: Buffer;
  readonly dev: number;
  readonly ino: number;
}

function brokenLinkReason(path: string): string | null {
  try {
    return lstatSync(path).isSymbolicLink() ? 'broken symbolic link (its target does not exist)' : null;
  } catch {
    return null;
  }
}

/**
 * Reads one file's bytes, refusing it before reading when it is over `maxBytes`; never writes to it.
 * Synchronous inside: one open, fstat, read and close on a dump of a few kilobytes in the page cache
 * cost less CPU than the four hand-offs to the thread pool that fs.promises makes for them.
 */
export async function readBytes(path: string, opts: Pick<ReadOptions, 'maxBytes'> = {}): Promise<RawInput> {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const st = fstatSync(fd);
    if (opts.maxBytes !== undefined && st.size > opts.maxBytes) {
      throw new InputError(path, `too large: ${st.size} bytes, over --max-bytes ${opts.maxBytes}`);
    }
    if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read`), { code: 'EISDIR' });
    return { bytes: readFileSync(fd), dev: st.dev, ino: st.ino };
  } catch (e) {
    if (e instanceof InputError) throw e;
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? brokenLinkReason(path) : null;
    throw new InputError(path, reason ?? describeFsError(e), { cause: e });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads and decodes one file; never writes to it. */
export async function readDump(path: string, opts: ReadOptions = {}): Promise<Loaded> {
  return decodeOrFail(path, (await readBytes(path, opts)).bytes, opts);
}

/** Reads all of a stream (stdin) into one buffer. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, maxBytes?: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += buf.length;
    if (maxBytes !== undefined && size > maxBytes) throw new InputError('-', `too large: over --max-bytes ${maxBytes}`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
