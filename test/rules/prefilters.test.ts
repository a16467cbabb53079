// src/rules/prefilters.ts is made by `npm run prefilters`; these tests keep it true to the packs and
// to src/core/prefilter.ts, and check that a snapshot is used only where it fits.
import { describe, expect, it } from 'vitest';
import { compileRules, firstMatch, firstPattern, PATTERN_LISTS, primePrefilter, primeShared, probeOf, sharedPatterns } from '../../src/core/match.js';
import { buildPrefilter, patternsKey, revivePrefilter, serializePrefilter, type Prefilter } from '../../src/core/prefilter.js';
import { defaultRules, mergePacks, packs } from '../../src/rules/index.js';
import { prefilters } from '../../src/rules/prefilters.js';

const bare = { ...defaultRules, prefilters: undefined };
const lists = [sharedPatterns(compileRules(bare)), ...PATTERN_LISTS.map((name) => bare[name].map((r) => r.pattern))];

const tables = (pf: Prefilter): unknown => ({ ...pf, rules: pf.rules.map((r) => ({ ...r })) });

describe('the prefilter snapshot of the built-in packs', () => {
  it('is what building the prefilters gives now (else run `npm run prefilters`)', () => {
    const fresh = lists.flatMap((patterns) => {
      const pf = buildPrefilter(patterns);
      return pf ? [{ key: patternsKey(patterns), data: serializePrefilter(pf) }] : [];
    });
    expect(prefilters.map((p) => p.key)).toEqual(fresh.map((p) => p.key));
    expect(prefilters).toEqual(fresh);
  });

  it('revives to the tables it was made from', () => {
    for (const patterns of lists) {
      const pf = buildPrefilter(patterns);
      if (pf) expect(tables(revivePrefilter(serializePrefilter(pf)))).toEqual(tables(pf));
    }
  });

  it('is found by the patterns however their non-ASCII characters are spelt', () => {
    // The bundle is written in ASCII, so its regex literals spell every CJK character as a \u escape,
    // and a regex's source is its text as written.
    const escaped = (re: RegExp): RegExp => new RegExp(re.source.replace(/[^\x00-\x7f]/gu, (c) => [...c].map((u) => `\\u${u.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join('')), re.flags);
    let respeltLists = 0;
    for (const patterns of lists) {
      const respelt = patterns.map((p) => (p ? escaped(p) : p));
      if (respelt.some((p, i) => p!.source !== patterns[i]!.source)) respeltLists++;
      expect(patternsKey(respelt)).toBe(patternsKey(patterns));
    }
    expect(respeltLists).toBeGreaterThanOrEqual(4);
    // Only escapes of non-ASCII characters are read: "\\u4E2D" (a backslash, then "u4E2D") and
    // "\u0041" stay as written, so patterns that differ keep keys that differ.
    expect(patternsKey([/\\u4E2D/u])).not.toBe(patternsKey([/\u4E2D/u]));
    expect(patternsKey([/\u0041/u])).not.toBe(patternsKey([/A/u]));
    expect(patternsKey([/\u4e2d/u])).toBe(patternsKey([/中/u]));
  });

  it('is in use from the first block for the built-in packs, and not for a pack whose patterns differ', () => {
    expect(compileRules(defaultRules).boilerplate.shared?.shared.lazy.pf).toBeTruthy();
    // A pack from a config file is merged anew: its own patterns, so no snapshot fits it.
    const extra = { ...packs[0]!, id: 'extra', boilerplate: [{ id: 'extra/x', reason: 'nav' as const, pattern: /^menu x$/u }] };
    const merged = compileRules({ ...mergePacks([...packs, extra]), prefilters });
    expect(merged.boilerplate.shared?.shared.lazy.pf).toBeUndefined();
    expect(firstMatch(merged.boilerplate, probeOf(merged, 'menu x'))?.id).toBe('extra/x');
    expect(primeShared(merged)).toBeTruthy();
  });

  it('gives the rules a fresh build gives, line for line', () => {
    const snap = compileRules(defaultRules);
    const built = compileRules(bare);
    primeShared(built);
    const lines = ['阅读全文', '热门新闻', 'Read more »', 'Share this article', '© 2024 Example Corp. All rights reserved.', '(图/法新社)', 'By Jane Doe', '2024-03-01 10:00', '—— ★ ——', 'Photo: AP', '责任编辑：刘林源'];
    const each = ['endMarkers', 'trendingHeaders', 'categories', 'stamps', 'boilerplate'] as const;
    for (const line of lines) {
      const a = probeOf(snap, line.toLowerCase());
      const b = probeOf(built, line.toLowerCase());
      for (const l of each) expect(firstMatch<unknown>(snap[l], a)?.id, line).toBe(firstMatch<unknown>(built[l], b)?.id);
      for (const name of PATTERN_LISTS) {
        primePrefilter(defaultRules[name]);
        const plain = defaultRules[name].find((r) => r.pattern?.test(line));
        expect(firstPattern(defaultRules[name], line)?.rule.id, line).toBe(plain?.id);
      }
    }
  });
});
