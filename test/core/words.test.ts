// The word tables answer as a Set or Map of the sliced word would (issue 8: the slices cost).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordSet, wordTable } from '../../src/core/words.js';
import { defaultRules } from '../../src/rules/index.js';
import { languageProfiles } from '../../src/rules/langs.js';

describe('wordTable', () => {
  const stop = [...new Set(defaultRules.stopwords.map((w) => w.toLowerCase()))];
  const set = new Set(stop);
  const table = wordSet(stop);

  it('finds every word of the stopword lists, at any offset of a longer text', () => {
    for (const w of stop) {
      expect(table.find(w, 0, w.length), w).toBe(true);
      expect(table.find(`x ${w}.`, 2, 2 + w.length), w).toBe(true);
    }
  });

  it('answers as Set.has of the slice on random ranges of random texts', () => {
    const pieces = [...stop.slice(0, 200), ' ', "'", '-', 'é', '\u{1F600}', '\ud800', '中'];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
        const start = a % (s.length + 1);
        const end = start + (b % (s.length - start + 1));
        return (table.find(s, start, end) === true) === set.has(s.slice(start, end));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the value a Map of the words gives, and nothing for the empty table', () => {
    const words = languageProfiles.flatMap((p) => p.stopwords ?? []);
    const map = new Map(words.map((w, i) => [w, i]));
    const t = wordTable(map);
    for (const [w, v] of map) expect(t.find(w, 0, w.length)).toBe(v);
    expect(t.longest).toBe(Math.max(...words.map((w) => w.length)));
    expect(t.find('zzzzqq', 0, 6)).toBeUndefined();
    expect(wordSet([]).find('a', 0, 1)).toBeUndefined();
    expect(wordSet([]).find('', 0, 0)).toBeUndefined();
  });
});
