// guessLanguage counts scripts and words with lookup tables (issue 8); these hold it to the plain
// regex definitions it replaced, kept below as the reference.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointScripts, guessLanguage, prepareLanguages, scriptsByRegex, type LanguageModel } from '../../src/core/lang.js';
import { languageProfiles } from '../../src/rules/langs.js';
import type { LanguageProfile } from '../../src/core/types.js';

const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;

/** The definition: match arrays per script, Set lookups per character and word. */
function slowGuess(text: string, model: LanguageModel): string {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const han = count(sample, /\p{Script=Han}/gu);
  const kana = count(sample, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const hangul = count(sample, /\p{Script=Hangul}/gu);
  const latin = count(sample, /\p{Script=Latin}/gu);
  const cyrillic = count(sample, /\p{Script=Cyrillic}/gu);
  const pick = (script: LanguageProfile['script']): string | undefined => {
    const candidates = model.profiles.filter((p) => p.profile.script === script);
    if (candidates.length === 0) return undefined;
    let best: string | undefined;
    let bestHits = 0;
    const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
    for (const c of candidates) {
      const hits = script === 'han' ? [...sample].filter((ch) => c.chars.has(ch)).length : words.filter((w) => c.stop.has(w)).length;
      if (hits > bestHits) [best, bestHits] = [c.profile.code, hits];
    }
    return script === 'han' || candidates.length !== 1 ? best : candidates[0]!.profile.code;
  };
  if (kana > 0 && kana * 5 >= han) return pick('kana') ?? 'ja';
  if (hangul > han && hangul * 3 > latin) return 'ko';
  if (han * 3 > latin + cyrillic) return pick('han') ?? 'zh';
  if (cyrillic > latin) return pick('cyrillic') ?? 'und';
  if (latin > 0) return pick('latin') ?? 'und';
  return 'und';
}

// The longest stopword of each list sits on the edge of the word-length shortcut.
const longest = languageProfiles.flatMap((p) => (p.stopwords ?? []).reduce<string[]>((a, w) => (w.length > (a[0]?.length ?? 0) ? [w] : a), []));
const pieces = [...longest, '的', '这', '這', '们', '們', '国', '國', 'の', 'ア', '한', 'Д', 'и', 'в', 'the', 'and', 'de', 'que', 'der', 'und', 'yang', 'il',
  'İ', 'ß', 'É', 'é', '\u{20000}', '\u{1D400}', '\ud800', '\udc00', ' ', '.', '1', 'x', 'Ω'];
const text = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 5 })), { maxLength: 40 })
  .map((a) => a.join(' '));

describe('guessLanguage equals its definition', () => {
  const model = prepareLanguages(languageProfiles);

  it('on random texts', () => {
    fc.assert(fc.property(text, (s) => guessLanguage(s, model) === slowGuess(s, model)), { numRuns: 3000 });
  });

  it('on the fixtures, and cut at the sample size', () => {
    const dir = join(__dirname, '../../fixtures');
    for (const name of readdirSync(dir)) {
      const f = join(dir, name, 'input.txt');
      if (!existsSync(f)) continue;
      const t = readFileSync(f, 'utf8');
      expect(guessLanguage(t, model), name).toBe(slowGuess(t, model));
      const long = t.repeat(Math.ceil(20_001 / Math.max(1, t.length)));
      expect(guessLanguage(long, model), name).toBe(slowGuess(long, model));
    }
  });

  it('counts the longest stopwords', () => {
    for (const w of longest) expect(guessLanguage(`${w} ${w}`, model), w).toBe(slowGuess(`${w} ${w}`, model));
  });

  it('tells the languages apart', () => {
    expect(guessLanguage('这是我们的国家，他们说这个问题很重要。', model)).toBe('zh-Hans');
    expect(guessLanguage('這是我們的國家，他們說這個問題很重要。', model)).toBe('zh-Hant');
    expect(guessLanguage('The minister said that the plan would be ready by the end of the year.', model)).toBe('en');
    expect(guessLanguage('Он сказал, что план будет готов к концу года.', model)).toBe('ru');
    expect(guessLanguage('', model)).toBe('und');
  });
});

describe('script bits without the regexes', () => {
  it('give the regexes\' bits on every code point of ASCII and of U+4E00-9FFF', () => {
    const differ: number[] = [];
    for (let cp = 0; cp < 0x80; cp++) if (codePointScripts(cp) !== scriptsByRegex(cp)) differ.push(cp);
    for (let cp = 0x4e00; cp <= 0x9fff; cp++) if (codePointScripts(cp) !== scriptsByRegex(cp)) differ.push(cp);
    expect(differ).toEqual([]);
  });

  it('build the stopword tables only for a page that needs them', () => {
    let reads = 0;
    const counted = languageProfiles.map((p) => ({
      ...p,
      get stopwords() {
        reads++;
        return p.stopwords;
      },
    }));
    const model = prepareLanguages(counted);
    expect(guessLanguage('国务院总理今天主持召开国务院常务会议，部署进一步优化营商环境的措施。', model)).toBe('zh-Hans');
    expect(reads).toBe(0);
    expect(guessLanguage('The government said on Wednesday that the plan would be ready by the end of the year.', model)).toBe('en');
    expect(reads).toBeGreaterThan(0);
  });
});
