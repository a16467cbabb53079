import type { LanguageProfile } from './types.js';
import { wordTable, type WordTable } from './words.js';

// Script bits of a code point, by the Unicode Script property.
const HAN = 1;
const KANA = 2;
const HANGUL = 4;
const LATIN = 8;
const CYRILLIC = 16;
// Not a script: \p{L}, the letters pick() reads words of.
const LETTER = 32;
const IN_SCRIPT: readonly [number, RegExp][] = [
  [HAN, /\p{Script=Han}/u],
  [KANA, /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  [HANGUL, /\p{Script=Hangul}/u],
  [LATIN, /\p{Script=Latin}/u],
  [CYRILLIC, /\p{Script=Cyrillic}/u],
  [LETTER, /\p{L}/u],
];

// A BMP code unit whose script bits are not known yet.
const UNKNOWN = 0xff;

/**
 * Script bits of the BMP code units, looked up with the same Unicode property regexes the first
 * time each unit is met and kept: a page uses a few thousand distinct characters, and a table
 * built for all 63,000 up front cost 20 ms of every run. Surrogates get no bits; pairs are
 * looked up one by one (they are rare).
 */
function scriptsOf(table: Uint8Array, c: number): number {
  let bits = table[c]!;
  if (bits === UNKNOWN) table[c] = bits = c >= 0xd800 && c <= 0xdfff ? 0 : codePointScripts(c);
  return bits;
}

/**
 * Script bits of a code point. The CJK Unified Ideographs block and ASCII, most of what pages hold,
 * are answered without the regexes (a Chinese page then compiles none of them); a test holds both
 * ranges to scriptsByRegex.
 */
export function codePointScripts(cp: number): number {
  if (cp >= 0x4e00 && cp <= 0x9fff) return HAN | LETTER;
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? LATIN | LETTER : 0;
  return scriptsByRegex(cp);
}

/** Script bits by the Unicode property regexes: the definition. */
export function scriptsByRegex(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let bits = 0;
  for (const [bit, re] of IN_SCRIPT) if (re.test(ch)) bits |= bit;
  return bits;
}

/** Prepared once per run: sets instead of arrays. */
export interface LanguageModel {
  readonly profiles: readonly {
    profile: LanguageProfile;
    stop: ReadonlySet<string>;
    chars: ReadonlySet<string>;
    /** `chars` by code point, for a loop over the text without a string per character. */
    codes: ReadonlySet<number>;
  }[];
  /** For each stopword, the indexes (into `profiles`) of the profiles that list it. */
  readonly stopIn: ReadonlyMap<string, readonly number[]>;
  /** stopIn, looked up by a range of the text without cutting the word out. */
  readonly stopTable: WordTable<readonly number[]>;
  /** The most code units a stopword has. */
  readonly longestStop: number;
  /** Script (and letter) bits per BMP code unit, filled in as units are met (a memo; see scriptsOf). */
  readonly scripts: Uint8Array;
  /** Per BMP code unit, a bit for each of the first 16 profiles whose `chars` hold it. */
  readonly charsIn: Uint16Array;
}

export function prepareLanguages(profiles: readonly LanguageProfile[]): LanguageModel {
  const prepared = profiles.map((profile) => {
    const chars = new Set(profile.chars ?? '');
    let stop: Set<string> | undefined;
    return {
      profile,
      get stop() {
        return (stop ??= new Set(profile.stopwords ?? []));
      },
      chars,
      codes: new Set([...chars].map((ch) => ch.codePointAt(0)!)),
    };
  });
  let words: { stopIn: Map<string, number[]>; stopTable: WordTable<readonly number[]>; longestStop: number } | undefined;
  const stopWords = () => {
    if (words) return words;
    const stopIn = new Map<string, number[]>();
    prepared.forEach((p, i) => {
      for (const w of p.stop) {
        const list = stopIn.get(w);
        if (list) list.push(i);
        else stopIn.set(w, [i]);
      }
    });
    let longestStop = 0;
    for (const w of stopIn.keys()) longestStop = Math.max(longestStop, w.length);
    return (words = { stopIn, stopTable: wordTable(stopIn), longestStop });
  };
  const charsIn = new Uint16Array(0x10000);
  prepared.slice(0, 16).forEach((p, i) => {
    for (const cp of p.codes) if (cp <= 0xffff) charsIn[cp]! |= 1 << i;
  });
  return {
    profiles: prepared,
    get stopIn() {
      return stopWords().stopIn;
    },
    get stopTable() {
      return stopWords().stopTable;
    },
    get longestStop() {
      return stopWords().longestStop;
    },
    scripts: new Uint8Array(0x10000).fill(UNKNOWN),
    charsIn,
  };
}

// A few thousand characters tell the language; more only costs time on large pages.
const SAMPLE = 20_000;

/** A BCP 47 tag for the text ('zh-Hans', 'en', ...), or 'und' when nothing decides. */
export function guessLanguage(text: string, model: LanguageModel): string {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  // Code points per script, as `sample.match(/\p{Script=…}/gu).length` would count them: code
  // points per combination of script bits first, one count a code point, then per script.
  const { scripts } = model;
  const byBits = new Int32Array(LETTER << 1);
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    let bits = scriptsOf(scripts, c);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < sample.length) {
      const d = sample.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bits = codePointScripts(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        i++;
      }
    }
    byBits[bits]!++;
  }
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let latin = 0;
  let cyrillic = 0;
  for (let bits = 1; bits < byBits.length; bits++) {
    const n = byBits[bits]!;
    if (bits & HAN) han += n;
    if (bits & KANA) kana += n;
    if (bits & HANGUL) hangul += n;
    if (bits & LATIN) latin += n;
    if (bits & CYRILLIC) cyrillic += n;
  }
  if (kana > 0 && kana * 5 >= han) return pick(model, 'kana', sample) ?? 'ja';
  if (hangul > han && hangul * 3 > latin) return 'ko';
  // Han letters carry about three Latin letters' worth of text each.
  if (han * 3 > latin + cyrillic) return pick(model, 'han', sample) ?? 'zh';
  if (cyrillic > latin) return pick(model, 'cyrillic', sample) ?? 'und';
  if (latin > 0) return pick(model, 'latin', sample) ?? 'und';
  return 'und';
}

/** Per profile (by index), how many code points of the sample its `chars` hold. */
function charHits(model: LanguageModel, sample: string): number[] {
  const hits = new Array<number>(model.profiles.length).fill(0);
  const { charsIn } = model;
  let astral: number[] | null = null;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < sample.length) {
      const d = sample.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        (astral ??= []).push(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    let bits = charsIn[c]!;
    for (let k = 0; bits !== 0; k++, bits >>>= 1) if (bits & 1) hits[k]!++;
  }
  // Profiles past the 16 bits, and astral characters, the slow way.
  model.profiles.forEach((p, k) => {
    if (k >= 16) {
      for (let i = 0; i < sample.length; i++) {
        const cp = sample.codePointAt(i)!;
        if (cp > 0xffff) i++;
        else if (p.codes.has(cp)) hits[k]!++;
      }
    }
    for (const cp of astral ?? []) if (p.codes.has(cp)) hits[k]!++;
  });
  return hits;
}

function pick(model: LanguageModel, script: LanguageProfile['script'], sample: string): string | undefined {
  const candidates = model.profiles.filter((p) => p.profile.script === script);
  if (candidates.length === 0) return undefined;
  if (script === 'han') {
    const hitsOf = charHits(model, sample);
    let best: string | undefined;
    let bestHits = 0;
    for (const c of candidates) {
      const hits = hitsOf[model.profiles.indexOf(c)]!;
      if (hits > bestHits) [best, bestHits] = [c.profile.code, hits];
    }
    return best;
  }
  // The words are the runs of \p{L} in the lower-cased sample; one lookup per word serves all profiles.
  const lower = sample.toLowerCase();
  const { scripts, stopTable, longestStop } = model;
  const hitsOf = new Array<number>(model.profiles.length).fill(0);
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    let bits = 0;
    let width = 1;
    if (i < lower.length) {
      const c = lower.charCodeAt(i);
      // Most units of a Latin sample are a-z, letters by any table: no lookup for them.
      if (c >= 0x61 && c <= 0x7a) {
        if (start < 0) start = i;
        continue;
      }
      const d = c >= 0xd800 && c <= 0xdbff && i + 1 < lower.length ? lower.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        bits = codePointScripts(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        width = 2;
      } else bits = scriptsOf(scripts, c);
    }
    if (bits & LETTER) {
      if (start < 0) start = i;
      i += width - 1;
      continue;
    }
    if (start >= 0 && i - start <= longestStop) {
      const ids = stopTable.find(lower, start, i);
      if (ids) for (let k = 0; k < ids.length; k++) hitsOf[ids[k]!]!++;
    }
    start = -1;
  }
  let best: string | undefined;
  let bestHits = 0;
  for (const c of candidates) {
    const hits = hitsOf[model.profiles.indexOf(c)]!;
    if (hits > bestHits) [best, bestHits] = [c.profile.code, hits];
  }
  return candidates.length === 1 ? candidates[0]!.profile.code : best;
}
