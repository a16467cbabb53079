import { Option, type Command } from 'commander';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import { siteOptions, type SiteFlags } from './templates.js';
import type { RunState } from './main.js';

export interface LearnFlags extends SiteFlags {
  output?: string;
  merge?: boolean;
  include?: string[];
  exclude?: string[];
  encoding?: string;
  maxBytes?: number;
  jobs?: number;
  inputFormat?: 'text' | 'jsonl';
  quiet?: boolean;
  debug?: boolean;
}

function collect(v: string, prev: string[] | undefined): string[] {
  return [...(prev ?? []), v];
}

function parseJobs(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs: '${v}' is not a whole number of 1 or more`);
  return n;
}

const HELP = `
Counts, per site, in how many documents each line occurs, and writes the counts as a profile
(JSON, schema deboil-profile/1: hashes of normalised lines and numbers, never article text).
deboil --profile FILE then removes the lines that are template: in at least --min-docs of a site's
documents and at least --min-share of them. Profiles add up with --merge, so a large folder can be
counted in parts (on many machines) and reduced into one.

Examples:
  deboil learn scrape/ -o site.profile.json              one site per folder of dumps
  deboil --profile site.profile.json scrape/page.txt     clean one page with what the folder taught
  deboil learn part-*/ --site-from none -o p1.json       every input one site
  deboil learn --merge p1.json p2.json -o all.json       add profiles up
  deboil learn --input-format jsonl < records.jsonl -o p.json   records, each under its site or url host`;

export function registerLearn(program: Command, io: Io, state: RunState): void {
  siteOptions(program.command('learn'))
    .description("learn each site's template (lines its pages repeat) from a folder of dumps, as a profile")
    .argument('[inputs...]', 'dump files, directories (their *.txt files) and globs; "-" reads one dump from stdin; with --merge, profiles')
    .option('-o, --output <file>', 'write the profile here, atomically (default: stdout)')
    .option('--merge', 'the inputs are profiles: add them up into one')
    .option('--include <glob>', 'in directories, take files matching this (repeatable; default: **/*.txt)', collect)
    .option('--exclude <glob>', 'in directories and globs, skip files matching this (repeatable)', collect)
    .option('--encoding <label>', 'force the input encoding (e.g. gb18030); default: detect')
    .option('-j, --jobs <n>', 'threads that read and count (default: the cores, one per 250 files)', parseJobs)
    .addOption(new Option('--input-format <kind>', 'text: dump files; jsonl: records {"site","url","path","text"} on stdin').choices(['text', 'jsonl']).default('text'))
    .option('-q, --quiet', 'no summary on stderr')
    .option('--debug', 'print stack traces with errors')
    .addHelpText('after', HELP)
    .action(async (inputs: string[], flags: LearnFlags) => {
      // Loaded only when this command runs, so other runs do not pay for its modules.
      const { runLearn } = await import('./learn-run.js');
      await runLearn(inputs, flags, io, state);
    });
}
