import type { LineRule, PrefilterSnapshot, Reason, RulePack } from './types.js';
import { codePointLength, exceedsCodePoints, matchForm } from './text.js';
import { buildPrefilter, pairSlot, patternsKey, revivePrefilter, tripleSlot, type Prefilter } from './prefilter.js';
import { wordSet, type WordTable } from './words.js';

interface CompiledRule<R> {
  readonly id: string;
  readonly exact: ReadonlySet<string>;
  readonly pattern: RegExp | undefined;
  /** No text of more characters (code points) can match the pattern; absent or Infinity when unknown. */
  readonly maxChars?: number;
  /**
   * The pattern without its length guard, for texts the guard admits: same answer from test()
   * when the text has no line terminator and at most maxChars code points (see unguarded). Made
   * when a text first gets that far (undefined until then, null for none): each is a new pattern
   * to parse, and a one-page run reaches few of them.
   */
  unguarded?: RegExp | null;
  readonly extra: R;
}

// Rules keep a pattern to short lines with a leading `^(?=.{0,N}$)`. Without the m flag that
// lookahead spans the whole text, so a text of more than N characters cannot match: a long
// paragraph need not meet the regex, which would scan N characters before it fails.
const LENGTH_GUARD = /^\^\(\?=\.\{(\d+)(?:,(\d+))?\}\$\)/u;

/** Whether the pattern has a `|` outside every group, which would leave the guard to one branch. */
function hasTopLevelAlternative(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** The most characters a text may have and still match, from a leading length guard; else Infinity. */
export function maxMatchChars(re: RegExp): number {
  const m = LENGTH_GUARD.exec(re.source);
  if (!m || /[mgy]/u.test(re.flags) || hasTopLevelAlternative(re.source)) return Number.POSITIVE_INFINITY;
  return Number(m[2] ?? m[1]);
}

const ZERO_GUARD = /^\^\(\?=\.\{0,(\d+)\}\$\)/u;
const LEADING_ANY = /^\.\*\??/u;

/**
 * For `^(?=.{0,N}$)REST` (u flag; no g, m, s or y; no top-level `|`), a regex whose test() gives
 * the same answer on any text of at most N code points without a line terminator, which is when
 * the guard holds: `^(?:REST)`, or plain `TAIL` when REST is `.*TAIL` (`.*` then reaches every
 * position, and an unanchored search tries them all; `^`, `\b` and lookbehinds in TAIL still see
 * the whole text). The guard scanned up to N characters on every run, and `.*` went to the end
 * of the text and back; the tail alone fails fast where its first characters do not occur.
 * No capture group is dropped, so group numbers stay; undefined for any other pattern.
 */
export function unguarded(re: RegExp): RegExp | undefined {
  const m = ZERO_GUARD.exec(re.source);
  if (!m || Object.getPrototypeOf(re) !== RegExp.prototype || !re.unicode || /[gmsyv]/u.test(re.flags) || hasTopLevelAlternative(re.source)) return undefined;
  const rest = re.source.slice(m[0].length);
  const lead = LEADING_ANY.exec(rest);
  // `.*` followed by a quantifier or `|` is not the plain prefix it looks like.
  if (lead && /^[*+?{|]/u.test(rest.slice(lead[0].length))) return undefined;
  try {
    return lead ? new RegExp(rest.slice(lead[0].length), re.flags) : new RegExp(`^(?:${rest})`, re.flags);
  } catch {
    return undefined;
  }
}

/** Whether the text holds a line terminator (/[\n\r\u2028\u2029]/u without a regex call a block). */
function hasLineTerminator(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/**
 * A compiled list, with every exact string mapped to the first rule that lists it: one lookup per
 * block instead of one per rule, and the same first rule; and the prefilter of its patterns.
 */
export type RuleList<R> = readonly CompiledRule<R>[] & {
  readonly firstExact?: ReadonlyMap<string, number>;
  /** The prefilter of the patterns, built on first read. */
  readonly prefilter?: Prefilter | null;
  readonly lazy?: LazyPrefilter;
  /** Where the list stands in its matcher's shared tables (see Probe); absent for a list on its own. */
  readonly shared?: SharedPlace;
};

/**
 * The norm lists of one matcher (end markers, trending headers, categories, stamps, boilerplate)
 * as one: their patterns in one prefilter, their exact strings in one map. A block is then
 * scanned once for all five lists, not once per list.
 */
interface Shared {
  readonly lazy: LazyPrefilter;
  /** Per exact string, per list (by its number), the first rule listing it; the list's length when none. */
  readonly exact: ReadonlyMap<string, Int32Array>;
  /** The most code units an exact string of the lists has: a longer text is no exact string. */
  readonly longestExact: number;
  readonly lists: readonly RuleList<unknown>[];
  /** Built with the prefilter (a memo of it): what firstMatch reads per block. */
  plan: Plan | undefined;
}

/** The shared prefilter laid out for the per-block loop. */
interface Plan {
  /**
   * Per list, per class of a text's first unit: the indexes of the list's pattern rules whose
   * first-unit condition that class meets (or that have none), ascending. The loop visits these only.
   * Filled per class as texts start with one (rulesForClass): a page meets a few dozen of the
   * shared prefilter's classes, and all of them for every list took ~1.8 ms of a one-page run.
   */
  readonly byClass: readonly Int32Array[][];
  readonly pf: Prefilter;
  readonly lists: readonly RuleList<unknown>[];
  /** Per rule of the shared prefilter, the clause bits it needs, as two words. */
  readonly need0: Int32Array;
  readonly need1: Int32Array;
  /** Per rule of the shared prefilter, its bit in the lead words of a probe, or -1. */
  readonly leadBit: Int32Array;
}

/** A class of Plan.byClass not filled yet. */
const UNSET = new Int32Array(0);

function planOf(shared: Shared, pf: Prefilter): Plan {
  if (shared.plan) return shared.plan;
  const classes = pf.clauseBits.length / 2;
  return (shared.plan = {
    // Packed arrays of one type: holes or undefined here made the per-block loop ~3% slower.
    byClass: shared.lists.map(() => Array.from({ length: classes }, () => UNSET)),
    pf,
    lists: shared.lists,
    need0: Int32Array.from(pf.rules, (n) => n.need0),
    need1: Int32Array.from(pf.rules, (n) => n.need1),
    leadBit: Int32Array.from(pf.rules, (n) => n.leadBit),
  });
}

/** Plan.byClass of list `no` (its rules from `offset` in the shared prefilter) for class `c`, made on first need. */
function rulesForClass(plan: Plan, no: number, offset: number, c: number): Int32Array {
  const { pf } = plan;
  const ids: number[] = [];
  plan.lists[no]!.forEach((r, i) => {
    if (!r.pattern) return;
    if (firstAllows(pf, c, pf.rules[offset + i]!.firstBit)) ids.push(i);
  });
  return (plan.byClass[no]![c] = Int32Array.from(ids));
}

interface SharedPlace {
  readonly shared: Shared;
  /** The list's number in Shared.exact. */
  readonly no: number;
  /** Index of the list's first rule in the shared prefilter's rules. */
  readonly offset: number;
}

/**
 * Building a list's prefilter costs more than it saves on one page (about 15% of a single-page
 * run's CPU), so it is built once the list has been asked WARM times, a few pages into a batch.
 * A memo of the immutable patterns: results never depend on it (test/core/prefilter.test.ts).
 */
interface LazyPrefilter {
  uses: number;
  pf: Prefilter | null | undefined;
  readonly patterns: readonly (RegExp | undefined)[];
}

/** A display list's lazy prefilter, with each pattern's length guard (firstPattern reads both). */
interface PatternList extends LazyPrefilter {
  readonly maxChars: Float64Array;
}

function patternList(patterns: readonly (RegExp | undefined)[], pf?: Prefilter): PatternList {
  return { uses: 0, pf, patterns, maxChars: Float64Array.from(patterns, (p) => (p ? maxMatchChars(p) : Number.POSITIVE_INFINITY)) };
}

const WARM = 3000;

function warmPrefilter(lazy: LazyPrefilter): Prefilter | null {
  if (lazy.pf !== undefined) return lazy.pf;
  if (++lazy.uses < WARM) return null;
  return (lazy.pf = buildPrefilter(lazy.patterns));
}

function builtPrefilter(lazy: LazyPrefilter): Prefilter | null {
  if (lazy.pf === undefined) lazy.pf = buildPrefilter(lazy.patterns);
  return lazy.pf;
}

/** A rule pack with its exact lists turned into sets, built once per run. */
export interface Matcher {
  readonly pack: RulePack;
  readonly boilerplate: RuleList<Reason>;
  readonly trendingHeaders: RuleList<null>;
  readonly endMarkers: RuleList<{ reason: Reason; soft: boolean }>;
  readonly categories: RuleList<null>;
  readonly stamps: RuleList<null>;
  readonly stopwords: ReadonlySet<string>;
  /** The same words, looked up by a range of a string without cutting it out. */
  readonly stopTable: WordTable<true>;
  readonly functionChars: ReadonlySet<string>;
  /** Per BMP code unit, 1 for a one-code-unit function character: per-character loops add it up. */
  readonly functionCodes: Uint8Array;
  /**
   * Per BMP code unit, its kind for measure's word count (letter or digit, CJK script), 0xff
   * until first met: a memo of two Unicode property tests, filled as pages are read.
   */
  readonly unitKinds: Uint8Array;
}

function compile<R>(rules: readonly LineRule[], extra: (r: LineRule) => R): RuleList<R> {
  const list = rules.map((r) => ({
    id: r.id,
    exact: new Set((r.exact ?? []).map(matchForm)),
    pattern: r.pattern,
    maxChars: r.pattern ? maxMatchChars(r.pattern) : Number.POSITIVE_INFINITY,
    unguarded: r.pattern ? undefined : null,
    extra: extra(r),
  }));
  const firstExact = new Map<string, number>();
  list.forEach((r, i) => {
    for (const s of r.exact) if (!firstExact.has(s)) firstExact.set(s, i);
  });
  const lazy: LazyPrefilter = { uses: 0, pf: undefined, patterns: list.map((r) => r.pattern) };
  return Object.defineProperties(Object.assign(list, { firstExact, lazy }), {
    prefilter: { get: () => builtPrefilter(lazy), enumerable: false },
  }) as RuleList<R>;
}

/** The prefilter a snapshot of the pack holds for exactly these patterns; undefined for none. */
function snapshotFor(snapshots: readonly PrefilterSnapshot[] | undefined, patterns: readonly (RegExp | undefined)[]): Prefilter | undefined {
  if (!snapshots || snapshots.length === 0) return undefined;
  const key = patternsKey(patterns);
  const hit = snapshots.find((s) => s.key === key);
  return hit ? revivePrefilter(hit.data) : undefined;
}

/** The display-text lists that firstPattern reads, in the order their snapshots are made. */
export const PATTERN_LISTS = ['captionCues', 'bylines', 'dates', 'datelines', 'editors'] as const;

/** Joins the lists into one Shared and gives each its place in it. */
function share(lists: readonly RuleList<unknown>[], snapshots?: readonly PrefilterSnapshot[]): void {
  const exact = new Map<string, Int32Array>();
  let longestExact = 0;
  lists.forEach((list, no) => {
    for (const [text, i] of list.firstExact ?? []) {
      let at = exact.get(text);
      if (!at) exact.set(text, (at = Int32Array.from(lists, (l) => l.length)));
      at[no] = i;
      if (text.length > longestExact) longestExact = text.length;
    }
  });
  const patterns = lists.flatMap((l) => l.map((r) => r.pattern));
  const shared: Shared = { lazy: { uses: 0, pf: snapshotFor(snapshots, patterns), patterns }, exact, longestExact, lists, plan: undefined };
  let offset = 0;
  lists.forEach((list, no) => {
    Object.defineProperty(list, 'shared', { value: { shared, no, offset } satisfies SharedPlace, enumerable: false });
    offset += list.length;
  });
}

export function compileRules(pack: RulePack): Matcher {
  const stopwords = new Set(pack.stopwords.map((w) => w.toLowerCase()));
  const functionCodes = new Uint8Array(0x10000);
  for (const ch of pack.functionChars) if (ch.length === 1) functionCodes[ch.charCodeAt(0)] = 1;
  const boilerplate = compile(pack.boilerplate, (r) => (r as (typeof pack.boilerplate)[number]).reason);
  const trendingHeaders = compile(pack.trendingHeaders, () => null);
  const endMarkers = compile(pack.endMarkers, (r) => {
    const e = r as (typeof pack.endMarkers)[number];
    return { reason: e.reason, soft: e.soft === true };
  });
  const categories = compile(pack.categories, () => null);
  const stamps = compile(pack.stamps, () => null);
  share([endMarkers, trendingHeaders, categories, stamps, boilerplate], pack.prefilters);
  for (const name of PATTERN_LISTS) {
    const list = pack[name];
    if (patternPrefilters.get(list)?.pf) continue;
    const patterns = list.map((r) => r.pattern);
    const pf = snapshotFor(pack.prefilters, patterns);
    if (pf) patternPrefilters.set(list, patternList(patterns, pf));
  }
  return {
    pack,
    boilerplate,
    trendingHeaders,
    endMarkers,
    categories,
    stamps,
    stopwords,
    stopTable: wordSet(stopwords),
    functionChars: new Set(pack.functionChars),
    functionCodes,
    unitKinds: new Uint8Array(0x10000).fill(0xff),
  };
}

// Rule patterns run on single blocks; a cap keeps a pathological 50 MB line from meeting a regex.
const MAX_MATCH_CHARS = 2000;

// The scan reads every unit of a probe, which is cut at MAX_MATCH_CHARS. It once stopped at 400
// units, leaving long paragraphs to every unanchored pattern: 11.7 regex calls a corpus block of
// more than 400 units against 3.9 with the scan, and extract() ~3% faster (paired rounds).

/** Whether a text whose first unit is of class `cls` allows the rule with this first bit (-1: no condition). */
function firstAllows(pf: Prefilter, cls: number, firstBit: number): boolean {
  return firstBit < 0 || (pf.firstBits[cls * 2 + (firstBit >> 5)]! & (1 << (firstBit & 31))) !== 0;
}

/**
 * Whether the first two units of the text allow the rule with this lead bit; a text shorter than
 * two units, or a rule without the condition, always does.
 */
function leadAllows(pf: Prefilter, text: string, leadBit: number): boolean {
  if (leadBit < 0 || text.length < 2) return true;
  const bits = pf.leadRows[pf.leadRow[pairSlot(text.charCodeAt(0), text.charCodeAt(1))]! * 2 + (leadBit >> 5)]!;
  return (bits & (1 << (leadBit & 31))) !== 0;
}

/** The clause bits of the units the probe holds, as two words. */
function unitsHeld(pf: Prefilter, probe: string): [number, number] {
  const { classOf, clauseBits, pairRow, pairRows, triples } = pf;
  let has0 = 0;
  let has1 = 0;
  let prev = 0;
  // The unit before prev, -1 until there is one.
  let prev2 = -1;
  for (let k = 0; k < probe.length; k++) {
    const u = probe.charCodeAt(k);
    const c = classOf[u]!;
    if (c !== 0) {
      has0 |= clauseBits[c * 2]!;
      has1 |= clauseBits[c * 2 + 1]!;
    }
    const row = pairRow[pairSlot(prev, u)]! * 2;
    has0 |= pairRows[row]!;
    has1 |= pairRows[row + 1]!;
    if (triples && prev2 >= 0) {
      const row3 = pairRow[tripleSlot(prev2, prev, u)]! * 2;
      has0 |= pairRows[row3]!;
      has1 |= pairRows[row3 + 1]!;
    }
    prev2 = k > 0 ? prev : -1;
    prev = u;
  }
  return [has0, has1];
}

/**
 * One block's match form, read for all the norm lists of a matcher at once: firstMatch(list, probe)
 * gives what firstMatch(list, norm) gives, with one exact lookup and one prefilter scan in all.
 */
export interface Probe {
  readonly norm: string;
  /** What the rules see: norm, cut at MAX_MATCH_CHARS. */
  readonly text: string;
  readonly shared: Shared | undefined;
  readonly pf: Prefilter | null;
  readonly plan: Plan | undefined;
  /** Per list, the first rule listing the text exactly (the list's length for none); null for none in any list. */
  readonly exact: Int32Array | null;
  readonly firstClass: number;
  /** The lead bits of text's first two units, as two words (all set for a text shorter than two). */
  readonly lead0: number;
  readonly lead1: number;
  /** Code points of text, -1 until a rule asks. */
  chars: number;
  /** 1 when text holds a line terminator, 0 when not, -1 until a rule asks. */
  breaks: number;
  scanned: boolean;
  has0: number;
  has1: number;
}

/** The probe of a block's match form for the norm lists of `rules`. */
export function probeOf(rules: Matcher, norm: string): Probe {
  const text = norm.length > MAX_MATCH_CHARS ? norm.slice(0, MAX_MATCH_CHARS) : norm;
  const shared = rules.boilerplate.shared?.shared;
  const pf = shared ? warmPrefilter(shared.lazy) : null;
  const row = pf && text.length >= 2 ? pf.leadRow[pairSlot(text.charCodeAt(0), text.charCodeAt(1))]! * 2 : -1;
  return {
    norm,
    text,
    shared,
    pf,
    plan: pf && shared ? planOf(shared, pf) : undefined,
    exact: shared && text.length <= shared.longestExact ? (shared.exact.get(text) ?? null) : null,
    firstClass: pf ? (pf.classOf[text.charCodeAt(0)] ?? 0) : 0,
    lead0: row >= 0 ? pf!.leadRows[row]! : -1,
    lead1: row >= 0 ? pf!.leadRows[row + 1]! : -1,
    chars: -1,
    breaks: -1,
    scanned: false,
    has0: 0,
    has1: 0,
  };
}

/** The patterns of the matcher's shared prefilter, in its order (for a snapshot). */
export function sharedPatterns(rules: Matcher): readonly (RegExp | undefined)[] {
  return rules.boilerplate.shared?.shared.lazy.patterns ?? [];
}

/** Builds the shared prefilter of the matcher's norm lists now (tests compare with it). */
export function primeShared(rules: Matcher): Prefilter | null {
  const shared = rules.boilerplate.shared?.shared;
  return shared ? builtPrefilter(shared.lazy) : null;
}

/** The rule's unguarded pattern, made the first time a text gets that far (null for none). */
function unguardedOf<R>(r: CompiledRule<R>): RegExp | null {
  if (r.unguarded === undefined) r.unguarded = r.pattern ? (unguarded(r.pattern) ?? null) : null;
  return r.unguarded;
}

/** firstMatch on a probe of the list's own matcher: the shared lookup and scan. */
function firstMatchShared<R>(rules: RuleList<R>, place: SharedPlace, p: Probe): CompiledRule<R> | undefined {
  const probe = p.text;
  const exactAt = p.exact ? p.exact[place.no]! : rules.length;
  const pf = p.pf;
  const offset = place.offset;
  const plan = p.plan;
  if (plan) {
    // The same tests as the loop below, on the rules the first unit allows, in list order.
    let ids = plan.byClass[place.no]![p.firstClass]!;
    if (ids === UNSET) ids = rulesForClass(plan, place.no, offset, p.firstClass);
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k]!;
      if (i >= exactAt) break;
      const lead = plan.leadBit[offset + i]!;
      if (lead >= 0 && ((lead < 32 ? p.lead0 : p.lead1) & (1 << (lead & 31))) === 0) continue;
      const r = rules[i]!;
      const max = r.maxChars ?? Number.POSITIVE_INFINITY;
      if (probe.length > max) {
        // Past 2 * max + 1 units even all-surrogate-pair text is too long; else count once a block.
        if (probe.length > 2 * max + 1) continue;
        if (p.chars < 0) p.chars = codePointLength(probe);
        if (p.chars > max) continue;
      }
      const need0 = plan.need0[offset + i]!;
      const need1 = plan.need1[offset + i]!;
      if ((need0 !== 0 || need1 !== 0)) {
        if (!p.scanned) {
          p.scanned = true;
          [p.has0, p.has1] = unitsHeld(pf!, probe);
        }
        if ((p.has0 & need0) !== need0 || (p.has1 & need1) !== need1) continue;
      }
      const bare = unguardedOf(r);
      if (bare) {
        if (p.breaks < 0) p.breaks = hasLineTerminator(probe) ? 1 : 0;
        if (p.breaks === 0 ? bare.test(probe) : r.pattern!.test(probe)) return r;
      } else if (r.pattern!.test(probe)) return r;
    }
    return rules[exactAt];
  }
  for (let i = 0; i < exactAt; i++) {
    const r = rules[i]!;
    if (!r.pattern) continue;
    const need = pf?.rules[offset + i];
    if (need && !firstAllows(pf!, p.firstClass, need.firstBit)) continue;
    if (need && !leadAllows(pf!, probe, need.leadBit)) continue;
    const max = r.maxChars ?? Number.POSITIVE_INFINITY;
    if (probe.length > max) {
      if (probe.length > 2 * max + 1) continue;
      if (p.chars < 0) p.chars = codePointLength(probe);
      if (p.chars > max) continue;
    }
    if (need && (need.need0 !== 0 || need.need1 !== 0)) {
      if (!p.scanned) {
        p.scanned = true;
        [p.has0, p.has1] = unitsHeld(pf!, probe);
      }
      if ((p.has0 & need.need0) !== need.need0 || (p.has1 & need.need1) !== need.need1) continue;
    }
    // Past the length check above, the guard of an unguarded rule holds unless a line breaks.
    const bare = unguardedOf(r);
    if (bare) {
      if (p.breaks < 0) p.breaks = hasLineTerminator(probe) ? 1 : 0;
      if (p.breaks === 0 ? bare.test(probe) : r.pattern.test(probe)) return r;
    } else if (r.pattern.test(probe)) return r;
  }
  return rules[exactAt];
}

/** The first rule of the list that matches the normalised text (or a probe of it), or undefined. */
export function firstMatch<R>(rules: RuleList<R>, input: string | Probe): CompiledRule<R> | undefined {
  if (typeof input !== 'string') {
    const place = rules.shared;
    if (place && place.shared === input.shared) return firstMatchShared(rules, place, input);
  }
  const norm = typeof input === 'string' ? input : input.norm;
  const probe = norm.length > MAX_MATCH_CHARS ? norm.slice(0, MAX_MATCH_CHARS) : norm;
  const index = rules.firstExact;
  if (!index) {
    for (const r of rules) {
      if (r.exact.has(probe)) return r;
      if (r.pattern?.test(probe)) return r;
    }
    return undefined;
  }
  // Rules before the first exact hit can only match by pattern; the exact hit wins over later ones.
  const exactAt = index.get(probe) ?? rules.length;
  const pf = rules.lazy ? warmPrefilter(rules.lazy) : null;
  let chars = -1;
  // The units the probe holds, as clause bits; filled on the first rule that asks.
  let scanned = false;
  let has0 = 0;
  let has1 = 0;
  const firstClass = pf ? (pf.classOf[probe.charCodeAt(0)] ?? 0) : 0;
  for (let i = 0; i < exactAt; i++) {
    const r = rules[i]!;
    if (!r.pattern) continue;
    const need = pf?.rules[i];
    if (need && !firstAllows(pf!, firstClass, need.firstBit)) continue;
    if (need && !leadAllows(pf!, probe, need.leadBit)) continue;
    const max = r.maxChars ?? Number.POSITIVE_INFINITY;
    if (probe.length > max) {
      if (probe.length > 2 * max + 1) continue;
      if (chars < 0) chars = codePointLength(probe);
      if (chars > max) continue;
    }
    if (need && (need.need0 !== 0 || need.need1 !== 0)) {
      if (!scanned) {
        scanned = true;
        [has0, has1] = unitsHeld(pf!, probe);
      }
      if ((has0 & need.need0) !== need.need0 || (has1 & need.need1) !== need.need1) continue;
    }
    if (r.pattern.test(probe)) return r;
  }
  return rules[exactAt];
}

// firstPattern takes the packs' plain lists (classify and assemble pass them as they are), so
// their prefilters are kept by list. The lists are immutable data and the tables a pure function
// of them: a memo, not state.
const patternPrefilters = new WeakMap<readonly LineRule[], PatternList>();

function lazyOf(rules: readonly LineRule[]): PatternList {
  let lazy = patternPrefilters.get(rules);
  if (!lazy) patternPrefilters.set(rules, (lazy = patternList(rules.map((r) => r.pattern))));
  return lazy;
}

/** Builds the prefilter of a plain list now rather than a few pages in (tests compare with it). */
export function primePrefilter(rules: readonly LineRule[]): Prefilter | null {
  return builtPrefilter(lazyOf(rules));
}

/** The first pattern rule that matches display text, with its match. */
export function firstPattern(rules: readonly LineRule[], text: string): { rule: LineRule; m: RegExpExecArray } | undefined {
  const probe = text.length > MAX_MATCH_CHARS ? text.slice(0, MAX_MATCH_CHARS) : text;
  const lazy = lazyOf(rules);
  const pf = warmPrefilter(lazy);
  const firstClass = pf ? (pf.classOf[probe.charCodeAt(0)] ?? 0) : 0;
  let scanned = false;
  let has0 = 0;
  let has1 = 0;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    let may = rule.pattern !== undefined;
    const need = pf?.rules[i];
    if (may && need) {
      if (!firstAllows(pf!, firstClass, need.firstBit)) may = false;
      else if (!leadAllows(pf!, probe, need.leadBit)) may = false;
      else if ((need.need0 !== 0 || need.need1 !== 0)) {
        if (!scanned) {
          scanned = true;
          [has0, has1] = unitsHeld(pf!, probe);
        }
        may = (has0 & need.need0) === need.need0 && (has1 & need.need1) === need.need1;
      }
    }
    // Last, as the regex's own first test: a length guard that fails reads up to its limit
    // (en/credit-line's `^(?=.{0,100}$)` read 100 characters of each long caption-sized block);
    // before the prefilter's tests it counted blocks whose patterns never run, and cost more.
    const max = lazy.maxChars[i]!;
    if (may && probe.length > max) may = !exceedsCodePoints(probe, max);
    const m = may ? rule.pattern!.exec(probe) : null;
    if (m) return { rule, m };
    if (rule.exact?.includes(probe)) return { rule, m: Object.assign([probe], { index: 0, input: probe }) as RegExpExecArray };
  }
  return undefined;
}
