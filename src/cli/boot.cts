// How bin/deboil starts the CLI: V8 flags first, then the bundle (dist/bundle, CommonJS) compiled
// with V8's code cache. CommonJS, so that a start needs neither the ES module loader nor its parse
// of each chunk (issue 8: a single-file run spent ~12% of its CPU compiling the bundle, and about
// as much in the module loader).
//
// The cache files are written by `npm run build` (scripts/bundle.mjs runs writeCodeCache after a
// warm-up clean), never committed. V8 checks each against its own version, its flags and the
// source's length, and a rejected or missing cache only means the source is compiled as it would
// be without one: the cache changes how fast a start is, never what it does.
import buffer = require('node:buffer');
import fs = require('node:fs');
import path = require('node:path');
import v8 = require('node:v8');
import vm = require('node:vm');
import Module = require('node:module');

/**
 * V8 flags for the whole process (worker threads share them). --no-regexp-tier-up: V8 first runs
 * each regex in its bytecode interpreter, then compiles it to machine code once it has run; the
 * rule packs' few dozen patterns paid both compiles, about half of the first page's cleaning.
 * Compiling to machine code at once gives the same matches, and a long batch runs as fast.
 *
 * --interrupt-budget four times V8's default (67,584): a function is optimised after four times as
 * much work. A one-page run had six functions optimised (the rule compiler's source scans, the
 * prefilter's unit scan, the script table), ~30 ms of compiler CPU on a background thread for code
 * that had finished by then; now one. A batch's hot functions run millions of times and are
 * optimised a little later (1,000 files -j 1: CPU within noise, outputs identical).
 *
 * The code cache is only accepted under the flags it was written with: the build sets these too.
 */
const V8_FLAGS: readonly string[] = ['--no-regexp-tier-up', '--interrupt-budget=270336'];

function setV8Flags(): void {
  for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);
}

/** The bundle's folder; only files in it are compiled with a cache. */
const BUNDLE_DIR = path.join(__dirname, '..', 'bundle');

const CACHE_SUFFIX = '.cache';

/** Compiled scripts of this process, for writeCodeCache. */
const compiled = new Map<string, vm.Script>();

/** Files compiled with a cache, by whether V8 took it; a test holds the build's cache to its flags. */
const cacheUse = { accepted: [] as string[], rejected: [] as string[] };

/** The cache for `file`, or undefined when there is none or it is older than the file. */
function readCache(file: string): Buffer | undefined {
  try {
    const cache = `${file}${CACHE_SUFFIX}`;
    // V8 compares the length of the source, not its text: a file edited after the build must not
    // run with the bytecode of the old one.
    if (fs.statSync(cache).mtimeMs < fs.statSync(file).mtimeMs) return undefined;
    return fs.readFileSync(cache);
  } catch {
    return undefined;
  }
}

type Wrapper = (exports: unknown, require: (id: string) => unknown, module: Module, filename: string, dirname: string) => void;

const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAP_TAIL = '\n})';

/**
 * The file's text inside the CommonJS wrapper, as one flat string. A template literal around the
 * text made a concatenation that V8 copied flat again to compile it (a one-page run: 4,364 -> 4,237
 * page faults, 10 runs). The build writes the bundle in ASCII, so the bytes are read straight into
 * place and taken as Latin-1, one byte a character; a file that is not ASCII is decoded as UTF-8.
 */
function wrappedSource(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const bytes = Buffer.allocUnsafeSlow(WRAP_HEAD.length + size + WRAP_TAIL.length);
    bytes.write(WRAP_HEAD, 0, 'latin1');
    let read = 0;
    for (let n = -1; read < size && n !== 0; read += n) n = fs.readSync(fd, bytes, WRAP_HEAD.length + read, size - read, read);
    const end = WRAP_HEAD.length + read;
    bytes.write(WRAP_TAIL, end, 'latin1');
    const text = bytes.subarray(0, end + WRAP_TAIL.length);
    return buffer.isAscii(text) ? text.toString('latin1') : `${WRAP_HEAD}${bytes.toString('utf8', WRAP_HEAD.length, end)}${WRAP_TAIL}`;
  } finally {
    fs.closeSync(fd);
  }
}

/** Set by the build's warm-up run: compile every chunk here, with or without a cache, to write one. */
let isRecording = false;

/**
 * `require(file)` for a CommonJS file of the bundle, compiled with its code cache. The module goes
 * into require.cache under its path, so a later `require` or `import()` of it, from the bundle or
 * from Node's loader, gets this same instance; requires of other chunks come back here.
 *
 * A file without a cache, or one that calls import() (a script compiled here could only do that
 * under --experimental-vm-modules), is left to Node's own require.
 */
function requireCached(file: string): unknown {
  const hit = require.cache[file];
  if (hit) return hit.exports;
  const cachedData = readCache(file);
  if (!cachedData && !isRecording) return require(file);
  const source = wrappedSource(file);
  if (source.includes('import(')) return require(file);
  const mod = new Module(file, module);
  mod.filename = file;
  require.cache[file] = mod;
  const dir = path.dirname(file);
  const script = new vm.Script(source, { filename: file, cachedData });
  compiled.set(file, script);
  if (cachedData) cacheUse[script.cachedDataRejected ? 'rejected' : 'accepted'].push(file);
  // Node's resolution from the file's own place for anything but a chunk: builtins, packages.
  const resolveHere = Module.createRequire(file);
  const local = (id: string): unknown => (id.startsWith('./') ? requireCached(path.join(dir, id)) : resolveHere(id));
  try {
    (script.runInThisContext() as Wrapper).call(mod.exports, mod.exports, local, mod, file, dir);
  } catch (e) {
    delete require.cache[file];
    throw e;
  }
  mod.loaded = true;
  return mod.exports;
}

/** The bundle files compiled with a cache so far, by whether V8 accepted it. */
function cacheReport(): { accepted: string[]; rejected: string[] } {
  return { accepted: [...cacheUse.accepted], rejected: [...cacheUse.rejected] };
}

/** For the build's warm-up run: from now on every chunk is compiled here, to be cached. */
function recordCodeCache(): void {
  isRecording = true;
}

/**
 * Writes the code cache of every bundle file this process compiled, taken after it ran, so the
 * functions that ran are in it compiled. For scripts/bundle.mjs; returns the files written.
 */
function writeCodeCache(): string[] {
  const written: string[] = [];
  for (const [file, script] of compiled) {
    fs.writeFileSync(`${file}${CACHE_SUFFIX}`, script.createCachedData());
    written.push(`${file}${CACHE_SUFFIX}`);
  }
  return written;
}

/**
 * Ends the process once main() has returned, when nothing is left to write: Node's own exit then
 * tears the V8 heap down page by page, ~6 ms of a one-page run (CPU 237 -> 226 ms median, 30 runs).
 * With bytes still queued on stdout or stderr (a pipe is asynchronous on macOS and Windows) the
 * process ends the normal way, after they are written.
 */
function exitWhenWritten(streams: readonly { readonly writableLength: number }[] = [process.stdout, process.stderr], exit: () => void = () => process.exit()): boolean {
  if (streams.some((s) => s.writableLength > 0)) return false;
  exit();
  return true;
}

/** The CLI's entry: the bundle's main when the build made one, else tsc's dist/cli (ES modules). */
async function loadMain(): Promise<typeof import('./main.js')> {
  const main = path.join(BUNDLE_DIR, 'main.js');
  if (fs.existsSync(main)) return requireCached(main) as typeof import('./main.js');
  return import('./main.js');
}

export = { V8_FLAGS, setV8Flags, BUNDLE_DIR, requireCached, cacheReport, recordCodeCache, writeCodeCache, loadMain, exitWhenWritten };
