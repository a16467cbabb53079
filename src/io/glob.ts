import { readdir, realpath, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type FastGlob from 'fast-glob';

/**
 * stat, or null when there is nothing to see there. Synchronous, as are options.ts's config read
 * and read.ts's lstat: a single-file run then loads no node:fs/promises (with fs's streams and
 * readline, nine modules).
 */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

// fast-glob (with micromatch and picomatch) is the largest module a run loads; a single file never needs it.
let fastGlob: typeof FastGlob | undefined;
async function loadFastGlob(): Promise<typeof FastGlob> {
  return (fastGlob ??= (await import('fast-glob')).default);
}

export interface ExpandOptions {
  readonly cwd: string;
  /** Patterns a file must match (relative to its input directory); default for directories: **\/*.txt */
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** A folder whose files are never inputs (the out-dir), so a second run does not clean its own outputs. */
  readonly skipDir?: string | undefined;
}

export interface InputFile {
  /** Absolute path. */
  readonly path: string;
  /** Path as the user should see it: a named file as typed, a found one relative to cwd when inside it. */
  readonly display: string;
  /** Path relative to the input's base: what --out-dir mirrors. */
  readonly rel: string;
}

/**
 * An InputFile that derives `display` and `rel` from its path when they are read: a batch holds its
 * whole list until the end, and three strings per file were ~520 bytes a file (20 MB at 40,000).
 */
class FoundFile implements InputFile {
  constructor(
    readonly path: string,
    private readonly base: string,
    private readonly cwd: string,
    /** The path as given, for a named file; else the display form is computed. */
    private readonly shown: string | undefined,
  ) {}

  get display(): string {
    return this.shown ?? display(this.cwd, this.path);
  }

  get rel(): string {
    return relative(this.base, this.path);
  }
}

/** An input argument that matched nothing. */
export class NoMatchError extends Error {
  override readonly name = 'NoMatchError';
  constructor(readonly input: string) {
    super(`${input}: no such file, and no files match it`);
  }
}

const DEFAULT_INCLUDE = ['**/*.txt'];

function isInside(child: string, dir: string): boolean {
  const rel = relative(dir, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

type Readdir = (path: string, ...rest: unknown[]) => void;

/**
 * A file-system adapter for fast-glob that will not walk into a directory it is already inside.
 * fast-glob follows directory links without cycle checks, so `in/sub/up -> ..` made it walk
 * in/sub/up/sub/up/... until ELOOP, and two such links doubled the walk at every level. A directory
 * whose real path equals the real path of one of its own ancestors on the walked path is read as
 * empty. The test depends only on the path, never on which directory the walk reached first, so the
 * file list stays deterministic; a link to a sibling folder is still walked under its own name.
 */
function cycleSafeFs(): { readdir: Readdir } {
  const real = new Map<string, Promise<string | null>>();
  const realOf = (p: string): Promise<string | null> => {
    let r = real.get(p);
    if (!r) {
      r = new Promise((done) => realpath(p, (e, out) => done(e ? null : out)));
      real.set(p, r);
    }
    return r;
  };
  const isCycle = async (path: string): Promise<boolean> => {
    const self = await realOf(path);
    if (self === null) return false;
    for (let up = dirname(path); up !== dirname(up); up = dirname(up)) {
      if ((await realOf(up)) === self) return true;
    }
    return false;
  };
  return {
    readdir(path: string, ...rest: unknown[]): void {
      const callback = rest.at(-1) as (e: Error | null, entries: unknown[]) => void;
      void isCycle(path).then((cycle) => {
        if (cycle) callback(null, []);
        else (readdir as unknown as Readdir)(path, ...rest);
      });
    },
  };
}

/**
 * Expands files, directories (recursive) and globs into a sorted, de-duplicated list of files.
 * Sorting (by code point of the absolute path) makes batch order and output deterministic.
 */
export async function expandInputs(inputs: readonly string[], opts: ExpandOptions): Promise<InputFile[]> {
  const found = new Map<string, InputFile>();
  const skip = opts.skipDir ? resolve(opts.cwd, opts.skipDir) : undefined;
  const ignore = [...(opts.exclude ?? [])];
  const fs = cycleSafeFs();
  const fg = await loadFastGlob();
  const add = (abs: string, base: string, shown?: string): void => {
    // Only an out-dir inside the input is skipped: one that is the input folder (or holds it) is not.
    if (skip && isInside(abs, skip) && !isInside(base, skip)) return;
    if (!found.has(abs)) found.set(abs, new FoundFile(abs, base, opts.cwd, shown));
  };
  for (const input of inputs) {
    const abs = resolve(opts.cwd, input);
    const st = statOrNull(abs);
    if (st?.isDirectory()) {
      const entries = await fg([...(opts.include?.length ? opts.include : DEFAULT_INCLUDE)], {
        cwd: abs,
        absolute: true,
        onlyFiles: false,
        objectMode: true,
        dot: false,
        followSymbolicLinks: true,
        suppressErrors: true,
        ignore,
        fs,
      });
      // A link that is still a link after following is broken or loops: keep it, so the batch names
      // it as an input error instead of skipping it without a word. FIFOs and sockets would block a read.
      for (const e of entries) if (e.dirent.isFile() || e.dirent.isSymbolicLink()) add(resolve(e.path), abs);
      continue;
    }
    if (st) {
      // A named file is taken, and shown, as given (as a single-file run shows it); --include filters
      // only what directories and globs find.
      add(abs, resolve(abs, '..'), input);
      continue;
    }
    if (fg.isDynamicPattern(input)) {
      const files = await fg(input, { cwd: opts.cwd, absolute: true, onlyFiles: true, suppressErrors: true, ignore, fs });
      const base = resolve(opts.cwd, fg.generateTasks(input)[0]?.base ?? '.');
      const filtered = opts.include?.length ? await fg([...opts.include], { cwd: base, absolute: true, ignore, fs }) : null;
      const allowed = filtered ? new Set(filtered.map((f) => resolve(f))) : null;
      for (const f of files) if (!allowed || allowed.has(resolve(f))) add(resolve(f), base);
      if (files.length === 0) throw new NoMatchError(input);
      continue;
    }
    // A missing plain path is kept so the batch reports it as an input error in its place.
    add(abs, resolve(abs, '..'), input);
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The deepest folder that holds every input: the base an out-dir tree mirrors. */
export function commonBase(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  const split = paths.map((p) => resolve(p, '..').split(sep));
  const first = split[0]!;
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}

/**
 * Whether an input argument stands for a set of files (a directory or a glob) rather than one file:
 * such an input makes a batch even when it matches a single file, so the output shape does not
 * change with what a folder holds.
 */
export async function isMultiInput(input: string, cwd: string): Promise<boolean> {
  const st = statOrNull(resolve(cwd, input));
  return st ? st.isDirectory() : (await loadFastGlob()).isDynamicPattern(input);
}
