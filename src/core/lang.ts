import type { LanguageProfile } from './types.js';

const SCRIPTS = {
  han: /\p{Script=Han}/gu,
  kana: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu,
  hangul: /\p{Script=Hangul}/gu,
  latin: /\p{Script=Latin}/gu,
  cyrillic: /\p{Script=Cyrillic}/gu,
} as const;

/** Prepared once per run: sets instead of arrays. */
export interface LanguageModel {
  readonly profiles: readonly { profile: LanguageProfile; stop: ReadonlySet<string>; chars: ReadonlySet<string> }[];
}

export function prepareLanguages(profiles: readonly LanguageProfile[]): LanguageModel {
  return {
    profiles: profiles.map((profile) => ({
      profile,
      stop: new Set(profile.stopwords ?? []),
      chars: new Set(profile.chars ?? ''),
    })),
  };
}

// A few thousand characters tell the language; more only costs time on large pages.
const SAMPLE = 20_000;

/** A BCP 47 tag for the text ('zh-Hans', 'en', ...), or 'und' when nothing decides. */
export function guessLanguage(text: string, model: LanguageModel): string {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const counts = Object.fromEntries(
    Object.entries(SCRIPTS).map(([k, re]) => [k, sample.match(re)?.length ?? 0]),
  ) as Record<keyof typeof SCRIPTS, number>;
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
      for (const ch of sample) if (c.chars.has(ch)) hits++;
      if (hits > bestHits) [best, bestHits] = [c.profile.code, hits];
    }
    return best;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: string | undefined;
  let bestHits = 0;
  for (const c of candidates) {
    let hits = 0;
    for (const w of words) if (c.stop.has(w)) hits++;
    if (hits > bestHits) [best, bestHits] = [c.profile.code, hits];
  }
  return candidates.length === 1 ? candidates[0]!.profile.code : best;
}
