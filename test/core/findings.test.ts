import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createContext, extract } from '../../src/core/pipeline.js';
import { DEFAULT_CHECK_SETTINGS, findings, type CheckSettings } from '../../src/core/findings.js';
import { defaultRules } from '../../src/rules/index.js';
import { languageProfiles } from '../../src/rules/langs.js';
import { toRecord } from '../../src/formats/record.js';
import { toText } from '../../src/formats/text.js';

const ctx = createContext(defaultRules, languageProfiles);
const seed = readFileSync('fixtures/seed-dump.txt', 'utf8');
const dirty = readFileSync('fixtures/check/dirty.txt', 'utf8');
const body = seed.split('\n').slice(2, 11).join('\n'); // five body paragraphs, nothing to remove

function check(text: string, settings: Partial<CheckSettings> = {}, encoding = 'utf-8') {
  return findings(extract(text, ctx), { ...DEFAULT_CHECK_SETTINGS, ...settings }, { encoding });
}

function cleaned(text: string): string {
  return toText(toRecord(extract(text, ctx), { path: null, encoding: 'utf-8', confidence: 1, bytes: 0, replacements: 0 }));
}

describe('findings', () => {
  it('reports each line deboil would remove with its line, reason and rule', () => {
    const readMore = check(dirty).filter((f) => f.rule === 'zh/read-more');
    expect(readMore.map((f) => [f.id, f.lines, f.reason, f.text])).toEqual([
      ['boilerplate-line', [27, 27], 'read-more', '阅读全文'],
      ['boilerplate-line', [31, 31], 'read-more', '阅读全文'],
    ]);
  });

  it('reports a doubled caption as a duplicate that names the line it repeats', () => {
    const dup = check(dirty).filter((f) => f.id === 'duplicate');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.lines).toEqual([15, 15]);
    expect(dup[0]!.message).toContain('repeats line 14');
  });

  it('does not report titles, datelines or captions: deboil keeps them as metadata', () => {
    const lines = check(dirty).map((f) => f.lines?.[0]);
    expect(lines).not.toContain(1);
    expect(lines).not.toContain(14);
  });

  it('finds nothing in text with nothing to remove', () => {
    expect(check(body)).toEqual([]);
  });

  it('reports an empty article as too short', () => {
    expect(check('阅读全文\n\n热门新闻\n').map((f) => f.id)).toContain('too-short');
    expect(check('').map((f) => [f.id, f.lines])).toEqual([['too-short', null]]);
  });

  it('reports an article under --min-chars, and not one over it', () => {
    expect(check(body, { minChars: 100_000 }).map((f) => f.id)).toEqual(['too-short']);
    expect(check(body, { minChars: 100 })).toEqual([]);
  });

  it('reports a removable share above --max-removed, and not one below it', () => {
    const over = check(dirty, { maxRemoved: 0.01 }).filter((f) => f.id === 'removed-share');
    expect(over).toHaveLength(1);
    expect(over[0]!.message).toMatch(/^\d+(\.\d)?% of the text/u);
    expect(check(dirty, { maxRemoved: 0.99 }).filter((f) => f.id === 'removed-share')).toEqual([]);
  });

  it('reports a file that was not UTF-8 only when UTF-8 is required', () => {
    expect(check(body, { requireUtf8: true }, 'gb18030').map((f) => f.id)).toEqual(['not-utf8']);
    expect(check(body, { requireUtf8: false }, 'gb18030')).toEqual([]);
    expect(check(body, { requireUtf8: true }, 'utf-8')).toEqual([]);
  });

  it('reports replacement characters and mojibake on their lines', () => {
    const damaged = readFileSync('fixtures/check/damaged.txt', 'utf8');
    const found = check(damaged).map((f) => [f.id, f.lines?.[0]]);
    expect(found).toContainEqual(['replacement-char', 7]);
    expect(found).toContainEqual(['mojibake', 1]);
    expect(found).toContainEqual(['mojibake', 5]);
  });

  it('leaves out ignored ids and nothing else', () => {
    const all = check(dirty);
    const some = check(dirty, { ignore: ['boilerplate-line'] });
    expect(some.map((f) => f.id)).toEqual(['duplicate']);
    expect(all.length).toBeGreaterThan(some.length);
  });

  it('finds nothing in deboil\'s own text output of the sample', () => {
    expect(check(cleaned(seed))).toEqual([]);
  });

  it('finds nothing deboil would remove in its own output of any dump', () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.constantFrom('阅读全文', '热门新闻', 'Read more', '', ...seed.split('\n').slice(0, 40)),
    );
    const dump = fc.array(line, { maxLength: 40 }).map((ls) => ls.join('\n'));
    const settings = { ignore: ['too-short', 'mojibake', 'replacement-char'] } as const;
    fc.assert(fc.property(dump, (t) => check(cleaned(t), settings).length === 0), { numRuns: 150 });
  });
});
