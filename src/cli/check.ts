import { Option, type Command } from 'commander';
import { DEFAULT_CHECK_SETTINGS, FINDING_IDS, isFindingId, type CheckSettings, type FindingId } from '../core/findings.js';
import { reporterNames } from '../formats/check-reporters.js';
import { UsageError } from './errors.js';
import type { CheckConfig } from './options.js';
import type { Io } from './io.js';
import { commonOptions, type RunState } from './main.js';
import type { CleanFlags } from './clean.js';
import { templateOptions } from './templates.js';

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
      const { runCheck } = await import('./check-run.js');
      await runCheck(inputs, cmd.optsWithGlobals<CheckFlags>(), io, state);
    });
}
