import type { LanguageProfile } from './types.js';
import { codePointLength } from './text.js';

// Each script's complement: deleting every run of other characters leaves the script's characters,
// which is cheaper than a match array of one string per character.
const OTHER_THAN = {
  han: /\P{Script=Han}+/gu,
  kana: /[^\p{Script=Hiragana}\p{Script=Katakana}]+/gu,
  hangul: /\P{Script=Hangul}+/gu,
  latin: /\P{Script=Latin}+/gu,
  cyrillic: /\P{Script=Cyrillic}+/gu,
} as const;

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
}

export function prepareLanguages(profiles: readonly LanguageProfile[]): LanguageModel {
  const prepared = profiles.map((profile) => {
    const chars = new Set(profile.chars ?? '');
    return { profile, stop: new Set(profile.stopwords ?? []), chars, codes: new Set([...chars].map((ch) => ch.codePointAt(0)!)) };
  });
  const stopIn = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    for (const w of p.stop) {
      const list = stopIn.get(w);
      if (list) list.push(i);
      else stopIn.set(w, [i]);
    }
  });
  return { profiles: prepared, stopIn };
}

/** Code points of the sample in the script: what `sample.match(/\p{Script=…}/gu).length` counts. */
function countScript(sample: string, otherThan: RegExp): number {
  return codePointLength(sample.replace(otherThan, ''));
}

// A few thousand characters tell the language; more only costs time on large pages.
const SAMPLE = 20_000;

/** A BCP 47 tag for the text ('zh-Hans', 'en', ...), or 'und' when nothing decides. */
export function guessLanguage(text: string, model: LanguageModel): string {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const counts = {
    han: countScript(sample, OTHER_THAN.han),
    kana: countScript(sample, OTHER_THAN.kana),
    hangul: countScript(sample, OTHER_THAN.hangul),
    latin: countScript(sample, OTHER_THAN.latin),
    cyrillic: countScript(sample, OTHER_THAN.cyrillic),
  };
  if (counts.kana > 0 && counts.kana * 5 >= counts.han) return pick(model, 'kana', sample) ?? 'ja';
  if (counts.hangul > counts.han && counts.hangul * 3 > counts.latin) return 'ko';
  // Han letters carry about three Latin letters' worth of text each.
  if (counts.han * 3 > counts.latin + counts.cyrillic) return pick(model, 'han', sample) ?? 'zh';
  if (counts.cyrillic > counts.latin) return pick(model, 'cyrillic', sample) ?? 'und';
  if (counts.latin > 0) return pick(model, 'latin', sample) ?? 'und';
  return 'und';
}

function pick(model: LanguageModel, script: LanguageProfile['script'], sample: string): string | undefined {
  const candidates = model.profiles.filter((p) => p.profile.script === script);
  if (candidates.length === 0) return undefined;
  if (script === 'han') {
    let best: string | undefined;
    let bestHits = 0;
    for (const c of candidates) {
      let hits = 0;
      for (let i = 0; i < sample.length; i++) {
        const cp = sample.codePointAt(i)!;
        if (cp > 0xffff) i++;
        if (c.codes.has(cp)) hits++;
      }
      if (hits > bestHits) [best, bestHits] = [c.profile.code, hits];
    }
    return best;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  // One lookup per word for all profiles, then the same first-best choice as before.
  const hitsOf = new Map<number, number>();
  for (const w of words) {
    const ids = model.stopIn.get(w);
    if (ids) for (const id of ids) hitsOf.set(id, (hitsOf.get(id) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestHits = 0;
  for (const c of candidates) {
    const hits = hitsOf.get(model.profiles.indexOf(c)) ?? 0;
    if (hits > bestHits) [best, bestHits] = [c.profile.code, hits];
  }
  return candidates.length === 1 ? candidates[0]!.profile.code : best;
}
