import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTML_WARNING, looksLikeHtml } from '../../src/core/html.js';
import { inputWarnings } from '../../src/core/input-warnings.js';

const SEED = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'seed-dump.txt'), 'utf8');

describe('looksLikeHtml', () => {
  it.each([
    ['a doctype', '<!DOCTYPE html>\n<title>x</title>'],
    ['a doctype after a BOM and blank lines', '\ufeff\n\n  <!doctype HTML>'],
    ['an <html> tag', '<html lang="zh-CN"><meta charset="utf-8">'],
    ['a <body> tag after a comment', '<!-- saved from url=(0040) -->\n<body class="article">'],
    ['a fragment dense with tags', Array.from({ length: 12 }, (_, i) => `<div class="c${i}"><p>段落${i}</p></div>`).join('\n')],
  ])('is true for %s', (_name, text) => {
    expect(looksLikeHtml(text)).toBe(true);
  });

  it.each([
    ['the seed dump', SEED],
    ['an article that quotes a few tags', `Use <div> and <span> for layout, and <p> for text. ${'The quick brown fox jumps over the lazy dog. '.repeat(40)}`],
    ['a lynx dump with link numbers', '[1]首页 [2]新闻 [3]体育\n\n   两国关系取得新进展。\n\nReferences\n\n   1. https://example.com/'],
    ['a page whose <html> lies past the first 4 KB', `${'正文内容。'.repeat(1000)}\n<html>`],
    ['an empty string', ''],
  ])('is false for %s', (_name, text) => {
    expect(looksLikeHtml(text)).toBe(false);
  });
});

describe('inputWarnings', () => {
  it('says when there is no text at all, or only white space', () => {
    expect([inputWarnings(''), inputWarnings(' \n\t\u3000\n')]).toEqual([['the input is empty'], ['the input holds only white space']]);
  });

  it('warns about HTML, and still about mojibake', () => {
    expect(inputWarnings('<!doctype html><p>Câ€™est</p>')).toEqual([HTML_WARNING, expect.stringMatching(/mojibake/u)]);
  });

  it('has nothing to say about a plain dump', () => {
    expect(inputWarnings(SEED)).toEqual([]);
  });
});
