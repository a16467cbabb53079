import { resolve } from 'node:path';
import type { Command } from 'commander';
import { segment } from '../core/segment.js';
import { addDocument, countDocument, emptyProfile, serializeProfile, summarizeProfile, type ProfileDraft, type SiteProfile } from '../core/template.js';
import { expandInputs, NoMatchError } from '../io/glob.js';
import { readDump, type Loaded } from '../io/read.js';
import { writeProfile } from '../io/profile.js';
import { resolveEncoding } from '../io/decode.js';
import { EXIT, UsageError } from './errors.js';
import { createWriter, type Io } from './io.js';
import { messenger, type Messenger } from './report.js';
import { loadProfiles, siteOf, siteOptions, thresholdsOf, type Origin, type SiteFlags } from './templates.js';
import { loadStdin } from './clean.js';
import type { RunState } from './main.js';

export interface LearnFlags extends SiteFlags {
  output?: string;
  merge?: boolean;
  include?: string[];
  exclude?: string[];
  encoding?: string;
  maxBytes?: number;
  quiet?: boolean;
  debug?: boolean;
}

function collect(v: string, prev: string[] | undefined): string[] {
  return [...(prev ?? []), v];
}

/** Counts one decoded document into the profile under its site. */
export function countInto(profile: ProfileDraft, origin: Origin, loaded: Loaded, flags: SiteFlags): void {
  const site = siteOf(origin, flags);
  if (site === null) throw new UsageError('stdin has no folder to name its site: pass --site NAME (or --site-from none)');
  addDocument(profile, site, countDocument(segment(loaded.text)));
}

/** Counts every input file into a new profile; a file that cannot be read is reported and skipped. */
async function learnFiles(inputs: readonly string[], flags: LearnFlags, io: Io, say: Messenger, state: RunState): Promise<SiteProfile> {
  const profile = emptyProfile(thresholdsOf(flags));
  const read = { encoding: flags.encoding, maxBytes: flags.maxBytes };
  if (inputs.includes('-')) {
    if (io.stdinIsTTY) throw new UsageError('"-" reads stdin, but stdin is a terminal: pipe a dump in');
    countInto(profile, { path: null }, await loadStdin(io, flags), flags);
  }
  for (const input of inputs.filter((i) => i !== '-')) {
    let files;
    try {
      files = await expandInputs([input], { cwd: io.cwd, include: flags.include, exclude: flags.exclude });
    } catch (e) {
      if (!(e instanceof NoMatchError)) throw e;
      say.error(`${input}: no such file, and no files match it`);
      state.code = EXIT.error;
      continue;
    }
    for (const file of files) {
      let loaded: Loaded;
      try {
        loaded = await readDump(file.path, read);
      } catch (e) {
        if ((e as Error).name !== 'InputError') throw e;
        say.error(`${file.display}: ${(e as Error).message}`);
        state.code = EXIT.error;
        continue;
      }
      countInto(profile, { path: file.path }, loaded, flags);
    }
  }
  return profile;
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
  deboil learn --merge p1.json p2.json -o all.json       add profiles up`;

export function registerLearn(program: Command, io: Io, state: RunState): void {
  siteOptions(program.command('learn'))
    .description("learn each site's template (lines its pages repeat) from a folder of dumps, as a profile")
    .argument('[inputs...]', 'dump files, directories (their *.txt files) and globs; "-" reads one dump from stdin; with --merge, profiles')
    .option('-o, --output <file>', 'write the profile here, atomically (default: stdout)')
    .option('--merge', 'the inputs are profiles: add them up into one')
    .option('--include <glob>', 'in directories, take files matching this (repeatable; default: **/*.txt)', collect)
    .option('--exclude <glob>', 'in directories and globs, skip files matching this (repeatable)', collect)
    .option('--encoding <label>', 'force the input encoding (e.g. gb18030); default: detect')
    .option('-q, --quiet', 'no summary on stderr')
    .option('--debug', 'print stack traces with errors')
    .addHelpText('after', HELP)
    .action(async (inputs: string[], flags: LearnFlags) => {
      const say = messenger(io, flags.quiet);
      if (inputs.length === 0) throw new UsageError(flags.merge ? 'no profiles to merge: pass two or more profile files' : 'no input: pass the folders or files of dumps to learn from');
      if (flags.encoding) resolveEncoding(flags.encoding);
      const profile = flags.merge ? await loadProfiles(inputs, io.cwd, flags) : await learnFiles(inputs, flags, io, say, state);
      if (flags.output && flags.output !== '-') await writeProfile(resolve(io.cwd, flags.output), profile);
      else await createWriter(io.stdout).write(serializeProfile(profile));
      const s = summarizeProfile(profile);
      const t = profile.thresholds;
      const small = s.smallSites ? `; ${s.smallSites} site(s) with fewer than ${t.minDocs} documents learn nothing` : '';
      say.info(
        `learn: ${flags.merge ? `${inputs.length} profiles, ` : ''}${s.docs} document(s) of ${s.sites} site(s); ${s.templateLines} template line(s) (in ${t.minDocs}+ documents and ${Math.round(t.minShare * 1000) / 10}%+ of their site)${small}${flags.output && flags.output !== '-' ? `; profile in ${flags.output}` : ''}`,
      );
    });
}
