import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { extract } from '../core/pipeline.js';
import { formats, formatNames, isFormatName, type FormatName } from '../formats/index.js';
import { isMultiInput } from '../io/glob.js';
import { decodeOrFail, readDump, readStream, type Loaded } from '../io/read.js';
import { resolveEncoding } from '../io/decode.js';
import { FileBugError, UsageError } from './errors.js';
import { createWriter, type Io } from './io.js';
import { messenger, painter } from './report.js';
import { resolveOptions, type ResolvedOptions } from './options.js';
import { commonOptions, type RunState } from './main.js';
import { cleanLoaded } from './clean-task.js';
import type { SiteTemplate } from '../core/template.js';
import { loadProfiles, loadTemplates, NO_TEMPLATES, templateNote, templateOptions, thresholdsOf, type TemplateFlags } from './templates.js';


export interface CleanFlags extends TemplateFlags {
  format?: string;
  explain?: boolean;
  mode?: string;
  config?: string;
  encoding?: string;
  quiet?: boolean;
  debug?: boolean;
  maxBytes?: number;
  outDir?: string;
  jobs?: number;
  include?: string[];
  exclude?: string[];
  inputFormat?: 'text' | 'jsonl';
  learn?: boolean;
}

/** Decoded input to output string in the chosen format. */
export function render(loaded: Loaded, opts: ResolvedOptions, format: FormatName, template: SiteTemplate | null = null): string {
  return formats[format](cleanLoaded(loaded, opts.context, template));
}

export async function loadStdin(io: Io, flags: CleanFlags): Promise<Loaded> {
  const bytes = await readStream(io.stdin, flags.maxBytes);
  return decodeOrFail('-', bytes, { encoding: flags.encoding });
}

function parseBytes(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?)?$/iu.exec(v.trim());
  if (!m) throw new UsageError(`--max-bytes: '${v}' is not a size (try 50M or 1048576)`);
  const unit = (m[2] ?? '').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * mult);
}

function parseJobs(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs: '${v}' is not a whole number of 1 or more`);
  return n;
}

function collect(v: string, prev: string[] = []): string[] {
  return [...prev, v];
}

export function registerClean(program: Command, io: Io, state: RunState): void {
  templateOptions(commonOptions(program))
    .option('--learn', "learn each site's template from the inputs first, then clean them with it (two passes; see deboil learn)")
    .argument('[inputs...]', 'dump files, directories (their *.txt files, recursively) or globs; "-" or nothing reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format (default: json; several inputs: jsonl)').choices(formatNames))
    .option('-o, --out-dir <dir>', 'write one output per input here, mirroring the input tree (.json, .md or .txt by format)')
    .option('-j, --jobs <n>', 'threads for a batch (default: the cores, one per 250 files)', parseJobs)
    .option('--include <glob>', 'take files from directories and globs that match this (repeatable; directories default to **/*.txt)', collect)
    .option('--exclude <glob>', 'in directories and globs, skip files matching this (repeatable)', collect)
    .addOption(new Option('--input-format <kind>', 'text: dump files; jsonl: records {"id","path","url","site","text"} on stdin, one per line').choices(['text', 'jsonl']).default('text'))
    .option('--explain', 'print each line with its label, rule and features instead of the article')
    .option('--max-bytes <size>', 'refuse inputs (or jsonl records) larger than this (e.g. 50M)', parseBytes)
    .addHelpText(
      'after',
      `
Examples:
  deboil page.txt                       article as JSON on stdout
  cat page.txt | deboil -f md           Markdown with YAML front matter
  deboil page.txt -f text | head -3     plain text; a closed pipe is a normal end
  deboil a.txt b.txt                    JSON Lines, one record per input, in sorted order
  deboil scrape/ -o clean/ -f md        a folder (its *.txt files) to a mirrored tree of .md files
  deboil 'scrape/**/*.txt' --exclude '**/draft/**' -o clean/
  deboil --input-format jsonl < in.jsonl > out.jsonl    one record out per record in
  deboil --explain page.txt             why each line was kept or dropped
  deboil explain page.txt               the same, as a command
  deboil scrape/ --learn -o clean/      drop the lines each site's pages repeat, too
  deboil --profile site.profile.json page.txt     the same with a profile from deboil learn

A directory stands for its *.txt files, recursively (change with --include). Without --out-dir,
several inputs, a directory or a glob give JSON Lines on stdout; a failed input gives a record with
an "error" field and the batch goes on, with exit code 2 at the end.`,
    )
    .action(async (inputs: string[], flags: CleanFlags) => {
      const opts = await resolveOptions(flags, io.cwd);
      // A bad label is a usage error before any file is read, not one error per file.
      if (flags.encoding) resolveEncoding(flags.encoding);
      const warn = (m: string): void => messenger(io, flags.quiet).warn(m);
      // With --learn the thresholds are the flags' or the defaults, and --profile counts add to the learnt ones.
      const templates = flags.learn ? NO_TEMPLATES : await loadTemplates(flags, io.cwd, warn);
      const given = flags.learn && flags.profile?.length ? await loadProfiles(flags.profile, io.cwd, thresholdsOf(flags)) : templates.profile;
      const batchFlags = { ...flags, profile: given ?? undefined, siteFlags: flags };
      if (flags.inputFormat === 'jsonl') {
        if (flags.explain) throw new UsageError('--explain takes one dump, not records; use deboil explain FILE');
        if (flags.learn) {
          throw new UsageError('--learn reads the inputs twice, and stdin only once: count the records with deboil learn --input-format jsonl, then clean them with --profile');
        }
        const { cleanRecords } = await import('./clean-batch.js');
        return cleanRecords(inputs, batchFlags, opts, io, state);
      }
      const batch = flags.outDir !== undefined || inputs.length > 1 || (inputs.length === 1 && (await isMultiInput(inputs[0]!, io.cwd)));
      if (batch) {
        if (flags.explain) throw new UsageError('--explain takes one dump; use deboil explain FILE for each');
        // Batch machinery (workers, globbing, atomic writes, progress) loads only for a batch.
        const { cleanFiles } = await import('./clean-batch.js');
        return cleanFiles(inputs, batchFlags, opts, io, state);
      }
      if (flags.learn) throw new UsageError('--learn needs the pages of a site: pass a folder, a glob or several files');
      await cleanOne(inputs[0] ?? '-', flags, opts, io, templates.forDocument({ path: inputs[0] && inputs[0] !== '-' ? resolve(io.cwd, inputs[0]) : null }));
    });
}

async function cleanOne(input: string, flags: CleanFlags, opts: ResolvedOptions, io: Io, template: SiteTemplate | null): Promise<void> {
  const say = messenger(io, flags.quiet);
  if (input === '-' && io.stdinIsTTY) {
    throw new UsageError('no input: pass a dump file, or pipe one in (cat page.txt | deboil)');
  }
  const format: FormatName = flags.format && isFormatName(flags.format) ? flags.format : 'json';
  const loaded = input === '-' ? await loadStdin(io, flags) : await readDump(input, { encoding: flags.encoding, maxBytes: flags.maxBytes });
  if (loaded.replacements > 0) say.warn(`${input}: decoding as ${loaded.encoding} left ${loaded.replacements} replacement character(s)`);
  for (const w of loaded.warnings) say.warn(`${input}: ${w}`);
  const out = createWriter(io.stdout);
  if (!flags.explain) {
    await out.write(guarded(input, () => render(loaded, opts, format, template)));
    return;
  }
  const { toExplainJson, toExplainText } = await import('../formats/explain.js');
  const c = painter(io.env, io.stdoutIsTTY);
  const output = guarded(input, () => {
    const article = extract(loaded.text, opts.context, loaded.warnings, template);
    const note = templateNote(template);
    if (format === 'json') return toExplainJson(article, note);
    return toExplainText(article, 120, { kept: (s) => s, removed: (s) => c.dim(s), meta: (s) => c.cyan(s) }, note);
  });
  await out.write(output);
}

/** Runs the pipeline on one file; a throw there is a bug, reported with the file's name. */
export function guarded<T>(path: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    throw new FileBugError(path, e);
  }
}
