import { resolve } from 'node:path';
import { extract } from '../core/pipeline.js';
import { findings, type CheckSettings, type Finding } from '../core/findings.js';
import { NotARecordError, readBack, type ReadBack } from '../formats/read-back.js';
import { summaryLine, SummaryCount, type FileResult } from '../formats/check-report.js';
import { isReporterName, partReporters, type ReporterName } from '../formats/check-reporters.js';
import { expandInputs, NoMatchError, type InputFile } from '../io/glob.js';
import { readDump, type Loaded } from '../io/read.js';
import { writeAtomic } from '../io/write.js';
import { EXIT, UsageError } from './errors.js';
import { createWriter, StdoutClosed, type Io } from './io.js';
import { messenger, painter } from './report.js';
import { resolveOptions, type CheckConfig, type ResolvedOptions } from './options.js';
import type { RunState } from './main.js';
import { loadStdin } from './clean.js';
import type { SiteTemplate } from '../core/template.js';
import { loadTemplates } from './templates.js';
import { CHECK_INCLUDE, checkSettings, type CheckFlags } from './check.js';

// `deboil check`'s work, loaded only when that command runs (see registerCheck).

/** Findings of a JSON record point at its `"text":` line: its paragraphs have no lines of their own. */
function atLine(fs: readonly Finding[], line: number | null): Finding[] {
  return line === null ? [...fs] : fs.map((f) => (f.lines ? { ...f, lines: [line, line] as const } : f));
}

/** Checks one decoded file; an input that is not a deboil record is an error, not a finding. */
export function checkLoaded(display: string, loaded: Loaded, opts: ResolvedOptions, settings: CheckSettings, template: SiteTemplate | null = null): FileResult {
  let back: ReadBack;
  try {
    back = readBack(display, loaded.text);
  } catch (e) {
    if (!(e instanceof NotARecordError)) throw e;
    return { path: display, format: 'json', encoding: loaded.encoding, findings: [], error: e.message };
  }
  const article = extract(back.text, opts.context, [], template);
  const found = findings(article, settings, { encoding: loaded.encoding });
  return { path: display, format: back.format, encoding: loaded.encoding, findings: atLine(found, back.atLine), error: null };
}

function failed(path: string, error: string): FileResult {
  return { path, format: null, encoding: null, findings: [], error };
}

/** Expands each input on its own, so one glob that matches nothing is an error in its place, not the end. */
async function expandEach(inputs: readonly string[], io: Io, flags: CheckFlags, config: CheckConfig): Promise<(InputFile | FileResult)[]> {
  const include = flags.include ?? config.include ?? CHECK_INCLUDE;
  const exclude = [...(config.exclude ?? []), ...(flags.exclude ?? [])];
  const output = flags.output && flags.output !== '-' ? resolve(io.cwd, flags.output) : null;
  const files = new Map<string, InputFile>();
  const errors: FileResult[] = [];
  for (const input of inputs) {
    try {
      for (const f of await expandInputs([input], { cwd: io.cwd, include, exclude })) if (f.path !== output) files.set(f.path, f);
    } catch (e) {
      if (!(e instanceof NoMatchError)) throw e;
      errors.push(failed(input, 'no such file, and no files match it'));
    }
  }
  const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return [...errors, ...sorted];
}

/** Runs `deboil check` with the parsed flags (the shared ones included). */
export async function runCheck(inputs: string[], flags: CheckFlags, io: Io, state: RunState): Promise<void> {
    const say = messenger(io, flags.quiet);
    const opts = await resolveOptions(flags, io.cwd);
    const config = opts.config.check ?? {};
    const settings = checkSettings(config, flags);
    const templates = await loadTemplates(flags, io.cwd, (m) => say.warn(m));
    const reporter: ReporterName = flags.reporter && isReporterName(flags.reporter) ? flags.reporter : (config.reporter ?? 'text');
    if (inputs.length === 0) throw new UsageError('no input: pass files, directories or globs (deboil check cleaned/), or - for stdin');
    if (inputs.includes('-') && io.stdinIsTTY) throw new UsageError('"-" reads stdin, but stdin is a terminal: pipe a file in');
    const named = inputs.filter((i) => i !== '-');
    const toFile = flags.output !== undefined && flags.output !== '-';
    const c = painter(io.env, toFile ? false : io.stdoutIsTTY);
    const style = { path: (s: string) => c.bold(s), location: (s: string) => c.dim(s), id: (s: string) => c.yellow(s), detail: (s: string) => c.dim(s), error: (s: string) => c.red(s) };
    const rep = partReporters[reporter];
    // Each file's findings are kept only until its part of the report is made: the text and github
    // reports go to stdout as files are checked; the others, and any report for -o, keep the parts
    // until the end and write them one by one. Keeping every file's findings for one report string
    // at the end took 2.1 GB of memory for 10,000 raw dumps (text to stdout: 209 MB now).
    const streams = rep.envelope === null && !toFile;
    const stdout = createWriter(io.stdout);
    let stdoutClosed = false;
    const kept: string[] = [];
    const count = new SummaryCount();
    const errorLines: string[] = [];
    let soFar = false;
    const take = async (r: FileResult): Promise<void> => {
      count.add(r);
      // Set as files go: a reader that closes the pipe early (check | head) must not turn findings into 0.
      state.code = count.errors > 0 ? EXIT.error : count.findings > 0 ? EXIT.findings : EXIT.ok;
      if (r.error !== null) errorLines.push(`${r.path}: ${r.error}`);
      const part = rep.part(r, style);
      const chunk = rep.separator(soFar, part) + part;
      soFar ||= chunk !== '';
      if (!streams) kept.push(chunk);
      else if (chunk !== '' && !stdoutClosed) {
        try {
          await stdout.write(chunk);
        } catch (e) {
          // The exit code still counts every file, as when the whole report was written at the end.
          if (!(e instanceof StdoutClosed)) throw e;
          stdoutClosed = true;
        }
      }
    };
    // A bug on one file is that file's error; the other files are still checked.
    const checkOne = (display: string, loaded: Loaded, path: string | null): FileResult => {
      try {
        return checkLoaded(display, loaded, opts, settings, templates.forDocument({ path }));
      } catch (e) {
        return failed(display, `internal error: ${(e as Error).message}`);
      }
    };
    if (inputs.includes('-')) await take(checkOne('-', await loadStdin(io, flags), null));
    for (const item of await expandEach(named, io, flags, config)) {
      if ('error' in item) {
        await take(item);
        continue;
      }
      let loaded: Loaded;
      try {
        loaded = await readDump(item.path, { encoding: flags.encoding, maxBytes: flags.maxBytes });
      } catch (e) {
        if ((e as Error).name !== 'InputError') throw e;
        await take(failed(item.display, (e as Error).message));
        continue;
      }
      await take(checkOne(item.display, loaded, item.path));
    }
    for (const line of errorLines) say.error(line);
    const summary = count.summary;
    if (!streams) {
      const [head, tail] = rep.envelope ? rep.envelope(summary, kept.filter((k) => k !== '').length) : ['', ''];
      const pieces = [head, ...kept, tail];
      kept.length = 0;
      if (toFile) await writeAtomic(resolve(io.cwd, flags.output!), Buffer.concat(pieces.map((p) => Buffer.from(p))));
      else for (const p of pieces) await stdout.write(p);
    }
    say.info(`${summaryLine(summary)}${toFile ? ` (report in ${flags.output})` : ''}`);
}
