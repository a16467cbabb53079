import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropDuplicateCaptions, dropRepeatedKept, isSaidTwice } from '../../src/core/dedupe.js';
import { inOrder, labeled } from '../helpers.js';

const CAPTION = '朝鲜外长崔善姬周三晚在平壤国际机场欢迎到访的俄罗斯外长拉夫罗夫。(图取自俄罗斯外交部/路透社)';

describe('dropDuplicateCaptions', () => {
  it('keeps an alt text + figcaption pair as one caption and one duplicate', () => {
    const out = dropDuplicateCaptions(inOrder([labeled({ label: 'body' }), labeled({ label: 'caption', text: CAPTION }), labeled({ label: 'caption', text: CAPTION })]));
    expect(out.map((b) => [b.verdict.label, b.verdict.reason])).toEqual([
      ['body', undefined],
      ['caption', undefined],
      ['boilerplate', 'duplicate'],
    ]);
    expect(out[2]!.verdict).toMatchObject({ rule: 'dedupe/alt-then-figcaption', pass: 'dedupe' });
  });

  it('makes the first of two identical unclaimed lines a caption: the alt text has no credit to show it', () => {
    const alt = '俄罗斯外长拉夫罗夫周三晚出席为他设的欢迎宴';
    const out = dropDuplicateCaptions(inOrder([labeled({ label: 'boilerplate', reason: 'short', text: alt }), labeled({ label: 'boilerplate', reason: 'short', text: alt })]));
    expect(out.map((b) => b.verdict.label)).toEqual(['caption', 'boilerplate']);
  });

  it('leaves a doubled line that a rule already claimed alone: a doubled "Share" is still a share button', () => {
    const share = labeled({ label: 'boilerplate', reason: 'share', text: 'Share this article on Facebook' });
    const out = dropDuplicateCaptions(inOrder([share, share]));
    expect(out.map((b) => b.verdict.reason)).toEqual(['share', 'share']);
  });

  it('only collapses neighbours: the same caption further down is left to the later pass', () => {
    const out = dropDuplicateCaptions(inOrder([labeled({ label: 'caption', text: CAPTION }), labeled({ label: 'body' }), labeled({ label: 'caption', text: CAPTION })]));
    expect(out.map((b) => b.verdict.label)).toEqual(['caption', 'body', 'caption']);
  });

  it('does not treat two very short identical lines as a caption', () => {
    const out = dropDuplicateCaptions(inOrder([labeled({ label: 'boilerplate', reason: 'short', text: '图' }), labeled({ label: 'boilerplate', reason: 'short', text: '图' })]));
    expect(out.map((b) => b.verdict.label)).toEqual(['boilerplate', 'boilerplate']);
    expect(out.map((b) => b.verdict.reason)).toEqual(['short', 'short']);
  });

  it('makes a caption of an alt text and figcaption written on one line', () => {
    const alt = 'Mountain hike survival kit with bottled water';
    const out = dropDuplicateCaptions(inOrder([labeled({ label: 'boilerplate', reason: 'short', text: `${alt} ${alt}` }), labeled({ label: 'body', text: `${CAPTION}${CAPTION}` })]));
    expect(out.map((b) => b.verdict.label)).toEqual(['caption', 'caption']);
    expect(out[0]!.verdict).toMatchObject({ rule: 'dedupe/alt-and-figcaption', pass: 'dedupe' });
  });

  it('leaves a long text that repeats itself alone: that is no caption', () => {
    const long = '两国关系取得新进展，双方同意加强合作。The quick brown fox jumps over the lazy dog. '.repeat(20).trim();
    const out = dropDuplicateCaptions(inOrder([labeled({ label: 'body', text: long, features: { weight: 2000 } })]));
    expect(out[0]!.verdict.label).toBe('body');
  });

  it('leaves a line said twice alone when a rule claimed it or it is short', () => {
    const share = labeled({ label: 'boilerplate', reason: 'share', text: 'Share on Facebook Share on Facebook' });
    const short = labeled({ label: 'boilerplate', reason: 'short', text: 'Go on Go on' });
    expect(dropDuplicateCaptions(inOrder([share, short])).map((b) => b.verdict.label)).toEqual(['boilerplate', 'boilerplate']);
  });

  it('marks a caption printed again further down as a duplicate', () => {
    const alt = 'Give the Gift of Homemade Spiced Honey Pear Jam for the Holidays';
    const short = (text: string) => labeled({ label: 'boilerplate', reason: 'short', text });
    const out = dropDuplicateCaptions(inOrder([short(alt), short(alt), labeled({ label: 'body' }), short(alt), labeled({ label: 'caption', text: CAPTION }), labeled({ label: 'body', text: '某某说，会谈取得进展。' }), short(CAPTION)]));
    expect(out.map((b) => b.verdict.rule)).toEqual([
      'dedupe/alt-then-figcaption',
      'dedupe/alt-then-figcaption',
      'test/body',
      'dedupe/caption-again',
      'test/caption',
      'test/body',
      'dedupe/caption-again',
    ]);
  });

  it('returns a new array and leaves its input alone', () => {
    const input = inOrder([labeled({ label: 'caption', text: CAPTION }), labeled({ label: 'caption', text: CAPTION })]);
    const copy = structuredClone(input);
    expect(dropDuplicateCaptions(input)).not.toBe(input);
    expect(input).toEqual(copy);
  });
});

describe('dropRepeatedKept', () => {
  it('keeps the first of two identical body blocks and marks the second a duplicate', () => {
    const out = dropRepeatedKept(inOrder([labeled({ label: 'body' }), labeled({ label: 'body' })]));
    expect(out.map((b) => [b.verdict.label, b.verdict.reason, b.verdict.rule])).toEqual([
      ['body', undefined, 'test/body'],
      ['boilerplate', 'duplicate', 'dedupe/repeated-block'],
    ]);
  });

  it('keeps each caption once, however far apart the repeats are', () => {
    const out = dropRepeatedKept(
      inOrder([labeled({ label: 'caption', text: CAPTION }), labeled({ label: 'body' }), labeled({ label: 'caption', text: CAPTION })]),
    );
    expect(out.map((b) => b.verdict.label)).toEqual(['caption', 'body', 'boilerplate']);
  });

  it('lets a caption and a paragraph with the same text stand apart', () => {
    const out = dropRepeatedKept(inOrder([labeled({ label: 'caption', text: CAPTION }), labeled({ label: 'body', text: CAPTION })]));
    expect(out.map((b) => b.verdict.label)).toEqual(['caption', 'body']);
  });

  it('does not count a removed block as the first occurrence', () => {
    const out = dropRepeatedKept(inOrder([labeled({ label: 'boilerplate', reason: 'teaser' }), labeled({ label: 'body' })]));
    expect(out.map((b) => b.verdict.label)).toEqual(['boilerplate', 'body']);
  });
});

describe('isSaidTwice', () => {
  it.each(['Kit with water Kit with water', '中国外长访问俄罗斯中国外长访问俄罗斯', 'a b c a b c'])('%s is one phrase twice', (t) => {
    expect(isSaidTwice(t)).toBe(true);
  });

  it.each(['哈哈哈哈', '----', '2020 2020', 'Kit with water Kit with wate', 'New York, New York', 'Kit with waterKit with water x', ''])('%s is not', (t) => {
    expect(isSaidTwice(t)).toBe(false);
  });

  // The definition the first-unit shortcut (issue 8) must keep.
  const bySlices = (text: string): boolean => {
    const half = text.length >> 1;
    let a: string;
    let b: string;
    if (text.length % 2 === 0) [a, b] = [text.slice(0, half), text.slice(half)];
    else if (text[half] === ' ') [a, b] = [text.slice(0, half), text.slice(half + 1)];
    else return false;
    return a === b && new Set(a).size > 2 && /\p{L}/u.test(a);
  };
  it('answers as the halves compared in full do', () => {
    const half = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '中', ' ', '1', '\ud800'), maxLength: 8 });
    const text = fc.oneof(
      fc.tuple(half, fc.constantFrom('', ' ', 'x'), half).map(([a, m, b]) => a + m + b),
      half.chain((a) => fc.constantFrom('', ' ').map((m) => a + m + a)),
    );
    fc.assert(fc.property(text, (t) => isSaidTwice(t) === bySlices(t)), { numRuns: 3000 });
  });
});

describe('dropRepeatedKept: quoted posts', () => {
  it('keeps a second post signed by the same account', () => {
    const sig = labeled({ label: 'body', text: '— The Nigerian Senate (@NGRSenate) October 9, 2018' });
    const out = dropRepeatedKept(inOrder([sig, labeled({ label: 'body' }), sig]));
    expect(out.map((b) => b.verdict.label)).toEqual(['body', 'body', 'body']);
  });
});
