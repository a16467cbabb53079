import { resolve } from 'node:path';
import type { Mode, Source } from '../core/types.js';
import type { Context } from '../core/pipeline.js';
import { extract } from '../core/pipeline.js';
import { formats, type FormatName } from '../formats/index.js';
import { SCHEMA_ID, toRecord, type ArticleRecord } from '../formats/record.js';
import { inputWarnings } from '../core/input-warnings.js';
import { decodeOrFail, type Loaded } from '../io/read.js';
import { commitFile } from '../io/write.js';
import { serializeError, type SerialError } from './serial-error.js';
import { resolveOptions } from './options.js';
import type { SiteProfile, SiteTemplate } from '../core/template.js';
import { siteOf, templatesBySite, type SiteFlags } from './templates.js';

/** What each worker needs to build its Context once: resolved values, never raw flags. */
export interface CleanInit {
  readonly mode: Mode;
  readonly configPath: string | null;
  readonly cwd: string;
  readonly encoding?: string | undefined;
  readonly format: FormatName;
  /** The learnt profile (--profile, --learn) and how records name their site; Maps survive cloning. */
  readonly profile?: SiteProfile | undefined;
  readonly siteFlags?: SiteFlags | undefined;
}

export type CleanInput =
  /**
   * A dump file's bytes; `path` is the name records and messages show. With `write`, the task writes
   * the output itself (to `temp`, reserved by the main thread, then renamed to `target`), so the
   * main thread neither receives the text nor makes the calls.
   */
  | { readonly kind: 'file'; readonly path: string; readonly bytes: Uint8Array; readonly site?: string | null; readonly write?: OutputFile | undefined }
  /** One line of `--input-format jsonl`, parsed in the worker since JSON.parse of a big page is real work. */
  | { readonly kind: 'line'; readonly line: string };

/** Where a task writes its output: a target whose folder is made and checked, and a temp name beside it. */
export interface OutputFile {
  readonly target: string;
  readonly temp: string;
}

export interface CleanOutput {
  /** The output for this input: a document in the chosen format, or one JSON line; '' once written. */
  readonly output: string;
  /** The task wrote the output to its target (an input with `write`). */
  readonly written?: boolean;
  /** Why the task could not write it; nothing is left at the temp name, and the target is as it was. */
  readonly writeError?: SerialError;
  readonly outBytes: number;
  readonly inBytes: number;
  /** Visible characters in, and in the kept text: the summary's share of text removed. */
  readonly inChars: number;
  readonly keptChars: number;
  readonly replacements: number;
  readonly encoding: string;
  /** What is wrong with the text itself (mojibake), for stderr. */
  readonly warnings: readonly string[];
  /** Set when a JSON Lines record was unusable; `output` then is its error record. */
  readonly error?: string;
  /** A profile was given, but this record names no site (no site, url or path, no --site). */
  readonly noSite?: boolean;
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

/** Decoded input to the record every format renders. */
export function cleanLoaded(loaded: Loaded, context: Context, template: SiteTemplate | null = null): ArticleRecord {
  return toRecord(extract(loaded.text, context, loaded.warnings, template), sourceOf(loaded));
}

/** Characters that are not white space, counting a surrogate pair once. */
export function visibleChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Printable ASCII, then CJK and most other scripts, before the rare cases: most characters
    // took all six tests below.
    if ((c > 0x20 && c < 0x85) || (c > 0x3000 && c < 0xdc00)) {
      n++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    if (c <= 0x20 || c === 0x85 || c === 0xa0 || c === 0x3000 || c === 0xfeff) continue;
    if ((c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029) continue;
    n++;
  }
  return n;
}

function countReplacements(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i >= 0; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** Fields of an input record that go back out unchanged, so a mapper's output joins to its input. */
const ECHOED = ['id', 'url', 'site'] as const;

/** A record that cannot be cleaned: its message, and the fields it did have. */
class RecordError extends Error {
  constructor(
    message: string,
    readonly echo: Readonly<Record<string, unknown>> = {},
    readonly path: string | null = null,
  ) {
    super(message);
  }
}

function parseRecord(line: string): { text: string; path: string | null; echo: Record<string, unknown> } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    throw new RecordError(`not valid JSON (${(e as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RecordError('expected a JSON object');
  const obj = raw as Record<string, unknown>;
  const echo: Record<string, unknown> = {};
  for (const k of ECHOED) if (obj[k] !== undefined && obj[k] !== null) echo[k] = obj[k];
  const path = typeof obj['path'] === 'string' ? obj['path'] : null;
  if (obj['path'] !== undefined && obj['path'] !== null && path === null) throw new RecordError('"path" must be a string', echo);
  if (typeof obj['text'] !== 'string') throw new RecordError('missing "text": expected a string with the dump', echo, path);
  return { text: obj['text'], path, echo };
}

/** The site template for a record: by --site, its own site or url, or its path's folder. */
type RecordTemplate = (origin: { path: string | null; echo: Readonly<Record<string, unknown>> }) => { template: SiteTemplate | null; noSite: boolean };

function cleanLine(line: string, context: Context, templateOf: RecordTemplate): CleanOutput {
  const inBytes = Buffer.byteLength(line);
  let parsed: ReturnType<typeof parseRecord>;
  try {
    parsed = parseRecord(line);
  } catch (e) {
    const err = e as RecordError;
    const output = `${JSON.stringify({ schema: SCHEMA_ID, ...err.echo, source: { path: err.path }, error: err.message })}\n`;
    return { output, outBytes: Buffer.byteLength(output), inBytes, inChars: 0, keptChars: 0, replacements: 0, encoding: 'utf-8', warnings: [], error: err.message };
  }
  const loaded: Loaded = {
    warnings: inputWarnings(parsed.text),
    text: parsed.text,
    encoding: 'utf-8',
    confidence: 1,
    replacements: countReplacements(parsed.text),
    gzip: false,
    path: parsed.path,
    bytes: Buffer.byteLength(parsed.text),
  };
  const { template, noSite } = templateOf(parsed);
  const record = cleanLoaded(loaded, context, template);
  // schema stays the first key; the echoed fields follow it so `head` shows which record this is.
  const { schema, ...rest } = record;
  const output = `${JSON.stringify({ schema, ...parsed.echo, ...rest })}\n`;
  return {
    output,
    outBytes: Buffer.byteLength(output),
    inBytes,
    inChars: visibleChars(parsed.text),
    keptChars: visibleChars(record.text),
    replacements: loaded.replacements,
    encoding: loaded.encoding,
    warnings: loaded.warnings,
    ...(noSite ? { noSite } : {}),
  };
}

function cleanFile(loaded: Loaded, init: CleanInit, context: Context, template: SiteTemplate | null): CleanOutput {
  const record = cleanLoaded(loaded, context, template);
  const output = formats[init.format](record);
  return {
    output,
    outBytes: Buffer.byteLength(output),
    inBytes: loaded.bytes,
    inChars: visibleChars(loaded.text),
    keptChars: visibleChars(record.text),
    replacements: loaded.replacements,
    encoding: loaded.encoding,
    warnings: loaded.warnings,
  };
}

/** runBatch task setup: resolves options and builds the Context once per worker. */
export async function setup(init: CleanInit): Promise<(input: CleanInput) => CleanOutput> {
  const opts = await resolveOptions({ mode: init.mode, config: init.configPath ?? undefined }, init.cwd);
  const bySite = templatesBySite(init.profile);
  const templateOf: RecordTemplate = ({ path, echo }) => {
    if (!init.profile) return { template: null, noSite: false };
    const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
    const site = siteOf({ path: path === null ? null : resolve(init.cwd, path), site: text(echo['site']), url: text(echo['url']) }, init.siteFlags ?? {});
    return { template: bySite(site), noSite: site === null };
  };
  return (input) => {
    if (input.kind === 'line') return cleanLine(input.line, opts.context, templateOf);
    const loaded = decodeOrFail(input.path, input.bytes, { encoding: init.encoding });
    const out = cleanFile(loaded, init, opts.context, bySite(input.site ?? null));
    if (!input.write) return out;
    try {
      commitFile(input.write.temp, input.write.target, out.output);
      return { ...out, output: '', written: true };
    } catch (e) {
      return { ...out, output: '', writeError: serializeError(e) };
    }
  };
}
