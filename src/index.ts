import type { Mode, Thresholds } from './core/types.js';
import { createContext, extract, type Context } from './core/pipeline.js';
import { defaultRules } from './rules/index.js';
import { languageProfiles } from './rules/langs.js';
import { toRecord, type ArticleRecord } from './formats/record.js';
import { decodeBytes } from './io/decode.js';
import { mojibakeWarning } from './core/mojibake.js';

export type { Article, Block, Label, Labeled, Reason, RulePack, Source, Thresholds, Verdict, Mode } from './core/types.js';
export type { ArticleRecord } from './formats/record.js';
export { extract, createContext } from './core/pipeline.js';
export { toJson } from './formats/json.js';
export { toMarkdown } from './formats/markdown.js';
export { toText } from './formats/text.js';
export { defaultRules } from './rules/index.js';

export interface CleanOptions {
  readonly mode?: Mode;
  readonly thresholds?: Partial<Thresholds>;
  /** Force the encoding of a byte input. */
  readonly encoding?: string;
  /** Recorded as source.path. */
  readonly path?: string | null;
}

const contexts = new Map<string, Context>();
function contextFor(opts: CleanOptions): Context {
  const key = JSON.stringify([opts.mode ?? 'balanced', opts.thresholds ?? {}]);
  let ctx = contexts.get(key);
  if (!ctx) {
    ctx = createContext(defaultRules, languageProfiles, opts.mode, opts.thresholds);
    contexts.set(key, ctx);
  }
  return ctx;
}

/**
 * Cleans one dump, given as text or as bytes in any encoding, and returns the same object the CLI
 * prints as JSON.
 */
export function clean(input: string | Uint8Array, opts: CleanOptions = {}): ArticleRecord {
  const decoded =
    typeof input === 'string'
      ? { text: input, encoding: 'utf-8', confidence: 1, replacements: 0 }
      : decodeBytes(input, opts.encoding);
  const bytes = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  const mojibake = mojibakeWarning(decoded.text);
  const article = extract(decoded.text, contextFor(opts), mojibake ? [mojibake] : []);
  return toRecord(article, {
    path: opts.path ?? null,
    encoding: decoded.encoding,
    confidence: decoded.confidence,
    bytes,
    replacements: decoded.replacements,
  });
}
