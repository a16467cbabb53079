import { Option, type Command } from 'commander';
import type { Source } from '../core/types.js';
import { extract } from '../core/pipeline.js';
import { formats, formatNames, isFormatName, type FormatName } from '../formats/index.js';
import { toRecord } from '../formats/record.js';
import { toExplainJson, toExplainText } from '../formats/explain.js';
import { decodeOrFail, readDump, readStream, type Loaded } from '../io/read.js';
import { resolveEncoding } from '../io/decode.js';
import { EXIT, UsageError } from './errors.js';
import { createWriter, type Io } from './io.js';
import { messenger, painter } from './report.js';
import { resolveOptions, type ResolvedOptions } from './options.js';
import { commonOptions, type RunState } from './main.js';

export interface CleanFlags {
  format?: string;
  explain?: boolean;
  mode?: string;
  config?: string;
  encoding?: string;
  quiet?: boolean;
  debug?: boolean;
  maxBytes?: number;
}

export function sourceOf(loaded: Loaded): Source {
  return {
    path: loaded.path,
    encoding: loaded.encoding,
    confidence: Math.round(loaded.confidence * 1000) / 1000,
    bytes: loaded.bytes,
    replacements: loaded.replacements,
  };
}

/** Decoded input to output string in the chosen format. */
export function render(loaded: Loaded, opts: ResolvedOptions, format: FormatName): string {
  const article = extract(loaded.text, opts.context, loaded.warnings);
  return formats[format](toRecord(article, sourceOf(loaded)));
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

export function registerClean(program: Command, io: Io, state: RunState): void {
  commonOptions(program)
    .argument('[inputs...]', 'dump files; "-" or nothing reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames))
    .option('--explain', 'print each line with its label, rule and features instead of the article')
    .option('--max-bytes <size>', 'refuse inputs larger than this (e.g. 50M)', parseBytes)
    .addHelpText(
      'after',
      `
Examples:
  deboil page.txt                     article as JSON on stdout
  cat page.txt | deboil -f md         Markdown with YAML front matter
  deboil page.txt -f text | head -3   plain text; a closed pipe is a normal end
  deboil a.txt b.txt                  JSON Lines, one record per input
  deboil --explain page.txt           why each line was kept or dropped
  deboil explain page.txt             the same, as a command`,
    )
    .action(async (inputs: string[], flags: CleanFlags) => {
      const say = messenger(io, flags.quiet);
      const opts = await resolveOptions(flags, io.cwd);
      const out = createWriter(io.stdout);
      const many = inputs.length > 1;
      if (many && flags.format && flags.format !== 'jsonl' && flags.format !== 'json') {
        throw new UsageError(`several inputs without --out-dir give JSON Lines on stdout; -f ${flags.format} needs one input`);
      }
      const format: FormatName = many ? 'jsonl' : flags.format && isFormatName(flags.format) ? flags.format : 'json';
      // A bad label is a usage error before any file is read, not one error per file.
      if (flags.encoding) resolveEncoding(flags.encoding);
      const list = inputs.length === 0 ? ['-'] : inputs;
      if (list.length === 1 && list[0] === '-' && io.stdinIsTTY) {
        throw new UsageError('no input: pass a dump file, or pipe one in (cat page.txt | deboil)');
      }
      for (const input of list) {
        let loaded: Loaded;
        try {
          loaded = input === '-' ? await loadStdin(io, flags) : await readDump(input, { encoding: flags.encoding, maxBytes: flags.maxBytes });
        } catch (e) {
          if (!many || !(e instanceof Error) || e.name !== 'InputError') throw e;
          const err = e as Error & { path: string };
          say.error(`${err.path}: ${err.message}`);
          await out.write(`${JSON.stringify({ schema: 'deboil/1', source: { path: err.path }, error: err.message })}\n`);
          state.code = EXIT.error;
          continue;
        }
        if (loaded.replacements > 0) say.warn(`${input}: decoding as ${loaded.encoding} left ${loaded.replacements} replacement character(s)`);
        for (const w of loaded.warnings) say.warn(`${input}: ${w}`);
        if (flags.explain) {
          const article = extract(loaded.text, opts.context, loaded.warnings);
          if (format === 'json') await out.write(toExplainJson(article));
          else {
            const c = painter(io.env, io.stdoutIsTTY);
            await out.write(toExplainText(article, 120, { kept: (s) => s, removed: (s) => c.dim(s), meta: (s) => c.cyan(s) }));
          }
          continue;
        }
        await out.write(render(loaded, opts, format));
      }
    });
}
