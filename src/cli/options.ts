import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LineRule, Mode, Reason, RulePack, Thresholds } from '../core/types.js';
import { modes } from '../core/modes.js';
import { createContext, type Context } from '../core/pipeline.js';
import { defaultRules, mergePacks, partialPack, validatePack } from '../rules/index.js';
import { languageProfiles } from '../rules/langs.js';
import { FINDING_IDS, isFindingId, type FindingId } from '../core/findings.js';
import { isReporterName, reporterNames, type ReporterName } from '../formats/check-reporters.js';
import { UsageError } from './errors.js';
import { linearRegExp } from './linear-regexp.js';

export const CONFIG_NAME = 'deboil.config.json';

/** What deboil.config.json may hold; every key is optional and flags win over it. */
export interface ConfigFile {
  readonly mode?: Mode;
  readonly thresholds?: Partial<Thresholds>;
  /** Extra exact lines, per list, for a site the built-in rules do not know. */
  readonly words?: {
    readonly boilerplate?: readonly string[];
    readonly trendingHeaders?: readonly string[];
    readonly categories?: readonly string[];
    readonly endMarkers?: readonly string[];
  };
  /** Extra patterns (regular expression sources, matched against the lower-cased line). */
  readonly patterns?: {
    readonly boilerplate?: readonly string[];
    readonly trendingHeaders?: readonly string[];
    readonly endMarkers?: readonly string[];
  };
  /** Settings of `deboil check`, keyed like its flags. */
  readonly check?: CheckConfig;
}

/** The `check` object of the config file: each key is a `deboil check` flag in camel case. */
export interface CheckConfig {
  readonly reporter?: ReporterName;
  readonly minChars?: number;
  /** Share 0-1 of the text that may be removable. */
  readonly maxRemoved?: number;
  readonly requireUtf8?: boolean;
  readonly ignore?: readonly FindingId[];
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

const CHECK_KEYS = ['reporter', 'minChars', 'maxRemoved', 'requireUtf8', 'ignore', 'include', 'exclude'];

/** Checks the `check` object of a config file and names the first bad key. */
export function validateCheckConfig(raw: unknown, file: string): CheckConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UsageError(`${file}: 'check' must be an object`);
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!CHECK_KEYS.includes(key)) throw new UsageError(`${file}: unknown key 'check.${key}' (known: ${CHECK_KEYS.join(', ')})`);
  }
  const { reporter, minChars, maxRemoved, requireUtf8, ignore } = obj;
  if (reporter !== undefined && (typeof reporter !== 'string' || !isReporterName(reporter))) {
    throw new UsageError(`${file}: 'check.reporter' must be one of ${reporterNames.join(', ')}`);
  }
  if (minChars !== undefined && (typeof minChars !== 'number' || !Number.isInteger(minChars) || minChars < 0)) {
    throw new UsageError(`${file}: 'check.minChars' must be a whole number >= 0`);
  }
  if (maxRemoved !== undefined && (typeof maxRemoved !== 'number' || !(maxRemoved >= 0 && maxRemoved <= 1))) {
    throw new UsageError(`${file}: 'check.maxRemoved' must be a number from 0 to 1 (0.3 allows 30% removable text)`);
  }
  if (requireUtf8 !== undefined && typeof requireUtf8 !== 'boolean') throw new UsageError(`${file}: 'check.requireUtf8' must be true or false`);
  if (ignore !== undefined) {
    const bad = strings(ignore, `${file}: 'check.ignore'`).find((id) => !isFindingId(id));
    if (bad !== undefined) throw new UsageError(`${file}: 'check.ignore': unknown finding id '${bad}' (known: ${FINDING_IDS.join(', ')})`);
  }
  for (const key of ['include', 'exclude'] as const) if (obj[key] !== undefined) strings(obj[key], `${file}: 'check.${key}'`);
  return obj as CheckConfig;
}

const TOP_KEYS = ['mode', 'thresholds', 'words', 'patterns', 'check', '$schema'];
const LIST_KEYS = ['boilerplate', 'trendingHeaders', 'categories', 'endMarkers'];
const MODES = Object.keys(modes) as Mode[];

export function isMode(s: string): s is Mode {
  return (MODES as string[]).includes(s);
}

/** Finds deboil.config.json from `cwd` upward. */
export function findConfig(cwd: string): string | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

// Nested quantifiers ("(a+)+", "(\w*)*") backtrack catastrophically; config patterns may not use them.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]/u;

function compilePattern(source: unknown, where: string): RegExp {
  if (typeof source !== 'string' || source === '') throw new UsageError(`${where}: expected a non-empty string`);
  if (source.length > 500) throw new UsageError(`${where}: pattern longer than 500 characters`);
  if (NESTED_QUANTIFIER.test(source)) {
    throw new UsageError(`${where}: nested quantifiers like (a+)+ can take exponential time; rewrite the pattern`);
  }
  try {
    new RegExp(source, 'u');
  } catch (e) {
    throw new UsageError(`${where}: ${(e as Error).message}`);
  }
  let re: RegExp;
  try {
    re = linearRegExp(source);
  } catch (e) {
    throw new UsageError(`${where}: ${(e as Error).message}`);
  }
  if (re.test('')) throw new UsageError(`${where}: pattern matches an empty line`);
  return re;
}

function strings(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === '')) {
    throw new UsageError(`${where}: expected an array of non-empty strings`);
  }
  return v as string[];
}

/** Checks a parsed config and names the first bad key. */
export function validateConfig(raw: unknown, file: string): ConfigFile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UsageError(`${file}: expected a JSON object`);
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!TOP_KEYS.includes(key)) throw new UsageError(`${file}: unknown key '${key}' (known: ${TOP_KEYS.filter((k) => k !== '$schema').join(', ')})`);
  }
  if (obj['mode'] !== undefined && (typeof obj['mode'] !== 'string' || !isMode(obj['mode']))) {
    throw new UsageError(`${file}: 'mode' must be one of ${MODES.join(', ')}`);
  }
  const t = obj['thresholds'];
  if (t !== undefined) {
    if (typeof t !== 'object' || t === null) throw new UsageError(`${file}: 'thresholds' must be an object`);
    const known = Object.keys(modes.balanced);
    for (const [k, v] of Object.entries(t)) {
      if (!known.includes(k)) throw new UsageError(`${file}: unknown key 'thresholds.${k}' (known: ${known.join(', ')})`);
      if (typeof v !== 'number' || Number.isNaN(v) || v < 0) throw new UsageError(`${file}: 'thresholds.${k}' must be a number >= 0`);
    }
  }
  for (const group of ['words', 'patterns'] as const) {
    const g = obj[group];
    if (g === undefined) continue;
    if (typeof g !== 'object' || g === null) throw new UsageError(`${file}: '${group}' must be an object`);
    for (const [k, v] of Object.entries(g)) {
      const allowed = group === 'words' ? LIST_KEYS : LIST_KEYS.filter((x) => x !== 'categories');
      if (!allowed.includes(k)) throw new UsageError(`${file}: unknown key '${group}.${k}' (known: ${allowed.join(', ')})`);
      const list = strings(v, `${file}: '${group}.${k}'`);
      if (group === 'patterns') list.forEach((s, i) => compilePattern(s, `${file}: '${group}.${k}[${i}]'`));
    }
  }
  if (obj['check'] !== undefined) validateCheckConfig(obj['check'], file);
  return obj as ConfigFile;
}

export async function loadConfig(path: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read config ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  return validateConfig(raw, path);
}

/** The user's extra lists as a rule pack that extends the built-in ones. */
export function configPack(config: ConfigFile): RulePack | null {
  const w = config.words ?? {};
  const p = config.patterns ?? {};
  const exact = (id: string, list?: readonly string[]): LineRule[] => (list?.length ? [{ id, exact: list }] : []);
  const pats = (id: string, list?: readonly string[]): LineRule[] =>
    (list ?? []).map((s, i) => ({ id: `${id}-${i + 1}`, pattern: compilePattern(s, id) }));
  const withReason = (reason: Reason) => (r: LineRule) => ({ ...r, reason });
  const pack = partialPack('config', {
    boilerplate: [...exact('config/boilerplate', w.boilerplate), ...pats('config/boilerplate-pattern', p.boilerplate)].map(withReason('nav')),
    trendingHeaders: [...exact('config/trending', w.trendingHeaders), ...pats('config/trending-pattern', p.trendingHeaders)],
    endMarkers: [...exact('config/end', w.endMarkers), ...pats('config/end-pattern', p.endMarkers)].map(withReason('footer')),
    categories: exact('config/category', w.categories),
  });
  const empty = [pack.boilerplate, pack.trendingHeaders, pack.endMarkers, pack.categories].every((l) => l.length === 0);
  return empty ? null : validatePack(pack);
}

export interface ResolvedOptions {
  readonly mode: Mode;
  readonly config: ConfigFile;
  readonly configPath: string | null;
  readonly context: Context;
}

/** Defaults, then the config file, then flags: resolved once into a frozen object. */
export async function resolveOptions(flags: { config?: string; mode?: string }, cwd: string): Promise<ResolvedOptions> {
  const configPath = flags.config ? resolve(cwd, flags.config) : findConfig(cwd);
  const config = configPath ? await loadConfig(configPath) : {};
  if (flags.mode !== undefined && !isMode(flags.mode)) {
    throw new UsageError(`unknown mode '${flags.mode}' (use one of: ${MODES.join(', ')})`);
  }
  const mode = (flags.mode as Mode | undefined) ?? config.mode ?? 'balanced';
  const extra = configPack(config);
  const rules = extra ? mergePacks([extra, defaultRules], 'default+config') : defaultRules;
  // Built on first use: a batch's main thread hands the work to its task, which builds its own.
  let context: Context | undefined;
  return Object.freeze({
    mode,
    config,
    configPath,
    get context(): Context {
      return (context ??= createContext(rules, languageProfiles, mode, config.thresholds ?? {}));
    },
  });
}
