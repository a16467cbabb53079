import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDocument,
  countDocument,
  documentFrequency,
  emptyProfile,
  hashLine,
  isTemplate,
  mergeProfiles,
  ProfileError,
  serializeProfile,
  siteTemplate,
  validateProfile,
  type SiteProfile,
} from '../../src/core/template.js';

/** FNV-1a 64 over UTF-16 code units with BigInt: slow and obviously right, to check the fast one. */
function fnv1a64(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

const norm = (s: string) => ({ norm: s });

function profileOf(docs: readonly { site: string; lines: readonly string[] }[]): SiteProfile {
  const p = emptyProfile();
  for (const d of docs) addDocument(p, d.site, countDocument(d.lines.map(norm)));
  return p;
}

describe('hashLine', () => {
  it('is 64-bit FNV-1a: the published vectors for ASCII', () => {
    expect(hashLine('')).toBe('cbf29ce484222325');
    expect(hashLine('a')).toBe('af63dc4c8601ec8c');
    expect(hashLine('foobar')).toBe('85944171f73967e8');
  });

  it('equals a BigInt reference on any string, CJK and astral characters included', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => hashLine(s) === fnv1a64(s)), { numRuns: 500 });
    expect(hashLine('阅读全文')).toBe(fnv1a64('阅读全文'));
  });
});

describe('counting', () => {
  it('countDocument takes each line once and skips empty ones', () => {
    const hashes = countDocument(['首页', '', '首页', '新闻'].map(norm));
    expect([...hashes].sort()).toEqual([hashLine('首页'), hashLine('新闻')].sort());
  });

  it('addDocument counts documents, not occurrences', () => {
    const p = emptyProfile();
    addDocument(p, 'a.com', [hashLine('x'), hashLine('x'), hashLine('y')]);
    addDocument(p, 'a.com', [hashLine('x')]);
    addDocument(p, 'b.com', [hashLine('x')]);
    expect(documentFrequency(p, 'a.com', hashLine('x'))).toEqual({ df: 2, docs: 2 });
    expect(documentFrequency(p, 'a.com', hashLine('y'))).toEqual({ df: 1, docs: 2 });
    expect(documentFrequency(p, 'b.com', hashLine('y'))).toEqual({ df: 0, docs: 1 });
    expect(documentFrequency(p, 'c.com', hashLine('x'))).toEqual({ df: 0, docs: 0 });
  });
});

describe('isTemplate', () => {
  const tenDocs = (withLine: number) =>
    profileOf(Array.from({ length: 10 }, (_, i) => ({ site: 's', lines: i < withLine ? ['menu', `story ${i}`] : [`story ${i}`] })));

  it('needs minShare of the documents: 3 of 10 is 30%, 2 of 10 is not', () => {
    expect(isTemplate(tenDocs(3), 's', hashLine('menu'))).toBe(true);
    expect(isTemplate(tenDocs(2), 's', hashLine('menu'))).toBe(false);
    expect(isTemplate(tenDocs(3), 's', hashLine('story 1'))).toBe(false);
  });

  it('needs minDocs documents however small the site', () => {
    const two = profileOf([{ site: 's', lines: ['menu'] }, { site: 's', lines: ['menu'] }]);
    expect(isTemplate(two, 's', hashLine('menu'))).toBe(false);
    expect(isTemplate(two, 's', hashLine('menu'), { minDocs: 2, minShare: 0.3 })).toBe(true);
    expect(siteTemplate(two, 's')).toBeNull();
  });

  it('is per site: a line common on one site is not template on another', () => {
    const p = profileOf([
      ...Array.from({ length: 5 }, () => ({ site: 'a', lines: ['menu'] })),
      ...Array.from({ length: 5 }, (_, i) => ({ site: 'b', lines: [i === 0 ? 'menu' : `x${i}`] })),
    ]);
    expect(isTemplate(p, 'a', hashLine('menu'))).toBe(true);
    expect(isTemplate(p, 'b', hashLine('menu'))).toBe(false);
    expect(siteTemplate(p, 'a')!.templateDf('menu')).toBe(5);
    expect(siteTemplate(p, 'b')!.templateDf('menu')).toBe(0);
  });
});

// Small alphabets so that documents share lines and sites, as a real folder's pages do.
const arbDoc = fc.record({
  site: fc.constantFrom('a.com', 'b.org', '新闻网'),
  lines: fc.array(fc.constantFrom('首页', 'menu', 'login', '阅读全文', 'x', 'y', 'z', '版权所有'), { maxLength: 6 }),
});
const arbProfile = fc.array(arbDoc, { maxLength: 8 }).map(profileOf);

describe('mergeProfiles', () => {
  it('is associative, byte for byte', () => {
    fc.assert(
      fc.property(arbProfile, arbProfile, arbProfile, (a, b, c) => {
        expect(serializeProfile(mergeProfiles(mergeProfiles(a, b), c))).toBe(serializeProfile(mergeProfiles(a, mergeProfiles(b, c))));
      }),
    );
  });

  it('is commutative, and the empty profile changes nothing', () => {
    fc.assert(
      fc.property(arbProfile, arbProfile, (a, b) => {
        expect(serializeProfile(mergeProfiles(a, b))).toBe(serializeProfile(mergeProfiles(b, a)));
        expect(serializeProfile(mergeProfiles(a, emptyProfile()))).toBe(serializeProfile(a));
      }),
    );
  });

  it('of shards equals counting every document in one pass, in any order', () => {
    fc.assert(
      fc.property(fc.array(arbDoc, { maxLength: 12 }), fc.nat(12), fc.integer(), (docs, cut, seed) => {
        const whole = serializeProfile(profileOf(docs));
        const shuffled = fc.sample(fc.shuffledSubarray(docs, { minLength: docs.length }), { seed, numRuns: 1 })[0]!;
        expect(serializeProfile(profileOf(shuffled))).toBe(whole);
        expect(serializeProfile(mergeProfiles(profileOf(docs.slice(0, cut)), profileOf(docs.slice(cut))))).toBe(whole);
      }),
    );
  });

  it('leaves its inputs as they were', () => {
    const a = profileOf([{ site: 's', lines: ['menu'] }]);
    const before = serializeProfile(a);
    mergeProfiles(a, a);
    expect(serializeProfile(a)).toBe(before);
  });
});

describe('serializeProfile and validateProfile', () => {
  it('round-trip any profile byte for byte', () => {
    fc.assert(
      fc.property(arbProfile, (p) => {
        const text = serializeProfile(p);
        expect(serializeProfile(validateProfile(JSON.parse(text)))).toBe(text);
      }),
    );
  });

  it('store hashes, never the text of a line', () => {
    const lines = ['示例城市新闻网 2024 保留所有权利', 'Read the full story of the mayor here.'];
    const text = serializeProfile(profileOf([{ site: 's', lines }]));
    for (const l of lines) expect(text).not.toContain(l);
    expect(Object.keys(JSON.parse(text).sites.s.lines).every((k: string) => /^[0-9a-f]{16}$/u.test(k))).toBe(true);
  });

  const good = () => JSON.parse(serializeProfile(profileOf([{ site: 's', lines: ['menu'] }, { site: 's', lines: ['menu'] }])));
  const cases: [string, (p: any) => unknown, RegExp][] = [
    ['not an object', () => [], /^\(top level\): expected a JSON object/u],
    ['another schema', (p) => ({ ...p, schema: 'deboil-profile/2' }), /^schema: 'deboil-profile\/2' is not 'deboil-profile\/1'/u],
    ['no schema', ({ schema: _s, ...p }) => p, /^schema: expected 'deboil-profile\/1'/u],
    ['unknown top key', (p) => ({ ...p, extra: 1 }), /^extra: unknown key/u],
    ['bad minDocs', (p) => ({ ...p, thresholds: { minDocs: 0, minShare: 0.3 } }), /^thresholds\.minDocs: /u],
    ['bad minShare', (p) => ({ ...p, thresholds: { minDocs: 3, minShare: 1.5 } }), /^thresholds\.minShare: /u],
    ['unknown threshold', (p) => ({ ...p, thresholds: { ...p.thresholds, minChars: 3 } }), /^thresholds\.minChars: unknown key/u],
    ['docs not a number', (p) => ({ ...p, sites: { s: { ...p.sites.s, docs: '2' } } }), /^sites\."s"\.docs: /u],
    ['text instead of a hash', (p) => ({ ...p, sites: { s: { docs: 2, lines: { '阅读全文': 2 } } } }), /^sites\."s"\.lines\."阅读全文": expected a line hash/u],
    ['count above docs', (p) => ({ ...p, sites: { s: { docs: 2, lines: { [hashLine('menu')]: 3 } } } }), /^sites\."s"\.lines\.[0-9a-f]{16}: expected a count from 1 to docs \(2\)/u],
    ['empty site name', (p) => ({ ...p, sites: { '': p.sites.s } }), /^sites\."": a site name may not be empty/u],
  ];
  it.each(cases)('refuse %s, naming the key', (_name, change, message) => {
    let error: unknown;
    try {
      validateProfile(change(good()));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as Error).message).toMatch(message);
  });
});
