import { statSync, type Stats } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { type FormatName, extensions } from '../formats/index.js';
import { SCHEMA_ID } from '../formats/record.js';
import { commonBase, expandInputs, NoMatchError, type InputFile } from '../io/glob.js';
import { readLines, type Line } from '../io/lines.js';
import { describeFsError, InputError, readBytes } from '../io/read.js';
import { pendingTempFiles, prepareOutDir, releaseTemp, reserveTemp, writeAtomic } from '../io/write.js';
import { defaultJobs, fileInput, jobsFor, runBatch, type Outcome, type Prepared } from './batch.js';
import { reviveError } from './serial-error.js';
import type { CleanInit, CleanInput, CleanOutput, OutputFile } from './clean-task.js';
import { EXIT, OutputError, UsageError } from './errors.js';
import { createWriter, type Io } from './io.js';
import type { RunState } from './main.js';
import type { ResolvedOptions } from './options.js';
import { createProgress, emptyTally, formatSummary, type Progress, type Tally } from './progress.js';
import { messenger, type Messenger } from './report.js';
import { emptyProfile, mergeProfiles, type SiteProfile } from '../core/template.js';
import { countFiles, learnSummary } from './learn-batch.js';
import { siteOf, thresholdsOf, type SiteFlags } from './templates.js';

const TASK = new URL('./clean-task.js', import.meta.url);

export interface BatchSettings {
  readonly format?: string | undefined;
  readonly outDir?: string | undefined;
  readonly jobs?: number | undefined;
  readonly include?: readonly string[] | undefined;
  readonly exclude?: readonly string[] | undefined;
  readonly encoding?: string | undefined;
  readonly maxBytes?: number | undefined;
  readonly quiet?: boolean | undefined;
  /** Learnt template counts to apply (--profile); with `learn`, added to what the inputs teach. */
  readonly profile?: SiteProfile | undefined;
  readonly learn?: boolean | undefined;
  readonly siteFlags?: SiteFlags | undefined;
}

/** The one name an output gets: the input's path under the out-dir, extension swapped for the format's. */
export function outputPath(outDir: string, rel: string, format: FormatName): string {
  const plain = rel.replace(/\.gz$/iu, '');
  const ext = extname(plain);
  return join(outDir, `${ext ? plain.slice(0, -ext.length) : plain}${extensions[format]}`);
}

/** Why each input's output cannot be written, decided before any work: two inputs, one output; or an input overwritten. */
function plannedConflicts(files: readonly InputFile[], targetOf: (f: InputFile) => string, cwd: string): Map<string, string> {
  const inputs = new Set(files.map((f) => f.path));
  const claimed = new Map<string, InputFile>();
  const conflicts = new Map<string, string>();
  for (const f of files) {
    const target = targetOf(f);
    const first = claimed.get(target);
    const name = shown(cwd, target);
    if (inputs.has(target)) conflicts.set(f.path, `its output ${name} would overwrite an input; choose another --out-dir or format`);
    else if (first) conflicts.set(f.path, `its output ${name} is also the output of ${first.display}`);
    else claimed.set(target, f);
  }
  return conflicts;
}

/** A path as messages show it: relative to the working directory when inside it. */
function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The target's identity, or null when there is none to see (not there yet, or out of reach). */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

function errorRecord(path: string | null, reason: string): string {
  return `${JSON.stringify({ schema: SCHEMA_ID, source: { path }, error: reason })}\n`;
}

function reasonOf(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  return e.name === 'InputError' || !code ? e.message : describeFsError(e);
}

interface Run {
  /** Messages for this run: above the progress bar while it is drawn. */
  readonly say: Messenger;
  readonly tally: Tally;
  readonly signal: AbortSignal;
  readonly progress: Progress;
  /** One input failed: say why, count it, and make the exit code 2. */
  fail(message: string): void;
  /** Called once the run is over, interrupted or not. */
  finish(unit: 'file' | 'record', printSummary: boolean): Promise<void>;
}

/** Signals, progress, the summary and temp-file cleanup, the same for both kinds of batch. */
function startRun(io: Io, quiet: boolean, state: RunState, bar: { total: number; show: boolean }, onAbort: () => void = () => {}): Run {
  const started = performance.now();
  const controller = new AbortController();
  const off = io.onSignal?.(() => controller.abort());
  controller.signal.addEventListener('abort', onAbort);
  const progress = createProgress(io.stderr, bar.total, bar.show && !quiet, () => performance.now());
  const tally = emptyTally();
  const say = messenger({ ...io, stderr: progress.stderr }, quiet);
  return {
    say,
    tally,
    signal: controller.signal,
    progress,
    fail(message) {
      tally.items++;
      tally.errors++;
      state.code = EXIT.error;
      say.error(message);
    },
    async finish(unit, printSummary) {
      off?.();
      progress.stop();
      const end = messenger(io, quiet);
      if (controller.signal.aborted) {
        // writeAtomic cleans up after itself; this catches a temp file whose write was cut short.
        await Promise.all([...pendingTempFiles()].map((f) => rm(f, { force: true })));
        end.error('interrupted; finished outputs are complete, no partial ones were left');
        state.code = EXIT.interrupted;
      }
      if (printSummary) end.info(formatSummary(tally, performance.now() - started, unit));
    },
  };
}

function count(tally: Tally, out: CleanOutput): void {
  tally.items++;
  tally.inBytes += out.inBytes;
  tally.outBytes += out.outBytes;
  tally.inChars += out.inChars;
  tally.keptChars += out.keptChars;
}

/** Cleans files, directories and globs: to --out-dir, or as JSON Lines on stdout in sorted order. */
export async function cleanFiles(inputs: readonly string[], s: BatchSettings, opts: ResolvedOptions, io: Io, state: RunState): Promise<void> {
  if (inputs.length === 0) throw new UsageError('--out-dir needs input files, folders or globs: stdin has no name to mirror');
  if (inputs.includes('-')) {
    throw new UsageError("'-' (stdin) cannot be one of several inputs; pipe many dumps as records with --input-format jsonl");
  }
  const outDir = s.outDir === undefined ? undefined : resolve(io.cwd, s.outDir);
  if (outDir && s.format === 'jsonl') {
    throw new UsageError('-f jsonl makes one stream, not one file per input: with --out-dir use -f json, md or text');
  }
  if (!outDir && s.format && s.format !== 'jsonl' && s.format !== 'json') {
    throw new UsageError(`several inputs without --out-dir give JSON Lines on stdout; -f ${s.format} needs --out-dir or one input`);
  }
  const format = (outDir ? (s.format ?? 'json') : 'jsonl') as FormatName;
  let files: InputFile[];
  try {
    files = await expandInputs(inputs, { cwd: io.cwd, include: s.include, exclude: s.exclude, skipDir: outDir });
  } catch (e) {
    if (e instanceof NoMatchError) throw new UsageError(e.message);
    throw e;
  }
  if (files.length === 0) {
    throw new UsageError(`${inputs.join(' ')}: no input files (a directory stands for its *.txt files; see --include)`);
  }
  if (outDir) {
    // Said once, before any input is read, rather than once per file.
    await prepareOutDir(outDir).catch((e: unknown) => {
      throw new OutputError(shown(io.cwd, outDir), `cannot write the output folder: ${describeFsError(e)}`, { cause: e });
    });
  }
  const siteFlags = s.siteFlags ?? {};
  const jobs = jobsFor(files.length, s.jobs);
  let profile = s.profile;
  if (s.learn) {
    // First pass: count every input; the second pass below cleans with what the whole batch taught.
    // A file that fails here fails again there, and is reported once, in its place.
    const learnt = emptyProfile(thresholdsOf(siteFlags));
    await countFiles(files, learnt, { jobs, encoding: s.encoding, maxBytes: s.maxBytes, siteFlags }, () => {});
    profile = profile ? mergeProfiles(profile, learnt) : learnt;
    messenger(io, s.quiet).info(learnSummary(profile));
  }
  const base = commonBase(files.map((f) => f.path));
  // Derived when needed rather than kept in a map for the whole run (~260 bytes a file).
  const targetOf = (f: InputFile): string => outputPath(outDir ?? '', relative(base, f.path), format);
  const conflicts = outDir ? plannedConflicts(files, targetOf, io.cwd) : new Map<string, string>();

  // JSON Lines on a terminal would write through the bar, so the bar needs stdout elsewhere.
  const run = startRun(io, Boolean(s.quiet), state, { total: files.length, show: io.stderrIsTTY && (Boolean(outDir) || !io.stdoutIsTTY) });
  const out = createWriter(io.stdout);
  const init: CleanInit = { mode: opts.mode, configPath: opts.configPath, cwd: io.cwd, encoding: s.encoding, format, profile, siteFlags };

  // With workers, input that is not UTF-8 goes to one worker (fileInput says why). It used to be
  // decoded here, which made this thread the batch's bottleneck (1.7 of its 3.05 s CPU per 1,000
  // bench files, the workers idle ~40% of the time).
  const checked = new Map<string, Promise<void>>();
  // Folders this thread has written an output into (and so made and checked inside the out-dir):
  // later outputs there are written by the workers. The first output of each folder is written here,
  // so a folder is still made only once an output for it is ready, as before.
  const readyDirs = new Set<string>();
  const temps = new Map<InputFile, string>();
  const prepare = async (f: InputFile): Promise<Prepared<CleanInput>> => {
    const conflict = conflicts.get(f.path);
    if (conflict) throw new InputError(f.display, conflict);
    const raw = await readBytes(f.path, { maxBytes: s.maxBytes }).catch((e: unknown) => {
      throw e instanceof InputError ? new InputError(f.display, e.message) : e;
    });
    let write: OutputFile | undefined;
    if (outDir) {
      const target = targetOf(f);
      // Same file under another name (a symlinked out-dir): the planned check cannot see that.
      const t = statOrNull(target);
      if (t && t.dev === raw.dev && t.ino === raw.ino) throw new InputError(f.display, 'its output would overwrite it; choose another --out-dir');
      if (readyDirs.has(dirname(target))) {
        write = { target, temp: reserveTemp(target) };
        temps.set(f, write.temp);
      }
    }
    const b = raw.bytes;
    const site = profile ? siteOf({ path: f.path }, siteFlags) : null;
    return fileInput<CleanInput>({ kind: 'file', path: f.display, bytes: b, site, write }, b, s.encoding);
  };

  const onResult = async (f: InputFile, outcome: Outcome<CleanOutput>): Promise<void> => {
    const temp = temps.get(f);
    if (temp !== undefined) {
      // Written and renamed, or removed by the task: a signal from now on has nothing to clean.
      temps.delete(f);
      releaseTemp(temp);
    }
    if (!outcome.ok) {
      const reason = reasonOf(outcome.error);
      run.fail(`${f.display}: ${reason}`);
      if (!outDir) await out.write(errorRecord(f.display, reason));
      run.progress.tick(0);
      return;
    }
    const r = outcome.value;
    if (r.replacements > 0) run.say.warn(`${f.display}: decoding as ${r.encoding} left ${r.replacements} replacement character(s)`);
    for (const w of r.warnings) run.say.warn(`${f.display}: ${w}`);
    if (outDir) {
      const target = targetOf(f);
      try {
        if (r.writeError) throw reviveError(r.writeError);
        // Confined to the out-dir: a link inside it that leads elsewhere is refused, not followed.
        if (!r.written) await writeAtomic(target, r.output, { within: outDir, checked });
        readyDirs.add(dirname(target));
      } catch (e) {
        run.fail(`${shown(io.cwd, target)}: cannot write: ${reasonOf(e as Error)}`);
        run.progress.tick(r.inBytes);
        return;
      }
    } else await out.write(r.output);
    count(run.tally, r);
    run.progress.tick(r.inBytes);
  };

  let finished = false;
  try {
    await runBatch<InputFile, CleanInput, CleanOutput>(files, { module: TASK, init }, { jobs, window: jobs * 16, prepare, onResult, signal: run.signal });
    finished = true;
  } finally {
    await run.finish('file', finished || run.signal.aborted);
  }
}

/** Cleans JSON Lines records from stdin: one output line per record, in order, each written when ready. */
export async function cleanRecords(inputs: readonly string[], s: BatchSettings, opts: ResolvedOptions, io: Io, state: RunState): Promise<void> {
  if (inputs.some((i) => i !== '-')) {
    throw new UsageError('--input-format jsonl reads records from stdin: deboil --input-format jsonl < records.jsonl');
  }
  if (s.outDir !== undefined) throw new UsageError('--input-format jsonl writes JSON Lines on stdout; it does not take --out-dir');
  if (s.format && s.format !== 'jsonl' && s.format !== 'json') {
    throw new UsageError(`--input-format jsonl writes JSON Lines; -f ${s.format} does not apply`);
  }
  if (io.stdinIsTTY) throw new UsageError('no input: pipe JSON Lines records in (deboil --input-format jsonl < records.jsonl)');
  // Stopping early (Ctrl-C, a closed stdout) must not leave us waiting on stdin.
  const closeStdin = (): void => void io.stdin.destroy();
  const run = startRun(io, Boolean(s.quiet), state, { total: 0, show: false }, closeStdin);
  const out = createWriter(io.stdout);
  const init: CleanInit = { mode: opts.mode, configPath: opts.configPath, cwd: io.cwd, encoding: s.encoding, format: 'jsonl', profile: s.profile, siteFlags: s.siteFlags };
  let warnedNoSite = false;

  async function* records(): AsyncGenerator<Line> {
    try {
      for await (const line of readLines(io.stdin, s.maxBytes)) {
        // Blank lines are not records; skipping them keeps `cat a.jsonl b.jsonl` tolerant of a missing final newline.
        if (line.text === null || line.text.trim() !== '') yield line;
      }
    } catch (e) {
      if (!run.signal.aborted) throw e;
    }
  }
  const prepare = (line: Line): Prepared<CleanInput> => {
    if (line.text === null) throw new InputError(`-:${line.number}`, `too large: ${line.bytes} bytes, over --max-bytes ${s.maxBytes}`);
    return { input: { kind: 'line', line: line.text } };
  };
  const onResult = async (line: Line, outcome: Outcome<CleanOutput>): Promise<void> => {
    const where = `stdin line ${line.number}`;
    if (!outcome.ok || outcome.value.error !== undefined) {
      const reason = outcome.ok ? outcome.value.error! : reasonOf(outcome.error);
      run.fail(`${where}: ${reason}`);
      await out.write(outcome.ok ? outcome.value.output : errorRecord(null, reason));
      return;
    }
    const r = outcome.value;
    if (r.noSite && !warnedNoSite) {
      run.say.warn(`${where}: no site, url or path in the record, so no profile applies to it (nor to others like it); pass --site NAME`);
      warnedNoSite = true;
    }
    if (r.replacements > 0) run.say.warn(`${where}: the text holds ${r.replacements} replacement character(s)`);
    for (const w of r.warnings) run.say.warn(`${where}: ${w}`);
    await out.write(r.output);
    count(run.tally, r);
  };

  let finished = false;
  try {
    await runBatch<Line, CleanInput, CleanOutput>(records(), { module: TASK, init }, {
      jobs: s.jobs ?? defaultJobs(),
      prepare,
      onResult,
      signal: run.signal,
    });
    finished = true;
  } finally {
    if (!finished) closeStdin();
    await run.finish('record', finished || run.signal.aborted);
  }
}
