import { basename, dirname, resolve, sep } from 'node:path';
import { Option, type Command } from 'commander';
import type { Labeled } from '../core/types.js';
import {
  DEFAULT_TEMPLATE_THRESHOLDS,
  emptyProfile,
  mergeProfiles,
  sameThresholds,
  siteTemplate,
  type SiteProfile,
  type SiteTemplate,
  type TemplateThresholds,
} from '../core/template.js';
import type { TemplateNote } from '../formats/explain.js';
import { UsageError } from './errors.js';

export const SITE_FROM = ['dir', 'host', 'none'] as const;
export type SiteFrom = (typeof SITE_FROM)[number];

/** The site every input gets with --site-from none. */
export const ONE_SITE = '*';

export interface SiteFlags {
  siteFrom?: SiteFrom;
  site?: string;
  minDocs?: number;
  minShare?: number;
}

export interface TemplateFlags extends SiteFlags {
  profile?: string[];
}

/** Where a document came from: its file, as an absolute path (null for stdin), and for a JSON Lines record its own site and url. */
export interface Origin {
  readonly path: string | null;
  readonly site?: string | undefined;
  readonly url?: string | undefined;
}

function collect(v: string, prev: string[] | undefined): string[] {
  return [...(prev ?? []), v];
}

function parseMinDocs(v: string): number {
  if (!/^\d+$/u.test(v.trim()) || Number(v) < 1) throw new UsageError(`--min-docs: '${v}' is not a whole number of 1 or more (try 3)`);
  return Number(v);
}

function parseMinShare(v: string): number {
  const m = /^(\d+(?:\.\d+)?)(%?)$/u.exec(v.trim());
  const share = m ? Number(m[1]) / (m[2] ? 100 : 1) : Number.NaN;
  if (!(share > 0 && share <= 1)) throw new UsageError(`--min-share: '${v}' is not a share above 0 and at most 1 (try 0.3 or 30%)`);
  return share;
}

/** --site-from, --site, --min-docs and --min-share: how documents group into sites, and when a line is template. */
export function siteOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--site-from <how>', "a document's site when it names none: dir (its folder's name), host (a folder named like a host), none (one site)")
        .choices(SITE_FROM)
        .default('dir'),
    )
    .option('--site <name>', 'the site of every input (stdin included), whatever --site-from says')
    .option('--min-docs <n>', `a line is template in at least this many of a site's documents (default: ${DEFAULT_TEMPLATE_THRESHOLDS.minDocs})`, parseMinDocs)
    .option('--min-share <share>', `...and in at least this share of them (default: ${DEFAULT_TEMPLATE_THRESHOLDS.minShare})`, parseMinShare);
}

/** --profile and the site options, for the commands that clean with a learnt profile. */
export function templateOptions(cmd: Command): Command {
  return siteOptions(cmd.option('--profile <file>', 'remove the template lines a learnt profile knows (repeatable; see deboil learn)', collect));
}

// A folder named like a host: news.example.com, www.example.co.uk (wget --mirror, httrack).
const HOST_NAME = /^(?:[a-z0-9-]+\.)+(?:[a-z]{2,}|xn--[a-z0-9-]+)$/iu;

function normalHost(host: string): string {
  return host.toLowerCase().replace(/^www\./u, '');
}

function hostOf(url: string): string | null {
  try {
    const host = new URL(url).hostname;
    return host ? normalHost(host) : null;
  } catch {
    return null;
  }
}

/**
 * The site of a document: --site, else a record's own `site` or the host of its `url`, else by
 * --site-from. Null for stdin, which has no folder, unless --site or --site-from none says.
 */
export function siteOf(origin: Origin, flags: SiteFlags): string | null {
  if (flags.site !== undefined) return flags.site;
  if (origin.site) return origin.site;
  const fromUrl = origin.url ? hostOf(origin.url) : null;
  if (fromUrl) return fromUrl;
  const how = flags.siteFrom ?? 'dir';
  if (how === 'none') return ONE_SITE;
  if (origin.path === null || origin.path === '-') return null;
  const folder = dirname(resolve(origin.path));
  if (how === 'host') {
    const named = folder.split(sep).reverse().find((part) => HOST_NAME.test(part));
    if (named) return normalHost(named);
  }
  return basename(folder) || folder;
}

/** Thresholds from the flags, else `fallback`. */
export function thresholdsOf(flags: SiteFlags, fallback: TemplateThresholds = DEFAULT_TEMPLATE_THRESHOLDS): TemplateThresholds {
  return { minDocs: flags.minDocs ?? fallback.minDocs, minShare: flags.minShare ?? fallback.minShare };
}

/**
 * Reads profiles and adds them up. Their thresholds must agree, or the flags must choose: counts
 * add up whatever the thresholds, but a merged profile records one set.
 */
export async function loadProfiles(files: readonly string[], cwd: string, flags: SiteFlags): Promise<SiteProfile> {
  const { readProfile } = await import('../io/profile.js');
  const loaded: { file: string; profile: SiteProfile }[] = [];
  for (const file of files) loaded.push({ file, profile: await readProfile(resolve(cwd, file)) });
  const chosen = flags.minDocs !== undefined || flags.minShare !== undefined;
  const first = loaded[0];
  const base = first ? thresholdsOf(flags, first.profile.thresholds) : thresholdsOf(flags);
  if (!chosen && first) {
    const other = loaded.find((l) => !sameThresholds(l.profile.thresholds, first.profile.thresholds));
    if (other) {
      const show = (t: TemplateThresholds) => `minDocs ${t.minDocs}, minShare ${t.minShare}`;
      throw new UsageError(
        `${first.file} (${show(first.profile.thresholds)}) and ${other.file} (${show(other.profile.thresholds)}) were learnt with different thresholds; choose with --min-docs and --min-share`,
      );
    }
  }
  return loaded.reduce<SiteProfile>((acc, l) => mergeProfiles(acc, { thresholds: base, sites: l.profile.sites }), emptyProfile(base));
}

/** The learnt templates a clean, check or explain run applies, one per site. */
export interface Templates {
  /** The merged --profile files, or null without any. */
  readonly profile: SiteProfile | null;
  /** The template for one document, or null (no profile, an unknown site, too few pages, stdin). */
  forDocument(origin: Origin): SiteTemplate | null;
}

export const NO_TEMPLATES: Templates = Object.freeze({ profile: null, forDocument: () => null });

/** Loads the --profile files; without any, nothing is applied. */
export async function loadTemplates(flags: TemplateFlags, cwd: string, warn: (msg: string) => void): Promise<Templates> {
  if (!flags.profile?.length) {
    if (flags.minDocs !== undefined || flags.minShare !== undefined) throw new UsageError('--min-docs and --min-share need --profile FILE (or deboil learn)');
    return NO_TEMPLATES;
  }
  const profile = await loadProfiles(flags.profile, cwd, flags);
  return fromProfile(profile, flags, warn);
}

/** A site's template by name, each built once; null for no profile, no site, or a site it cannot tell about. */
export function templatesBySite(profile: SiteProfile | null | undefined): (site: string | null) => SiteTemplate | null {
  const bySite = new Map<string, SiteTemplate | null>();
  return (site) => {
    if (!profile || site === null) return null;
    if (!bySite.has(site)) bySite.set(site, siteTemplate(profile, site));
    return bySite.get(site) ?? null;
  };
}

export const NO_SITE_WARNING = 'no site for stdin, so no profile applies; pass --site NAME';

/** Templates from a profile in memory, as --learn builds one. */
export function fromProfile(profile: SiteProfile, flags: SiteFlags, warn: (msg: string) => void): Templates {
  const bySite = templatesBySite(profile);
  let warned = false;
  return {
    profile,
    forDocument(origin: Origin): SiteTemplate | null {
      const site = siteOf(origin, flags);
      if (site === null && !warned) {
        warn(`${origin.path ?? '-'}: ${NO_SITE_WARNING}`);
        warned = true;
      }
      return bySite(site);
    },
  };
}

/** What explain shows beside a site-template decision: the document frequency behind it. */
export function templateNote(template: SiteTemplate | null): TemplateNote | undefined {
  if (!template) return undefined;
  return (b: Labeled) => (b.verdict.reason === 'site-template' ? { df: template.templateDf(b.norm), docs: template.docs } : null);
}
