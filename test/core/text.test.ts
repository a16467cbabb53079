import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COLLAPSES,
  countCjk,
  displayAndMatchForms,
  displayForm,
  displayWidth,
  FORM_BITS,
  formsOf,
  isCjkChar,
  joinForms,
  joinWrapped,
  matchForm,
  NFKC_FORM,
  OTHER_FORMS,
  SELF_FORMS,
  unitFacts,
  WIDE_BIT,
} from '../../src/core/text.js';

describe('displayForm', () => {
  it('composes to NFC, so a decomposed accent shows as one character', () => {
    expect(displayForm('cafe\u0301')).toBe('café');
  });

  it('keeps full-width characters as they are: output keeps the original characters', () => {
    expect(displayForm('（平壤１９日讯）')).toBe('（平壤１９日讯）');
  });

  it('removes zero-width characters and soft hyphens', () => {
    expect(displayForm('阅\u200b读\u00ad全\ufeff文')).toBe('阅读全文');
  });

  it('collapses runs of spaces, tabs, no-break and ideographic spaces and trims', () => {
    expect(displayForm(' \u3000a\t\u00a0 b\u3000 ')).toBe('a b');
  });
});

describe('matchForm', () => {
  it('folds full width to half width and lower-cases, for matching only', () => {
    expect(matchForm('ＲＥＡＤ　ＭＯＲＥ')).toBe('read more');
    expect(matchForm('（平壤１９日讯）')).toBe('(平壤19日讯)');
  });

  it('removes zero-width characters', () => {
    expect(matchForm('Read\u200b more')).toBe('read more');
  });
});

describe('isCjkChar / countCjk', () => {
  it.each(['中', '國', 'か', 'カ', '한'])('counts %s as CJK', (ch) => {
    expect(isCjkChar(ch)).toBe(true);
  });

  it.each(['a', '1', '，', '。', ' '])('does not count %j as CJK', (ch) => {
    expect(isCjkChar(ch)).toBe(false);
  });

  it('counts CJK characters in mixed text', () => {
    expect(countCjk('G20峰会在Rome举行。')).toBe(5);
  });
});

describe('displayWidth', () => {
  it('gives wide characters two columns and others one', () => {
    expect(displayWidth('ab')).toBe(2);
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('中a，')).toBe(5);
  });

  it('counts an astral character once, not per UTF-16 unit', () => {
    expect(displayWidth('😀')).toBe(1);
  });
});

describe('joinWrapped', () => {
  it('joins CJK fragments with no space', () => {
    expect(joinWrapped('拉夫罗夫抵达', '平壤')).toBe('拉夫罗夫抵达平壤');
  });

  it('joins when either side of the break is CJK or full-width punctuation', () => {
    expect(joinWrapped('拉夫罗夫说：', '“我们')).toBe('拉夫罗夫说：“我们');
    expect(joinWrapped('G20', '峰会')).toBe('G20峰会');
    expect(joinWrapped('峰会', 'G20')).toBe('峰会G20');
  });

  it('joins Latin fragments with one space', () => {
    expect(joinWrapped('the foreign', 'minister')).toBe('the foreign minister');
  });

  it('keeps a compound hyphen at a break and adds no space', () => {
    expect(joinWrapped('a well-', 'known case')).toBe('a well-known case');
  });

  it('keeps the space after a dash that stands alone', () => {
    expect(joinWrapped('Moscow -', 'the minister')).toBe('Moscow - the minister');
  });

  it('returns the other side unchanged when one side is empty', () => {
    expect(joinWrapped('', 'abc')).toBe('abc');
    expect(joinWrapped('abc', '')).toBe('abc');
  });
});

describe('unitFacts: the forms a code unit allows (issue 8)', () => {
  // Every code point that canonical composition may join to the one before it: those that follow
  // the first in some code point's NFD (a composed pair's second, Hangul vowels and finals).
  const joinsBack = new Set<number>();
  for (let x = 0; x <= 0x10ffff; x++) {
    if (x >= 0xd800 && x <= 0xdfff) continue;
    const d = String.fromCodePoint(x).normalize('NFD');
    if (d.length < 2) continue;
    const cps = [...d];
    for (let i = 1; i < cps.length; i++) joinsBack.add(cps[i]!.codePointAt(0)!);
  }
  // Canonical ordering moves a code point of combining class above 0 past one of a lower class
  // (asked of decomposed code points only, which NFD changes in no other way).
  const hasCombiningClass = (ch: string): boolean =>
    `${ch}\u0334`.normalize('NFD') !== `${ch}\u0334` || `\u0345${ch}`.normalize('NFD') !== `\u0345${ch}`;
  const first = (s: string): string => String.fromCodePoint(s.codePointAt(0)!);
  const WHITE_OR_ZERO_WIDTH = /[\s\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/u;

  it('gives a unit a form only when no normalisation changes it and nothing before it can join it', () => {
    for (let c = 0x80; c < 0x10000; c++) {
      const form = unitFacts(c) & FORM_BITS;
      const ch = String.fromCharCode(c);
      if ((unitFacts(c) & WIDE_BIT) !== 0 !== displayWidth(ch) > 1) expect(displayWidth(ch), c.toString(16)).toBe(1);
      if (form === OTHER_FORMS) continue;
      const joinsNothing =
        (c < 0xd800 || c > 0xdfff) &&
        [ch, ch.normalize('NFD'), ch.normalize('NFKD')].every((s) => !joinsBack.has(s.codePointAt(0)!)) &&
        [ch.normalize('NFD'), ch.normalize('NFKD')].every((s) => !hasCombiningClass(first(s)));
      // White space to collapse: NFC keeps it white space, and it is no zero-width character.
      const ok =
        (unitFacts(c) & COLLAPSES) !== 0
          ? joinsNothing && form === SELF_FORMS && /^\s$/u.test(ch) && /^\s+$/u.test(ch.normalize('NFC')) && !/[\ufeff]/u.test(ch)
          : joinsNothing &&
            ch.normalize('NFC') === ch &&
            !WHITE_OR_ZERO_WIDTH.test(ch) &&
            (form === SELF_FORMS ? ch.normalize('NFKC') === ch : !WHITE_OR_ZERO_WIDTH.test(ch.normalize('NFKC')));
      if (!ok) expect(form, c.toString(16)).toBe(OTHER_FORMS);
    }
  });

  it('gives CJK text and accented Latin a form, and leaves marks, jamo and white space to the slow path', () => {
    for (const ch of ['中', '’', 'é', 'Д', 'か', '가']) expect(unitFacts(ch.charCodeAt(0)) & FORM_BITS, ch).toBe(SELF_FORMS);
    for (const ch of ['，', 'Ａ', '１', '…', 'ﬁ']) expect(unitFacts(ch.charCodeAt(0)) & FORM_BITS, ch).toBe(NFKC_FORM);
    for (const ch of ['\u0301', '\u3099', '\uff9e', '\u314f', '\u1161', '\u200b', '\u00ad', '\ufeff', '\ud800', '\u00a8'])
      expect(unitFacts(ch.charCodeAt(0)) & FORM_BITS, ch.charCodeAt(0).toString(16)).toBe(OTHER_FORMS);
    for (const ch of ['\u3000', '\u00a0', '\u2000', '\u2028'])
      expect(unitFacts(ch.charCodeAt(0)) & (FORM_BITS | COLLAPSES), ch.charCodeAt(0).toString(16)).toBe(SELF_FORMS | COLLAPSES);
  });

  // Text whose units all have a form, joined from pieces that meet at edges where normalisation
  // could join them ("か" then the half-width voiced mark is "が" in NFKC).
  const piece = fc.constantFrom('中', '文', '，', '。', 'か', 'ﾞ', '\u3099', 'ㄱ', 'ㅏ', '가', '\u11a8', 'e', 'é', '\u0301', 'Σ', 'İ', 'ß', '…', 'ﬁ', 'Ａ', '¨', ' ', 'a', 'Z', '’', 'Д', '\u{1F600}', '\u2126', '\u212b', '\uf900',
    '  ', '\t', '\u00a0', '\u3000', '\u2000', '\u2001', '\u2028', '\u1680', '\ufeff', '\u200b');
  const text = fc.array(piece, { maxLength: 12 }).map((a) => a.join('').trim());
  it('formsOf gives displayForm and its matchForm, for the form of every unit', () => {
    fc.assert(
      fc.property(text, (s) => {
        let form = SELF_FORMS;
        for (let k = 0; k < s.length; k++) {
          const c = s.charCodeAt(k);
          const f = c >= 0x80 ? unitFacts(c) & (FORM_BITS | COLLAPSES) : c >= 0x09 && c <= 0x0d ? SELF_FORMS | COLLAPSES : SELF_FORMS;
          form = joinForms(form, f);
        }
        if (s.includes('  ')) form |= COLLAPSES;
        const [shown, norm] = formsOf(s, form);
        expect([shown, norm]).toEqual([displayForm(s), matchForm(displayForm(s))]);
        expect([shown, norm]).toEqual(displayAndMatchForms(s));
      }),
      { numRuns: 5000 },
    );
  });
});
