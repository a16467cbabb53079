import { describe, expect, it } from 'vitest';
import { dropDuplicateCaptions, dropRepeatedKept } from '../../src/core/dedupe.js';
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
