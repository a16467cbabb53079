import { resolve } from 'node:path';
import { segment } from '../core/segment.js';
import { addDocument, countDocument, emptyProfile, serializeProfile, type SiteProfile } from '../core/template.js';
import { expandInputs, NoMatchError, type InputFile } from '../io/glob.js';
import { readLines } from '../io/lines.js';
import { writeProfile } from '../io/profile.js';
import { resolveEncoding } from '../io/decode.js';
import { EXIT, UsageError } from './errors.js';
import { createWriter, type Io } from './io.js';
import { messenger, type Messenger } from './report.js';
import { jobsFor } from './batch.js';
import { countFiles, learnSummary } from './learn-batch.js';
import { loadProfiles, siteOf, thresholdsOf } from './templates.js';
import { loadStdin } from './clean.js';
import type { RunState } from './main.js';
import type { LearnFlags } from './learn.js';

// `deboil learn`'s work, loaded only when that command runs (see registerLearn).

const NO_STDIN_SITE = 'stdin has no folder to name its site: pass --site NAME (or --site-from none)';

/** Counts every input file into a new profile; a file that cannot be read is reported and skipped. */
async function learnFiles(inputs: readonly string[], flags: LearnFlags, io: Io, say: Messenger, state: RunState): Promise<SiteProfile> {
  const profile = emptyProfile(thresholdsOf(flags));
  const fail = (where: string, reason: string): void => {
    say.error(`${where}: ${reason}`);
    state.code = EXIT.error;
  };
  if (inputs.includes('-')) {
    if (io.stdinIsTTY) throw new UsageError('"-" reads stdin, but stdin is a terminal: pipe a dump in');
    const site = siteOf({ path: null }, flags);
    if (site === null) throw new UsageError(NO_STDIN_SITE);
    addDocument(profile, site, countDocument(segment((await loadStdin(io, flags)).text)));
  }
  const files = new Map<string, InputFile>();
  for (const input of inputs.filter((i) => i !== '-')) {
    try {
      for (const f of await expandInputs([input], { cwd: io.cwd, include: flags.include, exclude: flags.exclude })) files.set(f.path, f);
    } catch (e) {
      if (!(e instanceof NoMatchError)) throw e;
      fail(input, 'no such file, and no files match it');
    }
  }
  const list = [...files.values()];
  const settings = { jobs: jobsFor(list.length, flags.jobs), encoding: flags.encoding, maxBytes: flags.maxBytes, siteFlags: flags };
  await countFiles(list, profile, settings, (f, reason) => fail(f.display, reason));
  return profile;
}

/** Counts JSON Lines records from stdin, each under its own site (or url host, or path's folder). */
async function learnRecords(inputs: readonly string[], flags: LearnFlags, io: Io, say: Messenger, state: RunState): Promise<SiteProfile> {
  if (inputs.some((i) => i !== '-')) throw new UsageError('--input-format jsonl reads records from stdin: deboil learn --input-format jsonl < records.jsonl');
  if (io.stdinIsTTY) throw new UsageError('no input: pipe JSON Lines records in (deboil learn --input-format jsonl < records.jsonl)');
  const profile = emptyProfile(thresholdsOf(flags));
  let noSite = 0;
  for await (const line of readLines(io.stdin, flags.maxBytes)) {
    if (line.text !== null && line.text.trim() === '') continue;
    const where = `stdin line ${line.number}`;
    const fail = (reason: string): void => {
      say.error(`${where}: ${reason}`);
      state.code = EXIT.error;
    };
    if (line.text === null) {
      fail(`too large: ${line.bytes} bytes, over --max-bytes ${flags.maxBytes}`);
      continue;
    }
    let rec: Record<string, unknown>;
    try {
      const raw: unknown = JSON.parse(line.text);
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('expected a JSON object');
      rec = raw as Record<string, unknown>;
    } catch (e) {
      fail(`not a record: ${(e as Error).message}`);
      continue;
    }
    if (typeof rec['text'] !== 'string') {
      fail('missing "text": expected a string with the dump');
      continue;
    }
    const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
    const path = text(rec['path']);
    const site = siteOf({ path: path === undefined ? null : resolve(io.cwd, path), site: text(rec['site']), url: text(rec['url']) }, flags);
    if (site === null) {
      noSite++;
      continue;
    }
    addDocument(profile, site, countDocument(segment(rec['text'])));
  }
  if (noSite > 0) say.warn(`${noSite} record(s) name no site, url or path and were not counted; pass --site NAME or --site-from none`);
  return profile;
}

/** Runs `deboil learn` with the parsed flags. */
export async function runLearn(inputs: string[], flags: LearnFlags, io: Io, state: RunState): Promise<void> {
  const say = messenger(io, flags.quiet);
  if (inputs.length === 0 && flags.inputFormat === 'jsonl') inputs = ['-'];
  if (inputs.length === 0) throw new UsageError(flags.merge ? 'no profiles to merge: pass two or more profile files' : 'no input: pass the folders or files of dumps to learn from');
  if (flags.encoding) resolveEncoding(flags.encoding);
  const profile = flags.merge
    ? await loadProfiles(inputs, io.cwd, flags)
    : flags.inputFormat === 'jsonl'
      ? await learnRecords(inputs, flags, io, say, state)
      : await learnFiles(inputs, flags, io, say, state);
  if (flags.output && flags.output !== '-') await writeProfile(resolve(io.cwd, flags.output), profile);
  else await createWriter(io.stdout).write(serializeProfile(profile));
  const where = flags.output && flags.output !== '-' ? `; profile in ${flags.output}` : '';
  say.info(`${learnSummary(profile, flags.merge ? `${inputs.length} profiles, ` : '')}${where}`);
}
