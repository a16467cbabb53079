// Necessary conditions for a rule pattern to match, read off the pattern once when the rules are
// compiled, so that most patterns never run on most lines (issue 8). A condition is always one a
// match cannot do without: skipping a pattern whose condition fails gives the same answer as
// running it. Whatever the reader does not understand yields no condition, and the pattern runs.

/** Code units a match must contain one of (a clause); null when the pattern says nothing useful. */
type Units = ReadonlySet<number> | null;

type Part =
  | { readonly kind: 'unit'; readonly set: Units; readonly dot?: true; readonly wide?: string }
  | { readonly kind: 'seq'; readonly items: readonly Part[] }
  | { readonly kind: 'alt'; readonly alts: readonly Part[] }
  | { readonly kind: 'repeat'; readonly min: number; readonly part: Part }
  | { readonly kind: 'look'; readonly positive: boolean; readonly part: Part }
  | { readonly kind: 'start' }
  | { readonly kind: 'empty'; readonly end?: true };

class Unsupported extends Error {}

// JavaScript's \s, by code unit.
const SPACE_UNITS = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
for (let c = 0x2000; c <= 0x200a; c++) SPACE_UNITS.push(c);
const WORD_UNITS: number[] = [0x5f];
for (let c = 0x30; c <= 0x39; c++) WORD_UNITS.push(c);
for (let c = 0x61; c <= 0x7a; c++) WORD_UNITS.push(c, c - 0x20);
const DIGIT_UNITS: number[] = [];
for (let c = 0x30; c <= 0x39; c++) DIGIT_UNITS.push(c);

// A set this large says little about a line and costs a lot to build; treat it as "anything".
const MAX_SET = 256;

/**
 * The code units one character matches under the i flag (u mode: simple case folding). ASCII
 * letters fold to their other case, k and s also to KELVIN SIGN and LONG S; the caseless ranges
 * below (CJK, punctuation, digits) fold to nothing else. A test checks both claims over the BMP.
 * Any other character under i is not analysed.
 */
function foldUnits(c: number, ignoreCase: boolean): number[] | null {
  if (!ignoreCase) return [c];
  if (c >= 0x61 && c <= 0x7a) return c === 0x6b ? [c, c - 0x20, 0x212a] : c === 0x73 ? [c, c - 0x20, 0x17f] : [c, c - 0x20];
  if (c >= 0x41 && c <= 0x5a) return foldUnits(c + 0x20, true);
  return isCaseless(c) ? [c] : null;
}

/** Ranges where no character takes part in case folding: ASCII outside letters, spaces, punctuation, CJK. */
export function isCaseless(c: number): boolean {
  return (
    (c < 0x80 && !((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xff00 && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65)
  );
}

const SYNTAX = new Set('^$\\.*+?()[]{}|/-'.split('').map((ch) => ch.charCodeAt(0)));

/** A recursive-descent reader for the u-mode syntax the rule packs use. */
class Reader {
  i = 0;
  constructor(
    readonly src: string,
    readonly ignoreCase: boolean,
  ) {}

  peek(): string | undefined {
    return this.src[this.i];
  }

  eat(s: string): boolean {
    if (!this.src.startsWith(s, this.i)) return false;
    this.i += s.length;
    return true;
  }

  disjunction(): Part {
    const alts = [this.sequence()];
    while (this.eat('|')) alts.push(this.sequence());
    return alts.length === 1 ? alts[0]! : { kind: 'alt', alts };
  }

  sequence(): Part {
    const items: Part[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') items.push(this.quantified());
    return { kind: 'seq', items };
  }

  quantified(): Part {
    const atom = this.atom();
    const q = this.quantifier();
    if (!q) return atom;
    this.eat('?');
    if (atom.kind === 'look' || atom.kind === 'start' || atom.kind === 'empty') throw new Unsupported('quantified assertion');
    return { kind: 'repeat', min: q.min, part: atom };
  }

  quantifier(): { min: number } | null {
    const c = this.peek();
    if (c === '*' || c === '?') {
      this.i++;
      return { min: 0 };
    }
    if (c === '+') {
      this.i++;
      return { min: 1 };
    }
    if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/u.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported('brace');
      this.i += m[0].length;
      return { min: Number(m[1]) };
    }
    return null;
  }

  atom(): Part {
    const c = this.src[this.i++];
    switch (c) {
      case '^':
        return { kind: 'start' };
      case '$':
        // Without the m flag, $ is the end of the text: nothing follows a match that reaches it.
        return { kind: 'empty', end: true };
      case '.':
        return { kind: 'unit', set: null, dot: true };
      case '(':
        return this.group();
      case '[': {
        const at = this.i - 1;
        const set = this.charClass();
        // Too wide to list (\p{P}, a negation): its source still tells one character's membership.
        return set ? { kind: 'unit', set } : { kind: 'unit', set: null, wide: this.src.slice(at, this.i) };
      }
      case '\\':
        return this.escape();
      case undefined:
      case ')':
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
      case '|':
        throw new Unsupported(`unexpected ${c ?? 'end'}`);
      default: {
        const cp = this.src.codePointAt(this.i - 1)!;
        if (cp > 0xffff) this.i++;
        return { kind: 'unit', set: this.units([cp]) };
      }
    }
  }

  group(): Part {
    let look: { positive: boolean } | null = null;
    if (this.eat('?:')) look = null;
    else if (this.eat('?=') || this.eat('?<=')) look = { positive: true };
    else if (this.eat('?!') || this.eat('?<!')) look = { positive: false };
    else if (this.eat('?<')) {
      const end = this.src.indexOf('>', this.i);
      if (end < 0) throw new Unsupported('group name');
      this.i = end + 1;
    } else if (this.peek() === '?') throw new Unsupported('group kind');
    const inner = this.disjunction();
    if (!this.eat(')')) throw new Unsupported('unclosed group');
    return look ? { kind: 'look', positive: look.positive, part: inner } : inner;
  }

  /** The units a set of code points matches, folded; null when too many or not foldable. */
  units(cps: readonly number[]): Units {
    const out = new Set<number>();
    for (const cp of cps) {
      if (cp > 0xffff) return null;
      const f = foldUnits(cp, this.ignoreCase);
      if (!f) return null;
      for (const u of f) out.add(u);
      if (out.size > MAX_SET) return null;
    }
    return out;
  }

  /** An escape outside a class: a character, a class escape, an assertion or a back reference. */
  escape(): Part {
    const c = this.src[this.i];
    if (c === 'b' || c === 'B') {
      this.i++;
      return { kind: 'empty' };
    }
    if (c !== undefined && /[1-9k]/u.test(c)) throw new Unsupported('back reference');
    const at = this.i - 1;
    const e = this.classAtom();
    const set = e === null ? null : this.units(e);
    return set ? { kind: 'unit', set } : { kind: 'unit', set: null, wide: this.src.slice(at, this.i) };
  }

  /** One escape after the backslash: its code points, or null for a class too wide to list. */
  classAtom(): number[] | null {
    const c = this.src[this.i++];
    switch (c) {
      case 'd':
        return DIGIT_UNITS;
      case 's':
        return SPACE_UNITS;
      // \w under iu also matches KELVIN SIGN and LONG S; foldUnits adds them from k and s.
      case 'w':
        return WORD_UNITS;
      case 'D':
      case 'S':
      case 'W':
        return null;
      case 'p':
      case 'P': {
        const end = this.src.indexOf('}', this.i);
        if (this.src[this.i] !== '{' || end < 0) throw new Unsupported('property');
        this.i = end + 1;
        return null;
      }
      case 'n':
        return [0x0a];
      case 'r':
        return [0x0d];
      case 't':
        return [0x09];
      case 'f':
        return [0x0c];
      case 'v':
        return [0x0b];
      case '0':
        if (/[0-9]/u.test(this.src[this.i] ?? '')) throw new Unsupported('octal');
        return [0];
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/u.exec(this.src.slice(this.i, this.i + 2));
        if (!m) throw new Unsupported('\\x');
        this.i += 2;
        return [parseInt(m[0], 16)];
      }
      case 'u': {
        const m = /^(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4}))/u.exec(this.src.slice(this.i, this.i + 8));
        if (!m) throw new Unsupported('\\u');
        this.i += m[0].length;
        const cp = parseInt(m[1] ?? m[2]!, 16);
        // A surrogate pair spelt as two \u escapes is one astral character in u mode.
        if (cp >= 0xd800 && cp <= 0xdbff && /^\\u[dD][c-fC-F][0-9a-fA-F]{2}/u.test(this.src.slice(this.i))) throw new Unsupported('pair');
        return [cp];
      }
      case 'c':
        throw new Unsupported('\\c');
      case undefined:
        throw new Unsupported('trailing backslash');
      default: {
        // u mode allows identity escapes of syntax characters only.
        const cp = c.charCodeAt(0);
        if (!SYNTAX.has(cp)) throw new Unsupported(`escape \\${c}`);
        return [cp];
      }
    }
  }

  /** A [...] class after its opening bracket: the units it matches, or null for too many or negated. */
  charClass(): Units {
    const negated = this.eat('^');
    let wide = false;
    const cps: number[] = [];
    const single = (): number[] | null => {
      if (this.eat('\\')) {
        if (this.peek() === 'b') {
          this.i++;
          return [0x08];
        }
        if (this.peek() === '-') {
          this.i++;
          return [0x2d];
        }
        return this.classAtom();
      }
      const cp = this.src.codePointAt(this.i);
      if (cp === undefined) throw new Unsupported('unclosed class');
      this.i += cp > 0xffff ? 2 : 1;
      return [cp];
    };
    while (!this.eat(']')) {
      const from = single();
      if (this.peek() === '-' && this.src[this.i + 1] !== ']') {
        this.i++;
        const to = single();
        if (!from || !to || from.length !== 1 || to.length !== 1) throw new Unsupported('class range');
        if (to[0]! - from[0]! > MAX_SET) wide = true;
        else for (let c = from[0]!; c <= to[0]!; c++) cps.push(c);
      } else if (from === null) wide = true;
      else cps.push(...from);
    }
    return negated || wide ? null : this.units(cps);
  }
}

/** The pattern as a tree, or null when it holds syntax this reader leaves alone. */
function parse(re: RegExp): Part | null {
  // A subclass (a config pattern running on RE2) may match by other rules than the source says.
  if (Object.getPrototypeOf(re) !== RegExp.prototype || !re.unicode || /[gmsyv]/u.test(re.flags)) return null;
  try {
    const r = new Reader(re.source, re.ignoreCase);
    const part = r.disjunction();
    return r.i === re.source.length ? part : null;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

interface First {
  /** Units the first consumed character is one of; null for any. */
  readonly set: Units;
  /** The part can match without consuming a character. */
  readonly nullable: boolean;
}

function union(a: Units, b: Units): Units {
  if (!a || !b) return null;
  const out = new Set(a);
  for (const u of b) out.add(u);
  return out.size > MAX_SET ? null : out;
}

const NONE: ReadonlySet<number> = new Set();

function firstOf(part: Part): First {
  switch (part.kind) {
    case 'unit':
      return { set: part.set, nullable: false };
    case 'seq': {
      let set: Units = NONE;
      for (const item of part.items) {
        const f = firstOf(item);
        set = union(set, f.set);
        if (!f.nullable) return { set, nullable: false };
      }
      return { set, nullable: true };
    }
    case 'alt': {
      let set: Units = NONE;
      let nullable = false;
      for (const a of part.alts) {
        const f = firstOf(a);
        set = union(set, f.set);
        nullable ||= f.nullable;
      }
      return { set, nullable };
    }
    case 'repeat': {
      const f = firstOf(part.part);
      return { set: f.set, nullable: f.nullable || part.min === 0 };
    }
    // Assertions consume nothing; a ^ past the start cannot match at all, which only narrows.
    case 'look':
    case 'start':
    case 'empty':
      return { set: NONE, nullable: true };
  }
}

/**
 * Units the first character of the text must be one of, for a pattern anchored with ^ on every
 * branch (no m flag): it can only match at index 0. Null when the pattern is not anchored, can
 * match the empty string there, or may start with anything.
 */
function anchoredFirst(part: Part): Units {
  if (part.kind === 'alt') {
    let set: Units = NONE;
    for (const a of part.alts) set = union(set, anchoredFirst(a));
    return set;
  }
  if (part.kind !== 'seq') return null;
  const at = part.items.findIndex((n) => n.kind !== 'look');
  const head = part.items[at];
  if (!head) return null;
  if (head.kind === 'alt' || head.kind === 'seq') {
    // ^(?:a|b)... or (?:^a|^b)...: the group is anchored when each of its branches is.
    if (at !== 0 || part.items.slice(1).some((n) => n.kind === 'start')) return null;
    const inner = anchoredFirst(head);
    if (!inner) return null;
    const f = firstOf(head);
    if (!f.nullable) return inner;
    return null;
  }
  if (head.kind !== 'start') return null;
  const f = firstOf({ kind: 'seq', items: part.items.slice(at + 1) });
  return f.nullable ? null : f.set;
}

/** One way to consume the next unit: the units it may be, and the parts left to match after it. */
interface Step {
  readonly set: Units;
  readonly rest: readonly Part[];
}

// Bounds on the expansion below; past them the answer is "anything", which is always safe.
const MAX_STEPS = 64;
const MAX_DEPTH = 24;
// Pairs a rule's first-two-units condition may list: past this it filters too little to pay.
const MAX_LEAD_PAIRS = 4096;

/**
 * The ways a match of `items` (a sequence, tried from its start) consumes its first unit; null
 * when it may consume none (the match may end there, so what follows is free) or when there are
 * too many ways to list. Lookarounds and ^ are skipped: ignoring a condition only widens the answer.
 */
function steps(items: readonly Part[], depth = 0): Step[] | null {
  if (depth > MAX_DEPTH) return null;
  const [head, ...rest] = items;
  if (!head) return null;
  switch (head.kind) {
    case 'unit':
      return [{ set: head.set, rest }];
    case 'empty':
      // A match that has reached $ consumes no further unit; a text that has one cannot take this way.
      return head.end ? [] : steps(rest, depth + 1);
    case 'look':
    case 'start':
      return steps(rest, depth + 1);
    case 'seq':
      return steps([...head.items, ...rest], depth + 1);
    case 'alt': {
      const out: Step[] = [];
      for (const a of head.alts) {
        const s = steps([a, ...rest], depth + 1);
        if (!s || out.push(...s) > MAX_STEPS) return null;
      }
      return out;
    }
    case 'repeat': {
      // x{n,} is x then x{n-1,}; x* is nothing or x then x*.
      const again: Part = { kind: 'repeat', min: Math.max(0, head.min - 1), part: head.part };
      const once = steps([head.part, again, ...rest], depth + 1);
      if (head.min > 0 || !once) return once;
      const none = steps(rest, depth + 1);
      return none && once.length + none.length <= MAX_STEPS ? [...once, ...none] : null;
    }
  }
}

/**
 * The first two units a text may start with, as pair grams, for a pattern anchored with ^ on every
 * branch; null when a match may be shorter than two units or the pairs are too many to list. A
 * text of two units or more that matches starts with one of them.
 */
function anchoredLead(part: Part): ReadonlySet<number> | null {
  if (!isAnchored(part)) return null;
  const first = steps([part]);
  if (!first) return null;
  const pairs = new Set<number>();
  for (const a of first) {
    const second = steps(a.rest);
    if (!a.set || !second) return null;
    for (const b of second) {
      if (!b.set || a.set.size * b.set.size + pairs.size > MAX_LEAD_PAIRS) return null;
      for (const x of a.set) for (const y of b.set) pairs.add(pairGram(x, y));
    }
  }
  return pairs;
}

/**
 * The source of the class the first character must belong to, for `^X` or `^X{n,}` (n >= 1) where X
 * is a class too wide to list ([\p{P}\p{S}\d], \p{L}); null for any other pattern.
 */
function anchoredWide(part: Part): string | null {
  if (part.kind !== 'seq') return null;
  let k = 0;
  while (part.items[k]?.kind === 'look') k++;
  if (part.items[k]?.kind !== 'start') return null;
  k++;
  while (part.items[k]?.kind === 'look') k++;
  let head = part.items[k];
  if (head?.kind === 'repeat' && head.min >= 1) head = head.part;
  return head?.kind === 'unit' && head.wide ? head.wide : null;
}

/** Whether every branch of the pattern starts with ^ (after lookarounds), so it is tried at index 0 only. */
function isAnchored(part: Part): boolean {
  if (part.kind === 'alt') return part.alts.every(isAnchored);
  if (part.kind !== 'seq') return false;
  const head = part.items.find((n) => n.kind !== 'look');
  if (!head) return false;
  return head.kind === 'start' || ((head.kind === 'alt' || head.kind === 'seq') && isAnchored(head));
}

/**
 * Whether a match may begin with a run of `.`, in the pattern or in a lookahead: V8 then walks
 * up to the whole line before it fails, which is what costs; patterns that fail on the first few
 * characters are cheaper than any prefilter.
 */
function leadsWithDot(part: Part): boolean {
  switch (part.kind) {
    case 'unit':
      return part.dot === true;
    case 'repeat':
      return leadsWithDot(part.part);
    case 'look':
      return leadsWithDot(part.part);
    case 'alt':
      return part.alts.some(leadsWithDot);
    case 'seq':
      for (const item of part.items) {
        if (leadsWithDot(item)) return true;
        if (item.kind !== 'look' && !firstOf(item).nullable) return false;
      }
      return false;
    case 'start':
    case 'empty':
      return false;
  }
}

// A gram is a unit (below 2^16), a pair of units in a row (from 2^32 up) or three units in a row
// (from 2^49 up; below 2^50, so every gram is an exact integer).
const PAIR = 2 ** 32;
const TRIPLE = 2 ** 49;
const MAX_PAIRS = 16;
const MAX_TRIPLES = 16;

function pairGram(x: number, y: number): number {
  return PAIR + x * 0x10000 + y;
}

/** The two units of a pair gram. */
function pairUnits(g: number): [number, number] {
  const v = g - PAIR;
  return [Math.floor(v / 0x10000), v % 0x10000];
}

function tripleGram(x: number, y: number, z: number): number {
  return TRIPLE + x * 2 ** 32 + y * 0x10000 + z;
}

/** The three units of a triple gram. */
function tripleUnits(g: number): [number, number, number] {
  const v = g - TRIPLE;
  return [Math.floor(v / 2 ** 32), Math.floor(v / 0x10000) % 0x10000, v % 0x10000];
}

/**
 * How often a unit occurs in news text, roughly, in percent: it only ranks clauses, so a poor
 * guess costs speed and never correctness.
 */
function frequencyOf(u: number): number {
  const ENGLISH = 'etaoinshrdlcumwfgypbvkjxqz';
  const PERCENT = [12, 9, 8, 7.5, 7, 6.7, 6.3, 6, 6, 4.2, 4, 2.8, 2.8, 2.4, 2.4, 2.2, 2, 2, 1.9, 1.5, 1, 0.8, 0.15, 0.15, 0.1, 0.07];
  if (u === 0x20) return 15;
  if (u >= 0x61 && u <= 0x7a) return PERCENT[ENGLISH.indexOf(String.fromCharCode(u))]!;
  if (u >= 0x41 && u <= 0x5a) return PERCENT[ENGLISH.indexOf(String.fromCharCode(u + 0x20))]! / 5;
  if (u >= 0x30 && u <= 0x39) return 0.8;
  if (u === 0x2c || u === 0x2e || u === 0xff0c || u === 0x3002) return 1;
  if (u < 0x80) return 0.3;
  if (u >= 0x4e00 && u <= 0x9fff) return 0.3;
  return 0.1;
}

// frequency per code unit, filled on first ask: reading the rule packs asks it a few hundred thousand
// times. Made then too: a run on the built-in packs reads their prefilters from snapshots, not patterns.
let FREQUENCY: Float64Array | null = null;

function frequency(u: number): number {
  const table = (FREQUENCY ??= new Float64Array(0x10000).fill(-1));
  let f = table[u]!;
  if (f < 0) table[u] = f = frequencyOf(u);
  return f;
}

function score(set: ReadonlySet<number>): number {
  let s = 0;
  for (const g of set) {
    if (g < PAIR) s += frequency(g);
    else if (g < TRIPLE) {
      const [x, y] = pairUnits(g);
      s += (frequency(x) * frequency(y)) / 25;
    } else {
      const [x, y, z] = tripleUnits(g);
      s += (frequency(x) * frequency(y) * frequency(z)) / 625;
    }
  }
  return s;
}

// Clauses kept per part: enough to pick a rare one, few enough to stay cheap.
const KEEP = 3;

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** The KEEP rarest distinct clauses, rarest first (ties in the order given). */
function best(clauses: ReadonlySet<number>[]): ReadonlySet<number>[] {
  // Scored once each and compared with the few kept: scoring inside the comparator and a sorted
  // string key per clause were most of the cost of reading the packs.
  const ranked = clauses.map((c) => ({ c, s: score(c) })).sort((a, b) => a.s - b.s);
  const out: ReadonlySet<number>[] = [];
  for (const { c } of ranked) {
    if (out.length === KEEP) break;
    if (!out.some((k) => sameSet(k, c))) out.push(c);
  }
  return out;
}

/** Clauses every match satisfies: for each, the text holds at least one of its units. */
function required(part: Part): ReadonlySet<number>[] {
  switch (part.kind) {
    case 'unit':
      return part.set && part.set.size > 0 ? [part.set] : [];
    case 'seq': {
      const out = part.items.flatMap(required);
      // Two units in a row: the text holds one of the pairs, which is far rarer than either unit.
      for (let i = 0; i + 1 < part.items.length; i++) {
        const a = part.items[i]!;
        const b = part.items[i + 1]!;
        if (a.kind !== 'unit' || b.kind !== 'unit' || !a.set || !b.set || a.set.size * b.set.size > MAX_PAIRS) continue;
        const pairs = new Set<number>();
        for (const x of a.set) for (const y of b.set) pairs.add(pairGram(x, y));
        out.push(pairs);
      }
      // Three in a row: rarer still ("afp", "epa" where the pairs "af", "ep" are common words' too).
      for (let i = 0; i + 2 < part.items.length; i++) {
        const [a, b, c] = [part.items[i]!, part.items[i + 1]!, part.items[i + 2]!];
        if (a.kind !== 'unit' || b.kind !== 'unit' || c.kind !== 'unit' || !a.set || !b.set || !c.set) continue;
        if (a.set.size * b.set.size * c.set.size > MAX_TRIPLES) continue;
        const triples = new Set<number>();
        for (const x of a.set) for (const y of b.set) for (const z of c.set) triples.add(tripleGram(x, y, z));
        out.push(triples);
      }
      return best(out);
    }
    case 'alt': {
      const each = part.alts.map(required);
      if (each.some((c) => c.length === 0)) return [];
      // A match takes one branch and so meets that branch's clause: the union is met either way.
      const out: ReadonlySet<number>[] = [];
      for (let j = 0; j < KEEP; j++) {
        let set: Units = NONE;
        for (const c of each) set = union(set, c[Math.min(j, c.length - 1)]!);
        if (set) out.push(set);
      }
      return best(out);
    }
    case 'repeat':
      return part.min > 0 ? required(part.part) : [];
    // What a lookahead or lookbehind matches lies in the text too.
    case 'look':
      return part.positive ? required(part.part) : [];
    case 'start':
    case 'empty':
      return [];
  }
}

// A clause this common passes nearly every line: it would cost a bit and filter nothing.
const MAX_SCORE = 12;

/** What a pattern needs, as read by analysePattern. */
export interface PatternNeeds {
  /** Units the text's first code unit must be one of; null for no condition. */
  readonly first: ReadonlySet<number> | null;
  /** Without first: a class the text's first character must belong to, as a regex of one character; null for none. */
  readonly firstWide: RegExp | null;
  /** Pair grams the text's first two code units must be one of (when it has two); null for no condition. */
  readonly lead: ReadonlySet<number> | null;
  /** The pattern scans: it is not anchored, or starts with a run of `.` (it may cost a pass over the text). */
  readonly scans: boolean;
  /** Clauses, rarest first: the text must hold a unit of each. */
  readonly clauses: readonly ReadonlySet<number>[];
}

/** Reads the necessary conditions of one pattern; no conditions for syntax it does not know. */
export function analysePattern(re: RegExp): PatternNeeds {
  const part = parse(re);
  if (!part) return { first: null, firstWide: null, lead: null, scans: true, clauses: [] };
  const first = anchoredFirst(part);
  const wide = first ? null : anchoredWide(part);
  return {
    first,
    firstWide: wide ? new RegExp(`^${wide}$`, re.flags) : null,
    lead: anchoredLead(part),
    scans: !isAnchored(part) || leadsWithDot(part),
    clauses: required(part).filter((c) => score(c) <= MAX_SCORE),
  };
}

/** Whether the text meets the needs: false means the pattern cannot match it. For tests and slow paths. */
export function allows(needs: PatternNeeds, text: string): boolean {
  if (needs.first && !needs.first.has(text.charCodeAt(0))) return false;
  if (needs.firstWide && text.length > 0 && !needs.firstWide.test(String.fromCodePoint(text.codePointAt(0)!))) return false;
  if (needs.lead && text.length >= 2 && !needs.lead.has(pairGram(text.charCodeAt(0), text.charCodeAt(1)))) return false;
  return needs.clauses.every((c) => {
    for (let i = 0; i < text.length; i++) {
      if (c.has(text.charCodeAt(i))) return true;
      if (i > 0 && c.has(pairGram(text.charCodeAt(i - 1), text.charCodeAt(i)))) return true;
      if (i > 1 && c.has(tripleGram(text.charCodeAt(i - 2), text.charCodeAt(i - 1), text.charCodeAt(i)))) return true;
    }
    return false;
  });
}

/** The prefilter of a rule list: per code unit, the bits of the conditions it meets. */
export interface Prefilter {
  /** Per code unit, its class (0: meets no condition). */
  readonly classOf: Uint8Array | Uint16Array;
  /** Per class, two words of clause bits: the clauses a unit of the class meets anywhere. */
  readonly clauseBits: Int32Array;
  /** Per class, two words of rule bits: the anchored rules a first unit of the class allows. */
  readonly firstBits: Int32Array;
  /**
   * Per pairSlot of two units in a row, a row of pairRows: two words of clause bits. Pairs that
   * share a slot share their bits, which can only let a pattern run that need not: the slots are
   * a hash. A row number per slot rather than the bits keeps the table small enough to stay in
   * the cache (eight times smaller; the bits of one slot were the scan's main cost).
   */
  readonly pairRow: Uint8Array | Uint16Array;
  readonly pairRows: Int32Array;
  /** Some clause holds triple grams: their bits sit in the same slots, by tripleSlot. */
  readonly triples: boolean;
  /**
   * Per pairSlot of a text's first two units, a row of leadRows: two words of lead bits, the
   * anchored rules whose first two units may be those (a slot shared by two pairs lets both pairs'
   * rules run). Rows as for the pairs: the bits of every slot took 128 KB a prefilter, which V8
   * zeroes page by page when it makes the array (six snapshots: ~2 ms of a one-page run here).
   */
  readonly leadRow: Uint8Array | Uint16Array;
  readonly leadRows: Int32Array;
  /** Per rule, in list order: the clause bits it needs and its first bit, both as two words. */
  readonly rules: readonly RuleNeeds[];
}

export interface RuleNeeds {
  readonly need0: number;
  readonly need1: number;
  /** Index of the rule's first-unit bit in firstBits, or -1 for no first-unit condition. */
  readonly firstBit: number;
  /** Index of the rule's bit in the lead bits, or -1 for no condition on the first two units. */
  readonly leadBit: number;
}

const SLOT_BITS = 14;

/** The pairBits slot of unit x followed by unit y. */
export function pairSlot(x: number, y: number): number {
  return Math.imul((x << 16) | y, 0x9e3779b1) >>> (32 - SLOT_BITS);
}

/** The slot of units x, y, z in a row, in the same table as the pairs (a collision only lets a pattern run). */
export function tripleSlot(x: number, y: number, z: number): number {
  return Math.imul(Math.imul((x << 16) | y, 0x9e3779b1) ^ z, 0x85ebca6b) >>> (32 - SLOT_BITS);
}

const NO_NEEDS: RuleNeeds = { need0: 0, need1: 0, firstBit: -1, leadBit: -1 };
// Fewer patterns than this needing the scan, and none gets it (see buildPrefilter).
const MIN_SCANNED = 3;
// Two 32-bit words of clause bits and of first bits: rules beyond that simply run unfiltered.
const BITS = 64;

/** Builds the tables for a list of patterns (undefined for exact-only rules); null when nothing to gain. */
export function buildPrefilter(patterns: readonly (RegExp | undefined)[]): Prefilter | null {
  const needs = patterns.map((p) => (p ? analysePattern(p) : null));
  const clauseIds = new Map<string, number>();
  const clauseSets: ReadonlySet<number>[] = [];
  const firstSets: ReadonlySet<number>[] = [];
  const leadSets: ReadonlySet<number>[] = [];
  const wideFirsts: { bit: number; re: RegExp }[] = [];
  // A first-unit test is cheaper than a scan. An anchored pattern without one gets clauses too:
  // it fails early, but the norm lists' scan is shared (match.ts probeOf), so by the time it is
  // reached the scan is usually done, and a skipped call costs less than an early failure
  // (zh/hot-news-pattern ran on every block; regex calls per corpus round 964,373 -> 902,863).
  // One with a first-unit test but none on its first two units ("[" then anything) gets its
  // rarest clause as well: en/image-placeholder ran on 20,000 corpus blocks a round.
  const clausesOf = (n: PatternNeeds): readonly ReadonlySet<number>[] => (n.first && n.lead ? [] : n.clauses.slice(0, n.first ? 1 : 2));
  // The scan is a JS loop over every unit of a block, with pairs and triples; a regex's own search is
  // native. For one or two patterns that need it, running them costs less than the scan
  // (editors: 13.9 ms a corpus round with the scan, 7.7 without), so then no pattern gets clauses.
  const scans = needs.filter((n) => n && clausesOf(n).length > 0).length >= MIN_SCANNED;
  const rules: RuleNeeds[] = needs.map((n) => {
    if (!n) return NO_NEEDS;
    let need0 = 0;
    let need1 = 0;
    for (const c of scans ? clausesOf(n) : []) {
      const key = [...c].sort((a, b) => a - b).join(',');
      let id = clauseIds.get(key);
      if (id === undefined) {
        if (clauseSets.length >= BITS) continue;
        clauseIds.set(key, (id = clauseSets.length));
        clauseSets.push(c);
      }
      if (id < 32) need0 |= 1 << id;
      else need1 |= 1 << (id - 32);
    }
    let firstBit = -1;
    if ((n.first || n.firstWide) && firstSets.length < BITS) {
      firstBit = firstSets.length;
      firstSets.push(n.first ?? NONE);
      if (!n.first && n.firstWide) wideFirsts.push({ bit: firstBit, re: n.firstWide });
    }
    // The first unit alone lets through every line that starts like a word a rule names ("the"
    // for "tweet"); the first two let through far fewer, and regex calls per block halve.
    let leadBit = -1;
    if (n.lead && leadSets.length < BITS) {
      leadBit = leadSets.length;
      leadSets.push(n.lead);
    }
    return need0 || need1 || firstBit >= 0 || leadBit >= 0 ? { need0, need1, firstBit, leadBit } : NO_NEEDS;
  });
  if (clauseSets.length === 0 && firstSets.length === 0 && leadSets.length === 0) return null;
  // Units with the same memberships share a class, so the per-class rows stay few.
  const signature = new Map<number, string>();
  const mark = (sets: readonly ReadonlySet<number>[], tag: string): void =>
    sets.forEach((s, i) => {
      for (const u of s) if (u < PAIR) signature.set(u, `${signature.get(u) ?? ''}${tag}${i},`);
    });
  mark(clauseSets, 'c');
  mark(firstSets, 'f');
  // A wide first class cannot be listed, but the units the other conditions name can be tested
  // against it: their classes then know whether the rule may match. Any other first unit has
  // class 0, which lets the rule run. A surrogate may begin any astral character: a member.
  const isWideMember = (re: RegExp, u: number): boolean => (u >= 0xd800 && u <= 0xdfff) || re.test(String.fromCharCode(u));
  for (const w of wideFirsts) for (const [u, sig] of signature) if (isWideMember(w.re, u)) signature.set(u, `${sig}w${w.bit},`);
  const classIds = new Map<string, number>();
  for (const sig of signature.values()) if (!classIds.has(sig)) classIds.set(sig, classIds.size + 1);
  const classOf = classIds.size < 256 ? new Uint8Array(0x10000) : new Uint16Array(0x10000);
  for (const [u, sig] of signature) classOf[u] = classIds.get(sig)!;
  const rows = classIds.size + 1;
  const clauseBits = new Int32Array(rows * 2);
  const firstBits = new Int32Array(rows * 2);
  const pairBits = new Int32Array(2 << SLOT_BITS);
  let triples = false;
  const set = (bits: Int32Array, sets: readonly ReadonlySet<number>[]): void =>
    sets.forEach((s, i) => {
      for (const g of s) {
        if (g < PAIR) bits[classOf[g]! * 2 + (i >> 5)]! |= 1 << (i & 31);
        else if (g < TRIPLE) {
          const [x, y] = pairUnits(g);
          pairBits[pairSlot(x, y) * 2 + (i >> 5)]! |= 1 << (i & 31);
        } else {
          const [x, y, z] = tripleUnits(g);
          triples = true;
          pairBits[tripleSlot(x, y, z) * 2 + (i >> 5)]! |= 1 << (i & 31);
        }
      }
    });
  set(clauseBits, clauseSets);
  set(firstBits, firstSets);
  for (const w of wideFirsts) {
    const word = w.bit >> 5;
    const mask = 1 << (w.bit & 31);
    firstBits[word]! |= mask;
    for (const u of signature.keys()) if (isWideMember(w.re, u)) firstBits[classOf[u]! * 2 + word]! |= mask;
  }
  const leadBits = new Int32Array(2 << SLOT_BITS);
  leadSets.forEach((s, i) => {
    for (const g of s) {
      const [x, y] = pairUnits(g);
      leadBits[pairSlot(x, y) * 2 + (i >> 5)]! |= 1 << (i & 31);
    }
  });
  const [pairRow, pairRows] = rowsOf(filledSlots(pairBits));
  const [leadRow, leadRows] = rowsOf(filledSlots(leadBits));
  return { classOf, clauseBits, firstBits, pairRow, pairRows, triples, leadRow, leadRows, rules };
}

/**
 * Two words of bits per slot, given as [slot, word 0, word 1] for the slots that are not empty in
 * ascending order, as a row number per slot and the distinct rows (row 0 empty, the others
 * numbered in slot order, so a snapshot revives to the tables it was made from).
 */
function rowsOf(slots: readonly number[]): [Uint8Array | Uint16Array, Int32Array] {
  const rowIds = new Map<string, number>([['0,0', 0]]);
  const rowList: number[] = [0, 0];
  const idOf: number[] = [];
  for (let k = 0; k < slots.length; k += 3) {
    const key = `${slots[k + 1]},${slots[k + 2]}`;
    let id = rowIds.get(key);
    if (id === undefined) {
      rowIds.set(key, (id = rowIds.size));
      rowList.push(slots[k + 1]!, slots[k + 2]!);
    }
    idOf.push(id);
  }
  const row = rowIds.size <= 256 ? new Uint8Array(1 << SLOT_BITS) : new Uint16Array(1 << SLOT_BITS);
  for (let k = 0; k < idOf.length; k++) row[slots[k * 3]!] = idOf[k]!;
  return [row, Int32Array.from(rowList)];
}

/** The slots of `bits` (two words each) that are not empty, as rowsOf reads them. */
function filledSlots(bits: Int32Array): number[] {
  const out: number[] = [];
  for (let s = 0; s < bits.length; s += 2) if (bits[s] !== 0 || bits[s + 1] !== 0) out.push(s >> 1, bits[s]!, bits[s + 1]!);
  return out;
}

/**
 * A prefilter as plain data, for a snapshot made at development time (src/rules/prefilters.ts):
 * building one reads every pattern and took ~200 ms of a thread's CPU with a cold JIT, and until a
 * list had been asked a few pages' worth, every rule pattern ran (and was compiled) unfiltered.
 * Tables are sparse lists of [index, value] (leadBits: [slot, word 0, word 1]).
 */
export interface PrefilterData {
  readonly wideClasses: boolean;
  readonly classOf: readonly number[];
  readonly clauseBits: readonly number[];
  readonly firstBits: readonly number[];
  readonly widePairRows: boolean;
  readonly pairRow: readonly number[];
  readonly pairRows: readonly number[];
  readonly triples: boolean;
  readonly leadBits: readonly number[];
  /** Per rule: need0, need1, firstBit, leadBit. */
  readonly rules: readonly (readonly [number, number, number, number])[];
}

/**
 * What a snapshot was made from: the patterns, in order, and this reader's version. Bump the
 * version with any change to what buildPrefilter makes (or to pairSlot/tripleSlot), so an old
 * snapshot is never read by new code; test/rules/prefilters.test.ts also rebuilds and compares.
 */
export const PREFILTER_VERSION = 2;

// A regex's source is its text as written: a non-ASCII character may be spelt as itself or as a
// \u escape (a bundle written in ASCII spells them all so). Both spellings give one key.
const NON_ASCII_ESCAPE = /\\(?:\\|u([0-9a-fA-F]{4}))/gu;

function keySource(source: string): string {
  return source.replace(NON_ASCII_ESCAPE, (all, hex: string | undefined) => {
    const code = hex === undefined ? 0 : Number.parseInt(hex, 16);
    return code >= 0x80 ? String.fromCharCode(code) : all;
  });
}

export function patternsKey(patterns: readonly (RegExp | undefined)[]): string {
  return `v${PREFILTER_VERSION}\n${patterns.map((p) => (p ? `${p.flags}/${keySource(p.source)}` : '')).join('\n')}`;
}

function sparse(a: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) out.push(i, a[i]!);
  return out;
}

function dense<T extends Uint8Array | Uint16Array | Int32Array>(into: T, pairs: readonly number[]): T {
  for (let k = 0; k < pairs.length; k += 2) into[pairs[k]!] = pairs[k + 1]!;
  return into;
}

export function serializePrefilter(pf: Prefilter): PrefilterData {
  const leadBits: number[] = [];
  pf.leadRow.forEach((row, slot) => {
    if (row !== 0) leadBits.push(slot, pf.leadRows[row * 2]!, pf.leadRows[row * 2 + 1]!);
  });
  return {
    wideClasses: pf.classOf instanceof Uint16Array,
    classOf: sparse(pf.classOf),
    clauseBits: [...pf.clauseBits],
    firstBits: [...pf.firstBits],
    widePairRows: pf.pairRow instanceof Uint16Array,
    pairRow: sparse(pf.pairRow),
    pairRows: [...pf.pairRows],
    triples: pf.triples,
    leadBits,
    rules: pf.rules.map((r) => [r.need0, r.need1, r.firstBit, r.leadBit] as const),
  };
}

export function revivePrefilter(d: PrefilterData): Prefilter {
  const [leadRow, leadRows] = rowsOf(d.leadBits);
  return {
    classOf: dense(d.wideClasses ? new Uint16Array(0x10000) : new Uint8Array(0x10000), d.classOf),
    clauseBits: Int32Array.from(d.clauseBits),
    firstBits: Int32Array.from(d.firstBits),
    pairRow: dense(d.widePairRows ? new Uint16Array(1 << SLOT_BITS) : new Uint8Array(1 << SLOT_BITS), d.pairRow),
    pairRows: Int32Array.from(d.pairRows),
    triples: d.triples,
    leadRow,
    leadRows,
    rules: d.rules.map(([need0, need1, firstBit, leadBit]) => (need0 || need1 || firstBit >= 0 || leadBit >= 0 ? { need0, need1, firstBit, leadBit } : NO_NEEDS)),
  };
}
