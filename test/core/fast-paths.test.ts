// The speed-ups of issue 8 replace regexes and spreads with loops and shortcuts. Each must give what
// the plain definition gives, on any string: these properties hold the fast code to the slow one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, displayAndMatchForms, displayForm, displayWidth, exceedsCodePoints, joinWrapped, matchForm } from '../../src/core/text.js';
import { isCjkCode, isCloser, isComma, isTerminal, measure, UNIT_KIND } from '../../src/core/features.js';
import { segment, segmentParagraphs, toRawLines } from '../../src/core/segment.js';
import { compileRules, firstMatch, maxMatchChars, probeOf, unguarded } from '../../src/core/match.js';
import { endsWithColon, endsWithMark, mayBeNumbered } from '../../src/core/revise.js';
import { EMBED_SIGNATURE, isSignatureText } from '../../src/core/dedupe.js';
import { defaultRules } from '../../src/rules/index.js';
import type { Block, LineRule } from '../../src/core/types.js';

const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/gu;
const SPACES = /[\s\u3000\u00a0]+/gu;
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

const slowDisplayForm = (s: string): string => s.normalize('NFC').replace(ZERO_WIDTH, '').replace(SPACES, ' ').trim();
const slowMatchForm = (s: string): string => s.normalize('NFKC').replace(ZERO_WIDTH, '').replace(SPACES, ' ').trim().toLowerCase();
const slowWidth = (s: string): number => [...s].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);

// Pieces that sit on the edges of the shortcuts: white space of every kind, zero-width marks,
// sentence ends and closers, surrogates alone and in pairs, compatibility forms, CJK and capitals.
const pieces = [' ', '  ', '\t', '\r\n', '．', '\u3000', '\u00a0', '\u2028', '\u200b', '\u00ad', '\ufeff', '.', '...', '…', '……', '。', '!', '?', '；', ':', '：',
  '”', '"', "'", '’', '」', '』', '）', ')', ']', '】', '»', '\ud800', '\udc00', '\u{1F600}', '\u{20000}', 'Ａ', '１', 'ﬁ', 'e\u0301', 'İ', 'Σ', 'ǅ', 'ß',
  '的', '中', 'の', 'ア', '한', 'Д', 'the', 'And', "don't", 'well-', '-x', 'http://a.b', 'www.x', 'a@b.c', '@', 'x', 'A', '9', '٣', '-'];
const text = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 30 })
  .map((a) => a.join(''));
const runs = { numRuns: 3000 };

describe('text shortcuts equal their definitions', () => {
  it('displayForm', () => fc.assert(fc.property(text, (s) => displayForm(s) === slowDisplayForm(s)), runs));
  it('matchForm', () => fc.assert(fc.property(text, (s) => matchForm(s) === slowMatchForm(s)), runs));
  it('displayAndMatchForms', () =>
    fc.assert(
      fc.property(text, (s) => {
        const [shown, norm] = displayAndMatchForms(s);
        return shown === slowDisplayForm(s) && norm === slowMatchForm(slowDisplayForm(s));
      }),
      runs,
    ));
  it('displayWidth', () => fc.assert(fc.property(text, (s) => displayWidth(s) === slowWidth(s)), runs));
  it('codePointLength', () => fc.assert(fc.property(text, (s) => codePointLength(s) === [...s].length), runs));
  it('joinWrapped keeps a hyphenated compound together and spaces Latin words', () => {
    expect(joinWrapped('well-', 'known')).toBe('well-known');
    expect(joinWrapped('a -', 'b')).toBe('a - b');
    expect(joinWrapped('中国', '人民')).toBe('中国人民');
    expect(joinWrapped('x\u{1F600}', 'y')).toBe('x\u{1F600} y');
  });
});

describe('segment: plain ASCII lines skip the text forms', () => {
  // Wrapped dumps of ASCII with tabs, runs of spaces and bullets, so that lines join and some are not plain.
  const word = fc.constantFrom('the', 'And', 'x', 'well-', 'known', '*', '* a', 'o', '1.', ' ', '  ', '\t', '\u000b', 'A.', '...', 'é', '中');
  const line = fc.array(word, { maxLength: 14 }).map((a) => a.join(' '));
  const dump = fc.array(fc.oneof(line, fc.constant('')), { minLength: 6, maxLength: 40 }).map((a) => a.join('\n'));

  it('gives each block the display and match forms of its joined lines', () => {
    fc.assert(
      fc.property(dump, (d) => {
        for (const b of segment(d)) {
          expect(b.text).toBe(slowDisplayForm(b.text));
          expect(b.norm).toBe(slowMatchForm(b.text));
        }
        // The same dump with its lines padded to the wrap width joins differently; forms still hold.
        for (const b of segment(d.split('\n').map((l) => l.padEnd(40, l === '' ? '' : ' x')).join('\n'))) expect(b.norm).toBe(slowMatchForm(b.text));
      }),
      runs,
    );
  });

  it('tries the bullet regexes only on lines that start with a mark or a digit', () => {
    for (let c = 0; c < 0x10000; c++) {
      const line = `${String.fromCharCode(c)} x`;
      const [b] = segment(line);
      if (!b) continue;
      const bullet = /^(?:[*•·▪◦+o#-]|\d{1,3}[.)])\s+(?=\S)/u.test(line.trim());
      if (b.bullet !== bullet) expect(b.bullet, c.toString(16)).toBe(bullet);
      const content = line.replace(/^[\s\u3000\u200b-\u200f\u2060-\u2064\ufeff]+|[\s\u3000\u200b-\u200f\u2060-\u2064\ufeff]+$/gu, '');
      const shown = displayForm(content.replace(/^[*•·▪◦+o#]\s+(?=\S)/u, ''));
      if (b.text !== shown) expect(b.text, c.toString(16)).toBe(shown);
    }
  });

  it('equals the text forms of the joined text, line by line', () => {
    const lines = ['a  b', 'a\tb', 'plain line', '* bullet', '*  two spaces', '  indented  ', 'x\u000bz', 'Ünï'];
    for (const l of lines) {
      const [b] = segment(l);
      expect([b!.text, b!.norm], l).toEqual(displayAndMatchForms(l.trim().replace(/^[*•·▪◦+o#]\s+(?=\S)/u, '')));
    }
  });
});

describe('toRawLines', () => {
  const TRIM = /^[\s\u3000\u200b-\u200f\u2060-\u2064\ufeff]+|[\s\u3000\u200b-\u200f\u2060-\u2064\ufeff]+$/gu;
  const breaks = fc.constantFrom('\n', '\r', '\r\n', '\n\r', '\r\r\n', '\n\n');
  const dump = fc.array(fc.oneof(text, breaks, fc.constantFrom('* x', '  ab  cd', '\u200b', '\t', '中文 ')), { maxLength: 16 }).map((a) => a.join(''));

  it('cuts lines as split(/\\r\\n|\\r|\\n/u) does, trimmed, with their widths', () => {
    fc.assert(
      fc.property(dump, (d) => {
        const lines = d.split(/\r\n|\r|\n/u);
        const raw = toRawLines(d);
        expect(raw.length).toBe(lines.length);
        raw.forEach((r, i) => {
          const line = lines[i]!;
          const content = line.replace(TRIM, '');
          const trimmedEnd = content === '' ? '' : line.slice(0, line.lastIndexOf(content) + content.length);
          expect(r.no).toBe(i + 1);
          expect(r.content).toBe(content);
          if (content !== '') expect(r.indent).toBe(trimmedEnd.length - content.length);
          expect(r.chars).toBe([...trimmedEnd].length);
          expect(r.cols).toBe(slowWidth(trimmedEnd));
        });
      }),
      runs,
    );
  });
});

describe('segmentParagraphs', () => {
  const dump = fc.array(fc.oneof(text, fc.constantFrom('* item', '• 中文', '1. one', '  indented', '')), { maxLength: 12 }).map((a) => a.join('\n'));
  const asSegment = (paras: { text: string; norm: string }[]) => segment(paras.map((p) => p.text).join('\n\n'));

  it('equals segment of the joined blocks, for blocks segment made', () => {
    fc.assert(
      fc.property(dump, (d) => {
        const paras = segment(d).filter((_, i) => i % 3 !== 1);
        expect(segmentParagraphs(paras)).toEqual(asSegment(paras));
      }),
      runs,
    );
  });

  it('equals segment of the joined texts, for any texts', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(text, fc.constantFrom('* item', '• 中文 x', ' - y', 'a\u200b\u0301', '\u00ad')), { maxLength: 8 }), (texts) => {
        const paras = texts.map((t) => ({ text: t, norm: matchForm(t) }));
        expect(segmentParagraphs(paras)).toEqual(asSegment(paras));
      }),
      runs,
    );
  });
});

describe('measure shortcuts', () => {
  it("reads each code unit's class from UNIT_KIND as the chain of predicates gives it", () => {
    const CAP = (c: number): boolean => c < 0x250 && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase();
    for (let c = 0; c < 0x10000; c++) {
      const space = c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
      const digit = (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
      const cls = space ? 1 : isCjkCode(c) ? 2 : digit ? 3 : isTerminal(c) ? 4 : isComma(c) ? 5 : CAP(c) ? 6 : 0;
      const ends = isCloser(c) || isCjkCode(c) ? 8 : 0;
      if (UNIT_KIND[c] !== (cls | ends)) expect(UNIT_KIND[c], c.toString(16)).toBe(cls | ends);
    }
  });

  const rules = compileRules(defaultRules);
  const ENDS_SENTENCE = /(?:[.!?。！？;；．]|[^.]\.\.\.|…|……)[”"’'」』）)\]]*$|[：:]$/u;
  const TRUNCATED = /(?<![.…])(?:\.\.\.|…)\s*[)\]）】»]?$/u;
  const URL = /https?:\/\/|www\.|\w@[\w-]+\.\w/u;
  const WORD_G = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
  const block = (t: string): Block => ({ id: 0, lines: [1, 1], text: t, norm: matchForm(t), gapBefore: true, bullet: false });

  it('tests the end of the text as the whole-text regexes do', () => {
    fc.assert(
      fc.property(text, text, (head, tail) => {
        const t = head.repeat(3) + tail;
        const f = measure(block(t), rules);
        return f.endsSentence === ENDS_SENTENCE.test(t) && f.truncated === TRUNCATED.test(t) && f.hasUrl === URL.test(t);
      }),
      runs,
    );
  });

  it('counts words and stopwords as the word regex does, CJK blanked out', () => {
    const CJK_G = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
    const stopwords = new Set(defaultRules.stopwords.map((w) => w.toLowerCase()));
    const withWords = fc.array(fc.oneof(text, fc.constantFrom('the', 'and', "don't", 'über', 'и', '中文', '々', 'ー', '\u{20000}x', 'a\u{1D400}b', '-the', "o'", '’s')), { maxLength: 8 }).map((a) => a.join(' '));
    fc.assert(
      fc.property(withWords, (t) => {
        const b = block(t);
        const f = measure(b, rules);
        const words = (f.cjk > 0 ? b.norm.replace(CJK_G, ' ') : b.norm).match(WORD_G) ?? [];
        const latinChars = words.reduce((n, w) => n + w.length, 0);
        const stop = words.filter((w) => stopwords.has(w)).length;
        const stopRatio = f.cjk > 0 && f.cjk >= latinChars / 3 ? f.stopRatio : words.length > 0 ? stop / words.length : 0;
        return f.words === words.length && f.weight === f.cjk * 3 + latinChars && f.stopRatio === stopRatio;
      }),
      runs,
    );
  });

  it('counts ASCII words as the word regex does', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'ab Z9\'-.,x the of and'.split('')), maxLength: 60 });
    fc.assert(
      fc.property(ascii, (t) => {
        const b = block(t);
        const words = b.norm.match(WORD_G) ?? [];
        return measure(b, rules).words === words.length;
      }),
      runs,
    );
  });
});

describe('revise: tests of the end of a block without a regex', () => {
  const NUMBERED = /^(?:\(?(\d{1,3})[.)、．:]|第(\d{1,3})[、.．])\s*\S/u;
  const ends = fc.tuple(text, fc.constantFrom('', '.', '!', '?', '。', '！', '？', '"', '”', '’', '」', '』', ')', '）', ':', '：', '.)', '。」', '(1.', '第2、', '3) x'), text);
  it('endsWithColon is /[:：]$/u', () => fc.assert(fc.property(ends, ([a, b, c]) => endsWithColon(a + b) === /[:：]$/u.test(a + b) && endsWithColon(a + b + c) === /[:：]$/u.test(a + b + c)), runs));
  it('endsWithMark is /[.!?。！？]["”’」』)）]?$/u', () =>
    fc.assert(fc.property(ends, ([a, b]) => endsWithMark(a + b) === /[.!?。！？]["”’」』)）]?$/u.test(a + b) && endsWithMark(b + a + b) === /[.!?。！？]["”’」』)）]?$/u.test(b + a + b)), runs));
  it('mayBeNumbered holds wherever NUMBERED matches', () => fc.assert(fc.property(ends, ([a, b, c]) => !NUMBERED.test(b + c + a) || mayBeNumbered(b + c + a)), runs));
  it('isSignatureText is EMBED_SIGNATURE', () => {
    const head = fc.constantFrom('', '— ', '–', '- ', '-', '—', ' — ', '―');
    const tail = fc.constantFrom('', ' (@jdoe)', 'Jane Doe (@jdoe) November 18, 2019', 'Jane (@j) 3 May 2020', '(@x)');
    fc.assert(fc.property(head, text, tail, (h, t, e) => [h + t + e, h + e, t].every((s) => isSignatureText(s) === EMBED_SIGNATURE.test(s))), runs);
    expect(isSignatureText('— Jane Doe (@jdoe) November 18, 2019')).toBe(true);
  });
});

describe('firstMatch with the exact index', () => {
  const list: LineRule[] = [
    { id: 't/a', pattern: /^aa/u },
    { id: 't/b', exact: ['x', 'aab'] },
    { id: 't/c', exact: ['x', 'y'], pattern: /y/u },
    { id: 't/d', pattern: /z/u },
  ];
  const pack = { ...defaultRules, boilerplate: list.map((r) => ({ ...r, reason: 'nav' as const })) };
  const compiled = compileRules(pack).boilerplate;

  it('gives the first rule in list order, as the per-rule loop does', () => {
    const plain = [...compiled];
    for (const probe of ['x', 'aab', 'y', 'zy', 'yz', 'z', 'q', 'aa']) {
      expect(firstMatch(compiled, probe)?.id).toBe(firstMatch(plain, probe)?.id);
    }
    expect(firstMatch(compiled, 'aab')?.id).toBe('t/a');
    expect(firstMatch(compiled, 'x')?.id).toBe('t/b');
    expect(firstMatch(compiled, 'zy')?.id).toBe('t/c');
  });
});

describe('length guards', () => {
  it('reads the bound only where the guard spans the whole text', () => {
    expect(maxMatchChars(/^(?=.{0,120}$).*\bsubscribe\b/u)).toBe(120);
    expect(maxMatchChars(/^(?=.{2,9}$)(a|b)/u)).toBe(9);
    expect(maxMatchChars(/^(?=.{0,5}$)[|]x/u)).toBe(5);
    expect(maxMatchChars(/^(?=.{0,5}$)a|b/u)).toBe(Number.POSITIVE_INFINITY);
    expect(maxMatchChars(/^(?=.{0,5}$)a/mu)).toBe(Number.POSITIVE_INFINITY);
    expect(maxMatchChars(/(?=.{0,5}$)a/u)).toBe(Number.POSITIVE_INFINITY);
  });

  it('no longer text matches a guarded built-in rule', () => {
    const guarded = (['boilerplate', 'trendingHeaders', 'endMarkers', 'stamps', 'categories'] as const)
      .flatMap((list) => defaultRules[list])
      .filter((r) => r.pattern && Number.isFinite(maxMatchChars(r.pattern)));
    const long = fc.tuple(text, fc.integer({ min: 0, max: 500 })).map(([t, n]) => matchForm(`${t} ${'copyright subscribe 12:30 '.repeat(n)}${t}`));
    fc.assert(
      fc.property(long, (t) => guarded.every((r) => codePointLength(t) <= maxMatchChars(r.pattern!) || !r.pattern!.test(t))),
      { numRuns: 500 },
    );
  });
});

describe('exceedsCodePoints', () => {
  it('is codePointLength(s) > max, lone surrogates and pairs included', () => {
    const units = fc.string({ unit: fc.constantFrom('a', '中', '😀', '\ud83d', '\ude00', ' '), maxLength: 40 });
    fc.assert(fc.property(units, fc.nat(45), (s, max) => exceedsCodePoints(s, max) === codePointLength(s) > max), { numRuns: 3000 });
  });
});

describe('unguarded patterns', () => {
  const LT = /[\n\r\u2028\u2029]/u;
  // Where the guard holds (no line terminator, at most N code points), the unguarded regex answers as the pattern.
  const agrees = (re: RegExp, s: string): boolean => {
    const u = unguarded(re);
    if (!u || LT.test(s) || codePointLength(s) > maxMatchChars(re)) return true;
    return u.test(s) === re.test(s);
  };

  it('reads only a zero-minimum guard on a u-mode pattern with no top-level |', () => {
    expect(unguarded(/^(?=.{0,120}$).*\bsubscribe\b/u)?.source).toBe('\\bsubscribe\\b');
    expect(unguarded(/^(?=.{0,120}$).*?x(y)/iu)?.source).toBe('x(y)');
    expect(unguarded(/^(?=.{0,9}$)(a|b)c/u)?.source).toBe('^(?:(a|b)c)');
    expect(unguarded(/^(?=.{2,9}$)(a|b)/u)).toBeUndefined();
    expect(unguarded(/^(?=.{0,5}$)a|b/u)).toBeUndefined();
    expect(unguarded(/^(?=.{0,5}$)a/mu)).toBeUndefined();
    expect(unguarded(/^(?=.{0,5}$)a/su)).toBeUndefined();
    expect(unguarded(/^(?=.{0,5}$)a/)).toBeUndefined();
    expect(unguarded(/^(?=.{0,5}$).*|a/u)).toBeUndefined();
  });

  it('answers as the guarded pattern on texts the guard admits, for the packs and hand-made patterns', () => {
    const made = [
      /^(?=.{0,12}$).*\bab/u, /^(?=.{0,12}$).*(?<=x)ab/u, /^(?=.{0,12}$).*(?:^ab|cd$)/u, /^(?=.{0,12}$).*?(a)\1/u,
      /^(?=.{0,12}$).*/u, /^(?=.{0,12}$)(?:a|.*b)$/u, /^(?=.{0,3}$)\p{L}+/u, /^(?=.{0,12}$).*\Bb/iu,
    ];
    const all = [...(Object.values(defaultRules).filter(Array.isArray) as LineRule[][]).flat().flatMap((r) => (r.pattern ? [r.pattern] : [])), ...made];
    expect(all.filter((re) => unguarded(re)).length).toBeGreaterThan(12);
    const short = fc.oneof(text, fc.constantFrom('ab', 'xab', 'a ab', 'aa', 'cd', '\u{1F600}ab', 'a\nab', 'abab\u2028', 'Ab', 'subscribe now'));
    fc.assert(fc.property(short, (s) => all.every((re) => agrees(re, s) && agrees(re, matchForm(s)))), runs);
  });

  it('are made when a text first reaches their rule, not when the rules are compiled', () => {
    const pack = {
      ...defaultRules,
      boilerplate: [{ id: 't/guarded', pattern: /^(?=.{0,40}$).*\bsubscribe\b/u, reason: 'nav' as const }, ...defaultRules.boilerplate],
    };
    const rules = compileRules(pack);
    const rule = rules.boilerplate[0]!;
    expect(rule.unguarded).toBeUndefined();
    expect(firstMatch(rules.boilerplate, probeOf(rules, 'please subscribe'))?.id).toBe('t/guarded');
    expect(rule.unguarded?.source).toBe('\\bsubscribe\\b');
    // One that has none is marked so, and asked no more.
    const plain = compileRules({ ...defaultRules, boilerplate: [{ id: 't/plain', pattern: /subscribe/u, reason: 'nav' as const }] });
    firstMatch(plain.boilerplate, probeOf(plain, 'subscribe'));
    expect(plain.boilerplate[0]!.unguarded).toBeNull();
  });
});
