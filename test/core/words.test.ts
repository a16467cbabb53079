// The word tables answer as a Set or Map of the sliced word would (issue 8: the slices cost).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordSet, wordTable } from '../../src/core/words.js';
import { defaultRules } from '../../src/rules/index.js';
import { languageProfiles } from '../../src/rules/langs.js';

// 0: the hash table from the first lookup; Infinity: the Map, slice by slice, for good.
describe.each([0, Number.POSITIVE_INFINITY])('wordTable, hash table after %d lookups', (warmAfter) => {
  const stop = [...new Set(defaultRules.stopwords.map((w) => w.toLowerCase()))];
  const set = new Set(stop);
  const table = wordSet(stop, warmAfter);

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
    const t = wordTable(map, warmAfter);
    for (const [w, v] of map) expect(t.find(w, 0, w.length)).toBe(v);
    expect(t.longest).toBe(Math.max(...words.map((w) => w.length)));
    expect(t.find('zzzzqq', 0, 6)).toBeUndefined();
    expect(wordSet([], warmAfter).find('a', 0, 1)).toBeUndefined();
    expect(wordSet([], warmAfter).find('', 0, 0)).toBeUndefined();
  });

  it('lets a later duplicate win, as a Map does', () => {
    const t = wordTable([['the', 1], ['a', 2], ['the', 3]], warmAfter);
    expect([t.find('the', 0, 3), t.find('a', 0, 1)]).toEqual([3, 2]);
  });
});

describe('wordTable warm-up', () => {
  it('answers the same before and after it builds its hash table', () => {
    const words = languageProfiles.flatMap((p) => p.stopwords ?? []);
    const t = wordTable(words.map((w, i) => [w, i] as const), 3);
    const probes = [...words.slice(0, 50), 'zzzz', '', 'x'];
    const before = probes.map((w) => t.find(`.${w}.`, 1, 1 + w.length));
    const after = probes.map((w) => t.find(`.${w}.`, 1, 1 + w.length));
    expect(after).toEqual(before);
    expect(before.slice(0, 50).every((v) => v !== undefined)).toBe(true);
  });
});
