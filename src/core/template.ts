import type { Block } from './types.js';

/**
 * A site's template, learnt from many of its pages: per site, how many documents were counted and,
 * per normalised line (as a hash), in how many of them it occurs. Counts are sums, so the result is
 * the same in any file order and any split across workers or machines. Only hashes are stored,
 * never the text of a line.
 */
export const PROFILE_SCHEMA = 'deboil-profile/1';

export interface TemplateThresholds {
  /** A line is template only when at least this many documents of its site hold it. */
  readonly minDocs: number;
  /** ...and at least this share (0-1] of the site's documents. */
  readonly minShare: number;
}

export const DEFAULT_TEMPLATE_THRESHOLDS: TemplateThresholds = Object.freeze({ minDocs: 3, minShare: 0.3 });

export interface SiteCounts {
  readonly docs: number;
  /** Line hash to the number of documents holding the line. */
  readonly lines: ReadonlyMap<string, number>;
}

export interface SiteProfile {
  readonly thresholds: TemplateThresholds;
  readonly sites: ReadonlyMap<string, SiteCounts>;
}

/**
 * A profile being counted. Counting a large folder one document at a time must not copy the maps
 * for every page, so a draft is filled in place by its one owner and read as a SiteProfile after.
 */
export interface ProfileDraft extends SiteProfile {
  readonly sites: Map<string, { docs: number; readonly lines: Map<string, number> }>;
}

/** An empty profile to count into. */
export function emptyProfile(thresholds: TemplateThresholds = DEFAULT_TEMPLATE_THRESHOLDS): ProfileDraft {
  return { thresholds: { minDocs: thresholds.minDocs, minShare: thresholds.minShare }, sites: new Map() };
}

const HEX = '0123456789abcdef';

function hex32(n: number): string {
  let s = '';
  for (let shift = 28; shift >= 0; shift -= 4) s += HEX[(n >>> shift) & 0xf];
  return s;
}

/**
 * FNV-1a, 64 bits, over UTF-16 code units, as 16 hex digits. The 64-bit product is done in two
 * 32-bit halves: the prime is 2^40 + 0x1b3, and every partial product stays below 2^53.
 */
export function hashLine(s: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < s.length; i++) {
    lo = (lo ^ s.charCodeAt(i)) >>> 0;
    const low = lo * 0x1b3;
    const carry = Math.floor(low / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + Math.imul(lo, 0x100) + carry) >>> 0;
    lo = low >>> 0;
  }
  return hex32(hi) + hex32(lo);
}

/** The hashed normalised lines of one document, each once however often the page repeats it. */
export function countDocument(blocks: readonly Pick<Block, 'norm'>[]): Set<string> {
  const hashes = new Set<string>();
  for (const b of blocks) if (b.norm !== '') hashes.add(hashLine(b.norm));
  return hashes;
}

/** Counts one document of `site` into the draft, in place; returns the draft. */
export function addDocument(profile: ProfileDraft, site: string, hashes: Iterable<string>): ProfileDraft {
  let counts = profile.sites.get(site);
  if (!counts) profile.sites.set(site, (counts = { docs: 0, lines: new Map() }));
  counts.docs++;
  for (const h of new Set(hashes)) counts.lines.set(h, (counts.lines.get(h) ?? 0) + 1);
  return profile;
}

export function sameThresholds(a: TemplateThresholds, b: TemplateThresholds): boolean {
  return a.minDocs === b.minDocs && a.minShare === b.minShare;
}

/**
 * Adds two profiles up into a new one; neither input changes. Associative and commutative, so a
 * folder can be counted in shards on many machines and reduced in any order. Profiles learnt with
 * different thresholds do not add up: the caller checks with sameThresholds first.
 */
export function mergeProfiles(a: SiteProfile, b: SiteProfile): SiteProfile {
  if (!sameThresholds(a.thresholds, b.thresholds)) {
    throw new Error('mergeProfiles: profiles were learnt with different thresholds');
  }
  const out = emptyProfile(a.thresholds);
  for (const p of [a, b]) {
    for (const [site, counts] of p.sites) {
      let into = out.sites.get(site);
      if (!into) out.sites.set(site, (into = { docs: 0, lines: new Map() }));
      into.docs += counts.docs;
      for (const [h, n] of counts.lines) into.lines.set(h, (into.lines.get(h) ?? 0) + n);
    }
  }
  return out;
}

/** How many documents of `site` hold the line, and how many the site has. */
export function documentFrequency(profile: SiteProfile, site: string, hash: string): { df: number; docs: number } {
  const counts = profile.sites.get(site);
  return { df: counts?.lines.get(hash) ?? 0, docs: counts?.docs ?? 0 };
}

/** Whether a line is part of the site's template: in enough documents, and in a large enough share. */
export function isTemplate(profile: SiteProfile, site: string, hash: string, thresholds: TemplateThresholds = profile.thresholds): boolean {
  const { df, docs } = documentFrequency(profile, site, hash);
  return isFrequent(df, docs, thresholds);
}

function isFrequent(df: number, docs: number, t: TemplateThresholds): boolean {
  // The small tolerance keeps 0.3 of 10 documents at 3, not at 3.0000000000000004.
  return df >= t.minDocs && df >= t.minShare * docs - 1e-9;
}

/** What the pipeline asks about one document: is this line template on its site, and how common is it. */
export interface SiteTemplate {
  readonly site: string;
  readonly docs: number;
  /** The number of the site's documents holding this normalised line when it is template, else 0. */
  templateDf(norm: string): number;
}

/** The template of one site, for extract(); null when the profile knows too few of its pages. */
export function siteTemplate(profile: SiteProfile, site: string, thresholds: TemplateThresholds = profile.thresholds): SiteTemplate | null {
  const counts = profile.sites.get(site);
  if (!counts || counts.docs < thresholds.minDocs) return null;
  return {
    site,
    docs: counts.docs,
    templateDf(norm: string): number {
      if (norm === '') return 0;
      const df = counts.lines.get(hashLine(norm)) ?? 0;
      return isFrequent(df, counts.docs, thresholds) ? df : 0;
    },
  };
}

const byKey = (x: [string, unknown], y: [string, unknown]): number => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);

/**
 * The profile as JSON text, every object's keys sorted and one site per line, so equal profiles
 * give equal bytes whatever order they were counted or merged in.
 */
export function serializeProfile(profile: SiteProfile): string {
  const t = profile.thresholds;
  const sites = [...profile.sites].sort(byKey).map(([site, counts]) => {
    const lines = [...counts.lines].sort(byKey).map(([h, n]) => `${JSON.stringify(h)}:${n}`);
    return `${JSON.stringify(site)}:{"docs":${counts.docs},"lines":{${lines.join(',')}}}`;
  });
  const head = `{"schema":${JSON.stringify(PROFILE_SCHEMA)},"thresholds":{"minDocs":${t.minDocs},"minShare":${t.minShare}},"sites":{`;
  return `${head}${sites.length ? `\n${sites.join(',\n')}\n` : ''}}}\n`;
}

/** A profile that does not have the documented shape; `key` is the path of the first bad key. */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`${key}: ${reason}`);
  }
}

const HASH = /^[0-9a-f]{16}$/u;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function onlyKeys(obj: Record<string, unknown>, known: readonly string[], where: string): void {
  for (const k of Object.keys(obj)) {
    if (!known.includes(k)) throw new ProfileError(where ? `${where}.${k}` : k, `unknown key (known: ${known.join(', ')})`);
  }
}

function wholeNumber(v: unknown, min: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min;
}

/** Checks parsed JSON against the profile schema; throws a ProfileError naming the first bad key. */
export function validateProfile(raw: unknown): SiteProfile {
  if (!isRecord(raw)) throw new ProfileError('(top level)', 'expected a JSON object');
  onlyKeys(raw, ['schema', 'thresholds', 'sites'], '');
  const schema = raw['schema'];
  if (schema !== PROFILE_SCHEMA) {
    const newer = typeof schema === 'string' && schema.startsWith('deboil-profile/');
    throw new ProfileError('schema', newer ? `'${schema}' is not '${PROFILE_SCHEMA}' (made by another deboil version?)` : `expected '${PROFILE_SCHEMA}'`);
  }
  const t = raw['thresholds'];
  if (!isRecord(t)) throw new ProfileError('thresholds', 'expected an object {"minDocs": 3, "minShare": 0.3}');
  onlyKeys(t, ['minDocs', 'minShare'], 'thresholds');
  if (!wholeNumber(t['minDocs'], 1)) throw new ProfileError('thresholds.minDocs', 'expected a whole number of 1 or more');
  const share = t['minShare'];
  if (typeof share !== 'number' || !(share > 0 && share <= 1)) throw new ProfileError('thresholds.minShare', 'expected a number above 0 and at most 1');
  const sites = raw['sites'];
  if (!isRecord(sites)) throw new ProfileError('sites', 'expected an object of sites');
  const profile = emptyProfile({ minDocs: t['minDocs'], minShare: share });
  for (const [site, entry] of Object.entries(sites)) {
    const where = `sites.${JSON.stringify(site)}`;
    if (site === '') throw new ProfileError(where, 'a site name may not be empty');
    if (!isRecord(entry)) throw new ProfileError(where, 'expected an object {"docs": N, "lines": {...}}');
    onlyKeys(entry, ['docs', 'lines'], where);
    const docs = entry['docs'];
    if (!wholeNumber(docs, 1)) throw new ProfileError(`${where}.docs`, 'expected a whole number of 1 or more');
    const lines = entry['lines'];
    if (!isRecord(lines)) throw new ProfileError(`${where}.lines`, 'expected an object of line hashes to counts');
    const counts = new Map<string, number>();
    for (const [h, n] of Object.entries(lines)) {
      // A profile holds hashes only: anything else may be article text and is refused.
      if (!HASH.test(h)) throw new ProfileError(`${where}.lines.${JSON.stringify(h.slice(0, 20))}`, 'expected a line hash of 16 hex digits');
      if (!wholeNumber(n, 1) || n > docs) throw new ProfileError(`${where}.lines.${h}`, `expected a count from 1 to docs (${docs})`);
      counts.set(h, n);
    }
    profile.sites.set(site, { docs, lines: counts });
  }
  return profile;
}

export interface ProfileSummary {
  readonly sites: number;
  readonly docs: number;
  /** Distinct lines counted, over all sites. */
  readonly lines: number;
  /** Lines that are template on their site under the profile's thresholds. */
  readonly templateLines: number;
  /** Sites with fewer documents than minDocs: nothing on them can be template. */
  readonly smallSites: number;
}

/** Totals for a one-line report of what a profile holds. */
export function summarizeProfile(profile: SiteProfile): ProfileSummary {
  let docs = 0;
  let lines = 0;
  let templateLines = 0;
  let smallSites = 0;
  for (const counts of profile.sites.values()) {
    docs += counts.docs;
    lines += counts.lines.size;
    if (counts.docs < profile.thresholds.minDocs) smallSites++;
    for (const df of counts.lines.values()) if (isFrequent(df, counts.docs, profile.thresholds)) templateLines++;
  }
  return { sites: profile.sites.size, docs, lines, templateLines, smallSites };
}
