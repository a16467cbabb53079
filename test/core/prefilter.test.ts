// The prefilter skips a pattern only when the pattern cannot match: these hold it to the regexes,
// on the rule packs' own patterns, on fixture lines, and on random patterns and texts.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allows, analysePattern, buildPrefilter, isCaseless } from '../../src/core/prefilter.js';
import { compileRules, firstMatch, firstPattern, primePrefilter, primeShared, probeOf, type RuleList } from '../../src/core/match.js';
import { matchForm } from '../../src/core/text.js';
import { defaultRules } from '../../src/rules/index.js';
import type { LineRule } from '../../src/core/types.js';

const lists = ['boilerplate', 'trendingHeaders', 'endMarkers', 'stamps', 'categories', 'captionCues', 'datelines', 'bylines', 'dates', 'editors'] as const;
const patterns: { id: string; re: RegExp }[] = lists.flatMap((l) =>
  (defaultRules[l] as readonly LineRule[]).flatMap((r) => (r.pattern ? [{ id: r.id, re: r.pattern }] : [])),
);

const fixtureLines = ((): string[] => {
  const dir = join(__dirname, '../../fixtures');
  return readdirSync(dir).flatMap((name) => {
    const f = join(dir, name, 'input.txt');
    if (!existsSync(f)) return [];
    const lines = readFileSync(f, 'utf8').split(/\r?\n/u);
    return lines.flatMap((l) => [l.trim(), matchForm(l)]);
  });
})();

// Pieces of what the rules look for, so random texts do meet the patterns now and then.
const pieces = [
  ...new Set(patterns.flatMap(({ re }) => re.source.match(/[\p{L}\p{N}©@:：/|()（）[\]【】.\- ]{1,12}/gu) ?? [])),
  ...defaultRules.boilerplate.flatMap((r) => r.exact ?? []).slice(0, 60),
  ' ', '  ', '\u3000', '\u00a0', '2012', '12:43', '07.15.12', 'K', 'ſ', 'K', 'S', 'İ', '...', '…', '\ud800', '\u{1F600}',
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 3 }), fc.string({ maxLength: 4 })), { maxLength: 12 })
  .map((a) => a.join(''));

describe('analysePattern on the rule packs', () => {
  const analysed = patterns.map((p) => ({ ...p, needs: analysePattern(p.re) }));

  it('reads most patterns of the packs', () => {
    const useful = analysed.filter((a) => a.needs.first || a.needs.clauses.length > 0);
    expect(useful.length).toBeGreaterThan(analysed.length * 0.6);
  });

  it('never rules out a fixture line a pattern matches', () => {
    for (const { id, re, needs } of analysed) for (const line of fixtureLines) if (re.test(line)) expect(allows(needs, line), `${id}: ${line}`).toBe(true);
  });

  it('never rules out a random text a pattern matches', () => {
    fc.assert(
      fc.property(text, (s) => analysed.every(({ re, needs }) => !re.test(s) || allows(needs, s))),
      { numRuns: 3000 },
    );
  });
});

describe('analysePattern: units, pairs and triples in a row', () => {
  it('needs three letters in a row where the pattern spells them, in either case under i', () => {
    const needs = analysePattern(/\b(?:afp|epa)\b/iu);
    // "af" and "fp" are there, but not "afp": pairs alone would let the pattern run.
    expect(allows(needs, 'af fp ep pa')).toBe(false);
    expect(allows(needs, 'photo: AFP')).toBe(true);
    expect(allows(needs, 'ePa')).toBe(true);
    expect(/\b(?:afp|epa)\b/iu.test('af fp ep pa')).toBe(false);
  });

  it('filters with triples as the plain list does, on a list of literal-word patterns', () => {
    const words = ['afp', 'epa', 'reuters', 'getty', 'xinhua', '新华社', 'ap photo'];
    const list = words.map((w, i) => ({ id: `t/w${i}`, reason: 'nav' as const, pattern: new RegExp(`\\b${w}\\b`, 'iu') }));
    const compiled = compileRules({ ...defaultRules, boilerplate: list }).boilerplate;
    expect(compiled.prefilter).toBeTruthy();
    const plain = Object.assign([...compiled], { firstExact: compiled.firstExact });
    const texts = fc.array(fc.constantFrom('af', 'fp', 'afp', 'AFP', 'e', 'pa', 'ep', ' ', 'reu', 'ters', 'getty', '新华', '社', 'ap', ' photo', 'x'), { maxLength: 10 }).map((a) => a.join(''));
    fc.assert(fc.property(texts, (t) => firstMatch(compiled, t)?.id === firstMatch(plain, t)?.id), { numRuns: 3000 });
  });
});

describe('firstMatch with the prefilter', () => {
  const rules = compileRules(defaultRules);
  const plain = (list: RuleList<unknown>): RuleList<unknown> => Object.assign([...list], { firstExact: list.firstExact });
  const each = ['boilerplate', 'trendingHeaders', 'endMarkers', 'stamps', 'categories'] as const;
  const list = (l: (typeof each)[number]): RuleList<unknown> => rules[l];

  it('has a prefilter for the lists with patterns, built on first read', () => {
    expect(rules.boilerplate.prefilter).toBeTruthy();
    expect(rules.stamps.prefilter).toBeTruthy();
    // The comparisons below must run with the prefilter, not before it warms up.
    for (const l of each) void list(l).prefilter;
  });

  it('leaves a fresh list without a prefilter until it has been asked for a few pages', () => {
    const fresh = compileRules(defaultRules).boilerplate;
    for (let i = 0; i < 100; i++) firstMatch(fresh, `line ${i}`);
    expect(fresh.lazy?.pf).toBeUndefined();
    for (let i = 0; i < 5000; i++) firstMatch(fresh, `line ${i}`);
    expect(fresh.lazy?.pf).toBeTruthy();
  });

  it('finds the rule the plain list finds, on fixture lines', () => {
    for (const l of each) {
      const p = plain(list(l));
      for (const line of fixtureLines) expect(firstMatch(list(l), line)?.id, `${l}: ${line}`).toBe(firstMatch(p, line)?.id);
    }
  });

  it('matches as the plain list does in a list of more than 32 clauses (both words of bits)', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `t/r${i}`, reason: 'nav' as const, pattern: new RegExp(`x${String.fromCharCode(0x4e00 + i)}y`, 'u') }));
    const big = compileRules({ ...defaultRules, boilerplate: many }).boilerplate;
    expect(big.prefilter?.rules.some((r) => r.need1 !== 0)).toBe(true);
    for (let i = 0; i < 40; i++) {
      const s = `a x${String.fromCharCode(0x4e00 + i)}y b`;
      expect(firstMatch(big, s)?.id, s).toBe(`t/r${i}`);
      expect(firstMatch(big, `x${String.fromCharCode(0x4e00 + i)}`)).toBeUndefined();
    }
  });

  it('tests a wide first class on the units the other rules name and lets every other first unit run', () => {
    const wide = [
      { id: 't/deco', reason: 'decoration' as const, pattern: /^[\p{P}\p{S}\d]{1,9}$/u },
      { id: 't/word', reason: 'nav' as const, pattern: /^(?:menu|home|«x)$/u },
      { id: 't/letters', reason: 'nav' as const, pattern: /^\p{Lu}+$/u },
    ];
    const compiled = compileRules({ ...defaultRules, boilerplate: wide }).boilerplate;
    const pf = compiled.prefilter!;
    // m and h start no decoration; « (named by t/word) and 9 or ★ (named by nothing) may.
    const firstOk = (s: string): boolean => (pf.firstBits[pf.classOf[s.charCodeAt(0)]! * 2]! & (1 << pf.rules[0]!.firstBit)) !== 0;
    expect(pf.rules[0]!.firstBit).toBeGreaterThanOrEqual(0);
    expect([firstOk('menu'), firstOk('home'), firstOk('«'), firstOk('9'), firstOk('★')]).toEqual([false, false, true, true, true]);
    for (const s of ['«»', '9.', '★★', '\u{1F600}!', 'menu', 'home', '«x', 'ABC', 'm.', '-1', '中']) {
      expect(firstMatch(compiled, s)?.id, s).toBe(firstMatch(plain(compiled), s)?.id);
    }
    fc.assert(fc.property(text, (s) => firstMatch(compiled, s)?.id === firstMatch(plain(compiled), s)?.id), { numRuns: 2000 });
  });

  it('finds the rule the plain list finds, on random texts', () => {
    const plains = each.map((l) => [list(l), plain(list(l))] as const);
    fc.assert(
      fc.property(text, (s) => plains.every(([a, b]) => firstMatch(a, s)?.id === firstMatch(b, s)?.id)),
      { numRuns: 3000 },
    );
  });
});

describe('firstMatch on a probe (one lookup and one scan for all the norm lists)', () => {
  // Without the packs' snapshot, so the first lines run before any prefilter exists.
  const rules = compileRules({ ...defaultRules, prefilters: undefined });
  const plain = (list: RuleList<unknown>): RuleList<unknown> => Object.assign([...list], { firstExact: list.firstExact });
  const each = ['endMarkers', 'trendingHeaders', 'categories', 'stamps', 'boilerplate'] as const;
  const list = (l: (typeof each)[number]): RuleList<unknown> => rules[l];
  const same = (s: string): boolean => {
    const probe = probeOf(rules, s);
    return each.every((l) => firstMatch(list(l), probe)?.id === firstMatch(plain(list(l)), s)?.id);
  };

  it('finds the rule the plain list finds before and after the shared prefilter is built', () => {
    for (const line of fixtureLines.slice(0, 300)) expect(same(line), line).toBe(true);
    expect(primeShared(rules)).toBeTruthy();
    for (const line of fixtureLines) expect(same(line), line).toBe(true);
    for (const l of each) for (const r of rules[l]) for (const s of r.exact) expect(same(s), s).toBe(true);
    fc.assert(fc.property(text, same), { numRuns: 3000 });
  });

  it('filters as many rules with one shared prefilter as with one per list', () => {
    const shared = primeShared(rules)!;
    const filtered = (rs: readonly { need0: number; need1: number; firstBit: number }[]): number => rs.filter((n) => n.need0 || n.need1 || n.firstBit >= 0).length;
    const separate = each.reduce((n, l) => n + filtered(rules[l].prefilter?.rules ?? []), 0);
    // At least as many: a list alone with fewer than three patterns that need the scan drops it.
    expect(filtered(shared.rules)).toBeGreaterThanOrEqual(separate);
    expect(filtered(shared.rules)).toBeGreaterThan(40);
  });

  it('reads a probe of another matcher as its text', () => {
    const other = compileRules(defaultRules);
    for (const line of fixtureLines.slice(0, 200)) {
      const probe = probeOf(other, line);
      for (const l of each) expect(firstMatch(list(l), probe)?.id, line).toBe(firstMatch(plain(list(l)), line)?.id);
    }
  });
});

describe('firstPattern with the prefilter', () => {
  const plainFirst = (rules: readonly LineRule[], s: string): string | undefined => {
    for (const r of rules) {
      const m = r.pattern?.exec(s);
      if (m) return `${r.id}:${m[0]}:${m[1]}`;
      if (r.exact?.includes(s)) return `${r.id}:${s}:undefined`;
    }
    return undefined;
  };
  const shown = (rules: readonly LineRule[], s: string): string | undefined => {
    const hit = firstPattern(rules, s);
    return hit && `${hit.rule.id}:${hit.m[0]}:${hit.m[1]}`;
  };
  const textLists = ['captionCues', 'datelines', 'bylines', 'dates', 'editors', 'boilerplate', 'stamps'] as const;

  it('finds the rule and match the plain loop finds, on fixture lines and random texts', () => {
    for (const l of textLists) primePrefilter(defaultRules[l]);
    for (const l of textLists) for (const line of fixtureLines) expect(shown(defaultRules[l], line), `${l}: ${line}`).toBe(plainFirst(defaultRules[l], line));
    fc.assert(
      fc.property(text, (s) => textLists.every((l) => shown(defaultRules[l], s) === plainFirst(defaultRules[l], s))),
      { numRuns: 2000 },
    );
  });

  it('skips a length-guarded pattern on a text longer than its guard, counting code points', () => {
    const runs: string[] = [];
    class Counted extends RegExp {
      override exec(s: string): RegExpExecArray | null {
        runs.push(s);
        return super.exec(s);
      }
    }
    const rules: LineRule[] = [{ id: 'x/guarded', pattern: new Counted('^(?=.{0,6}$)ab', 'u') }];
    const astral = 'ab😀😀😀😀'; // 10 code units, 6 code points
    expect(firstPattern(rules, 'ab')?.rule.id).toBe('x/guarded');
    expect(firstPattern(rules, astral)?.m[0]).toBe('ab');
    expect(firstPattern(rules, 'abcdefg')).toBeUndefined();
    expect(firstPattern(rules, `ab${'😀'.repeat(5)}`)).toBeUndefined();
    expect(runs).toEqual(['ab', astral]);
  });
});

// Random patterns over a small alphabet, with the constructs the reader handles and some it refuses.
const alphabet = ['a', 'b', 'k', 's', 'K', 'S', '中', '文', ':', '1', ' ', '-', '.'];
const atom: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...alphabet.map((c) => (c === '.' ? '\\.' : c === '-' ? '\\-' : c)).filter((c) => c !== '\\-')),
  fc.constantFrom('.', '\\d', '\\s', '\\w', '\\D', '\\S', '\\W', '[ab]', '[a-k]', '[^a]', '[中文]', '[\\d:]', '[\\w-]', '\\p{L}', '\\u4e2d', '\\x61', '\\b', '\\B', '^', '$', '-'),
);
const regex: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: atom, weight: 6 },
    { arbitrary: fc.tuple(tie('node'), tie('node')).map(([x, y]) => x + y), weight: 6 },
    { arbitrary: fc.tuple(tie('node'), tie('node')).map(([x, y]) => `(?:${x}|${y})`), weight: 2 },
    { arbitrary: fc.tuple(tie('node'), fc.constantFrom('*', '+', '?', '{2}', '{0,2}', '{1,}', '+?')).map(([x, q]) => `(?:${x})${q}`), weight: 2 },
    { arbitrary: tie('node').map((x) => `(?=${x})`), weight: 1 },
    { arbitrary: tie('node').map((x) => `(?!${x})`), weight: 1 },
    { arbitrary: tie('node').map((x) => `(?<=${x})`), weight: 1 },
    { arbitrary: tie('node').map((x) => `(?<!${x})`), weight: 1 },
    { arbitrary: tie('node').map((x) => `(${x})`), weight: 1 },
  ),
})).node;
const small = fc.array(fc.constantFrom(...alphabet, 'ſ', 'K', 'İ', '\u3000'), { maxLength: 8 }).map((a) => a.join(''));

describe('analysePattern on random patterns', () => {
  it('never rules out a text the pattern matches', () => {
    fc.assert(
      fc.property(regex, fc.boolean(), fc.boolean(), fc.array(small, { minLength: 1, maxLength: 20 }), (source, anchored, ignoreCase, texts) => {
        let re: RegExp;
        try {
          re = new RegExp(anchored ? `^${source}` : source, ignoreCase ? 'iu' : 'u');
        } catch {
          return true;
        }
        const needs = analysePattern(re);
        return texts.every((s) => !re.test(s) || allows(needs, s));
      }),
      { numRuns: 5000 },
    );
  });

  it('leaves alone what it cannot read: flags m and s, back references, subclasses', () => {
    for (const re of [/^ab/mu, /a.b/su, /(a)\1/u, /^ab/]) expect(analysePattern(re)).toMatchObject({ first: null, clauses: [] });
    class Other extends RegExp {}
    expect(analysePattern(new Other('^ab', 'u'))).toMatchObject({ first: null, clauses: [] });
  });

  it('leaves the scan out of a list where fewer than three patterns would need it', () => {
    const two = buildPrefilter([/copyright/u, /^menu$/u, /all rights/u]);
    expect(two?.rules.every((r) => r.need0 === 0 && r.need1 === 0)).toBe(true);
    expect(two?.rules[1]?.firstBit).toBeGreaterThanOrEqual(0);
    const three = buildPrefilter([/copyright/u, /reserved/u, /all rights/u]);
    expect(three?.rules.every((r) => r.need0 !== 0 || r.need1 !== 0)).toBe(true);
  });

  it('reads a first-unit set and clauses', () => {
    const needs = analysePattern(/^(?:阅读全文|更多)$/u);
    expect([...needs.first!].sort()).toEqual(['更'.charCodeAt(0), '阅'.charCodeAt(0)].sort());
    // Under i, every case form of "copyright" passes; a text without its letters in a row does not.
    const copyright = analysePattern(/copyright/iu);
    for (const s of ['copyright', 'COPYRIGHT', 'CoPyRiGhT', 'xx Copyright']) expect(allows(copyright, s), s).toBe(true);
    for (const s of ['', 'c o p y r i g h t', 'right to copy']) expect(allows(copyright, s), s).toBe(false);
    expect(analysePattern(/^.{0,9}ago$/u).first).toBeNull();
  });

  it('reads the first two units of an anchored pattern, through optional and repeated parts', () => {
    const share = analysePattern(/^[[(]*\s*(?:tweet|tumblr|\d+ shares?)$/u);
    for (const s of ['tweet', 'tumblr', '[tweet]', '( tweet', '12 shares']) expect(allows(share, s), s).toBe(true);
    // "the" starts with the t of tweet, not with its first two units.
    for (const s of ['the tweet', 'ta', '[x', 'a tweet']) expect(allows(share, s), s).toBe(false);
    // A match one unit long leaves the second unit free; so does an unanchored pattern.
    // Under i, both cases of each unit.
    const pin = analysePattern(/^pin it$/iu);
    for (const s of ['pin it', 'PIN IT', 'Pin It']) expect(allows(pin, s), s).toBe(true);
    expect(allows(pin, 'pa')).toBe(false);
    expect(analysePattern(/^(?:a|bc)/u).lead).toBeNull();
    // Unless $ ends it there: a text of two units or more cannot match by the short branch.
    const ended = analysePattern(/^(?:a|bc)$/u);
    for (const s of ['a', 'bc']) expect(allows(ended, s), s).toBe(true);
    expect(allows(ended, 'ab')).toBe(false);
    expect(analysePattern(/(?:ab|cd)/u).lead).toBeNull();
    expect(analysePattern(/^a(?:b|.)/u).lead).toBeNull();
  });
});

describe('case folding under iu, over the BMP', () => {
  it('folds no other unit onto ASCII than KELVIN SIGN and LONG S', () => {
    const ascii = /[\x00-\x7f]/iu;
    const onto: number[] = [];
    for (let c = 0x80; c <= 0xffff; c++) if (ascii.test(String.fromCharCode(c))) onto.push(c);
    expect(onto).toEqual([0x17f, 0x212a]);
  });

  it('folds nothing in or out of the ranges taken as caseless', () => {
    let caseless = '';
    for (let c = 0x80; c <= 0xffff; c++) if (isCaseless(c) && !(c >= 0xd800 && c <= 0xdfff)) caseless += String.fromCharCode(c);
    const inRange = new RegExp(`[${caseless.replace(/[\\\]^-]/gu, '\\$&')}]`, 'u');
    const folded = new RegExp(inRange.source, 'iu');
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (folded.test(ch) !== inRange.test(ch)) expect.fail(`U+${c.toString(16)} folds into the caseless ranges`);
    }
  });
});
