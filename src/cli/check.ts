import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { extract } from '../core/pipeline.js';
import { DEFAULT_CHECK_SETTINGS, FINDING_IDS, findings, isFindingId, type CheckSettings, type Finding, type FindingId } from '../core/findings.js';
import { NotARecordError, readBack, type ReadBack } from '../formats/read-back.js';
import { summaryLine, toCheckReport, type FileResult } from '../formats/check-report.js';
import { isReporterName, reporterNames, reporters, type ReporterName } from '../formats/check-reporters.js';
import { expandInputs, NoMatchError, type InputFile } from '../io/glob.js';
import { readDump, type Loaded } from '../io/read.js';
import { writeAtomic } from '../io/write.js';
import { EXIT, UsageError } from './errors.js';
import { createWriter, type Io } from './io.js';
import { messenger, painter } from './report.js';
import { resolveOptions, type CheckConfig, type ResolvedOptions } from './options.js';
import { commonOptions, type RunState } from './main.js';
import { loadStdin, type CleanFlags } from './clean.js';
import type { SiteTemplate } from '../core/template.js';
import { loadTemplates, templateOptions } from './templates.js';

export interface CheckFlags extends CleanFlags {
  reporter?: string;
  minChars?: number;
  maxRemoved?: number;
  requireUtf8?: boolean;
  ignore?: string[];
  include?: string[];
  exclude?: string[];
  output?: string;
}

/** Raw dumps and all three of deboil's file outputs; a directory gives these unless --include says otherwise. */
export const CHECK_INCLUDE = ['**/*.txt', '**/*.md', '**/*.json'];

function parseCount(v: string): number {
  if (!/^\d+$/u.test(v.trim())) throw new UsageError(`--min-chars: '${v}' is not a whole number of characters (try 200)`);
  return Number(v);
}

function parseShare(v: string): number {
  const m = /^(\d+(?:\.\d+)?)(%?)$/u.exec(v.trim());
  const share = m ? Number(m[1]) / (m[2] ? 100 : 1) : Number.NaN;
  if (!(share >= 0 && share <= 1)) throw new UsageError(`--max-removed: '${v}' is not a share from 0 to 1 (try 0.3 or 30%)`);
  return share;
}

function collect(v: string, prev: string[] | undefined): string[] {
  return [...(prev ?? []), v];
}

/** Defaults, then the config file's `check` object, then flags. Ignore lists add up. */
export function checkSettings(config: CheckConfig, flags: CheckFlags): CheckSettings {
  const ignore = [...(config.ignore ?? []), ...(flags.ignore ?? [])];
  const bad = ignore.find((id) => !isFindingId(id));
  if (bad !== undefined) throw new UsageError(`--ignore: unknown finding id '${bad}' (known: ${FINDING_IDS.join(', ')})`);
  return Object.freeze({
    minChars: flags.minChars ?? config.minChars ?? DEFAULT_CHECK_SETTINGS.minChars,
    maxRemoved: flags.maxRemoved ?? config.maxRemoved ?? DEFAULT_CHECK_SETTINGS.maxRemoved,
    requireUtf8: flags.requireUtf8 ?? config.requireUtf8 ?? DEFAULT_CHECK_SETTINGS.requireUtf8,
    ignore: Object.freeze([...new Set(ignore)] as FindingId[]),
  });
}

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

const HELP = `
Runs the cleaning pipeline on each input and reports what deboil would still remove. Changes nothing.
Inputs are raw dumps or deboil outputs: text, Markdown (front matter, # title and *caption* lines are
skipped) or JSON records (the "text" field). A directory gives its ${CHECK_INCLUDE.join(', ')} files.

Finding ids (turn one off with --ignore <id>):
  boilerplate-line  a line deboil would remove, with its reason and rule id
  duplicate         a paragraph or caption that repeats an earlier one
  too-short         an empty article, or one under --min-chars characters
  removed-share     more than --max-removed of the text is removable
  not-utf8          the file is not UTF-8 (only with --require-utf8)
  replacement-char  U+FFFD characters: bytes the decoder could not read
  mojibake          text decoded with the wrong encoding ("Ã©", GBK read as Latin-1)

The "check" object of deboil.config.json takes the same settings: reporter, minChars, maxRemoved,
requireUtf8, ignore, include, exclude. Flags win; ignore lists add up.

Exit codes:
  0  no findings
  1  findings
  2  usage error, or an input that cannot be read, decoded or parsed (wins over findings)

Examples:
  deboil check cleaned/                         report by file, with line numbers
  deboil check 'data/**/*.md' --min-chars 200   also flag articles under 200 characters
  deboil check out/ --reporter github           annotations on a GitHub pull request
  deboil check out/ -r junit -o check.xml       JUnit XML for a CI dashboard; summary on stderr
  deboil check dumps/ --ignore boilerplate-line --require-utf8`;

export function registerCheck(program: Command, io: Io, state: RunState): void {
  templateOptions(commonOptions(program.command('check')))
    .description('report boilerplate, duplicates and damaged text left in dumps or cleaned files (for CI)')
    .argument('[inputs...]', 'files, directories and globs; "-" reads stdin')
    .addOption(new Option('-r, --reporter <name>', 'report format (default: text)').choices(reporterNames))
    .option('-o, --output <file>', 'write the report to this file (atomically); the summary stays on stderr')
    .option('--min-chars <n>', 'flag articles with fewer characters than this (default: 1, empty only)', parseCount)
    .option('--max-removed <share>', 'flag files where more than this share of text is removable (0.3 or 30%)', parseShare)
    .option('--require-utf8', 'flag files that are not UTF-8')
    .option('--no-require-utf8', 'do not, even if the config file says so')
    .option('--ignore <id>', 'leave out a finding id (repeatable)', collect)
    .option('--include <glob>', `files a directory gives (repeatable; default: ${CHECK_INCLUDE.join(' ')})`, collect)
    .option('--exclude <glob>', 'files to leave out (repeatable)', collect)
    .addHelpText('after', HELP)
    .action(async (inputs: string[], _local: CheckFlags, cmd: Command) => {
      // The shared flags also exist on the root command, which takes them wherever they stand.
      const flags = cmd.optsWithGlobals<CheckFlags>();
      const say = messenger(io, flags.quiet);
      const opts = await resolveOptions(flags, io.cwd);
      const config = opts.config.check ?? {};
      const settings = checkSettings(config, flags);
      const templates = await loadTemplates(flags, io.cwd, (m) => say.warn(m));
      const reporter: ReporterName = flags.reporter && isReporterName(flags.reporter) ? flags.reporter : (config.reporter ?? 'text');
      if (inputs.length === 0) throw new UsageError('no input: pass files, directories or globs (deboil check cleaned/), or - for stdin');
      if (inputs.includes('-') && io.stdinIsTTY) throw new UsageError('"-" reads stdin, but stdin is a terminal: pipe a file in');
      const results: FileResult[] = [];
      const named = inputs.filter((i) => i !== '-');
      // A bug on one file is that file's error; the other files are still checked.
      const checkOne = (display: string, loaded: Loaded, path: string | null): FileResult => {
        try {
          return checkLoaded(display, loaded, opts, settings, templates.forDocument({ path }));
        } catch (e) {
          return failed(display, `internal error: ${(e as Error).message}`);
        }
      };
      if (inputs.includes('-')) results.push(checkOne('-', await loadStdin(io, flags), null));
      for (const item of await expandEach(named, io, flags, config)) {
        if ('error' in item) {
          results.push(item);
          continue;
        }
        let loaded: Loaded;
        try {
          loaded = await readDump(item.path, { encoding: flags.encoding, maxBytes: flags.maxBytes });
        } catch (e) {
          if ((e as Error).name !== 'InputError') throw e;
          results.push(failed(item.display, (e as Error).message));
          continue;
        }
        results.push(checkOne(item.display, loaded, item.path));
      }
      for (const r of results) if (r.error !== null) say.error(`${r.path}: ${r.error}`);
      const report = toCheckReport(results);
      const { errors, findings: count } = report.summary;
      // Decided before writing: a reader that closes the pipe early (check | head) must not turn findings into 0.
      state.code = errors > 0 ? EXIT.error : count > 0 ? EXIT.findings : EXIT.ok;
      const toFile = flags.output !== undefined && flags.output !== '-';
      const c = painter(io.env, toFile ? false : io.stdoutIsTTY);
      const style = { path: (s: string) => c.bold(s), location: (s: string) => c.dim(s), id: (s: string) => c.yellow(s), detail: (s: string) => c.dim(s), error: (s: string) => c.red(s) };
      const text = reporters[reporter](report, style);
      if (toFile) await writeAtomic(resolve(io.cwd, flags.output!), text);
      else await createWriter(io.stdout).write(text);
      say.info(`${summaryLine(report.summary)}${toFile ? ` (report in ${flags.output})` : ''}`);
    });
}
