import { describe, expect, it } from 'vitest';
import { countCjk, displayForm, displayWidth, isCjkChar, joinWrapped, matchForm } from '../../src/core/text.js';

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
