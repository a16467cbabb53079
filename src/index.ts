import type { Mode, Thresholds } from './core/types.js';
import { createContext, extract, type Context } from './core/pipeline.js';
import { defaultRules } from './rules/index.js';
import { languageProfiles } from './rules/langs.js';
import { toRecord, type ArticleRecord } from './formats/record.js';
import { decodeBytes } from './io/decode.js';
import { inputWarnings } from './core/input-warnings.js';
import { segment } from './core/segment.js';
import { countDocument, siteTemplate, type SiteProfile } from './core/template.js';

export type { Article, Block, Label, Labeled, Reason, RulePack, Source, Thresholds, Verdict, Mode } from './core/types.js';
export type { ArticleRecord } from './formats/record.js';
export { extract, createContext } from './core/pipeline.js';
export { toJson } from './formats/json.js';
export { toMarkdown } from './formats/markdown.js';
export { toText } from './formats/text.js';
export { defaultRules } from './rules/index.js';
export {
  PROFILE_SCHEMA,
  DEFAULT_TEMPLATE_THRESHOLDS,
  addDocument,
  countDocument,
  emptyProfile,
  isTemplate,
  mergeProfiles,
  serializeProfile,
  siteTemplate,
  validateProfile,
  ProfileError,
} from './core/template.js';
export type { ProfileDraft, SiteProfile, SiteTemplate, TemplateThresholds } from './core/template.js';

export interface CleanOptions {
  readonly mode?: Mode;
  readonly thresholds?: Partial<Thresholds>;
  /** Force the encoding of a byte input. */
  readonly encoding?: string;
  /** Recorded as source.path. */
  readonly path?: string | null;
  /** A learnt profile, and the site of this page in it: the site's template lines are removed. */
  readonly profile?: SiteProfile;
  readonly site?: string;
}

function decode(input: string | Uint8Array, encoding?: string) {
  return typeof input === 'string' ? { text: input, encoding: 'utf-8', confidence: 1, replacements: 0 } : decodeBytes(input, encoding);
}

/** The hashed lines of one dump, to count into a profile with addDocument. */
export function documentLines(input: string | Uint8Array, opts: { readonly encoding?: string } = {}): Set<string> {
  return countDocument(segment(decode(input, opts.encoding).text));
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
  const decoded = decode(input, opts.encoding);
  const bytes = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  const template = opts.profile && opts.site !== undefined ? siteTemplate(opts.profile, opts.site) : null;
  const article = extract(decoded.text, contextFor(opts), inputWarnings(decoded.text), template);
  return toRecord(article, {
    path: opts.path ?? null,
    encoding: decoded.encoding,
    confidence: decoded.confidence,
    bytes,
    replacements: decoded.replacements,
  });
}
