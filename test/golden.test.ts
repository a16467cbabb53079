// Golden cases (STYLE.md §7): fixtures/<case>/input.txt is cleaned as the CLI would clean it, and the
// JSON and Markdown must match expected.json and expected.md. Update them with
// `npx vitest run -u test/golden.test.ts` and review the diff like code; CI never writes them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toJson } from '../src/formats/json.js';
import { escapeMarkdown, toMarkdown } from '../src/formats/markdown.js';
import { toText } from '../src/formats/text.js';
import { caseNames, cleanCase, casePath, readCaseJson } from './golden-cases.js';

describe.each(caseNames())('%s', (name) => {
  const kase = readCaseJson(name);
  const record = cleanCase(name);

  it('json', async () => {
    await expect(toJson(record)).toMatchFileSnapshot(casePath(name, 'expected.json'));
  });

  it('markdown', async () => {
    await expect(toMarkdown(record)).toMatchFileSnapshot(casePath(name, 'expected.md'));
  });

  it('says what it shows and, for a corpus page, where it comes from under which licence', () => {
    expect(kase.shows.length).toBeGreaterThan(20);
    if (kase.source) {
      expect(kase.source.id).toBeTruthy();
      expect(kase.source.licence).not.toMatch(/AGPL/iu);
    }
  });

  // Cheap checks that survive unrelated changes: snippets of the gold article and of the boilerplate.
  it.each(kase.keep.map((s) => [s]))('keeps %s', (snippet) => {
    expect(record.text).toContain(snippet);
  });

  it.each(kase.drop.map((s) => [s]))('drops %s', (snippet) => {
    expect(record.text).not.toContain(snippet);
  });

  if (kase.captions) {
    it('has exactly the captions of case.json', () => {
      expect(record.images.map((i) => i.caption)).toEqual(kase.captions);
    });
  }

  // What the tool should do and does not yet; each turns red once the core gets it right, and then
  // moves up into keep or drop.
  it.fails.each((kase.gaps?.keep ?? []).map((s) => [s]))('keeps %s (known gap)', (snippet) => {
    expect(record.text).toContain(snippet);
  });

  it.fails.each((kase.gaps?.drop ?? []).map((s) => [s]))('drops %s (known gap)', (snippet) => {
    expect(record.text).not.toContain(snippet);
  });

  if (kase.gaps?.captions) {
    it.fails('has exactly the captions of case.json (known gap)', () => {
      expect(record.images.map((i) => i.caption)).toEqual(kase.gaps?.captions);
    });
  }
});

describe('seed-sample: the acceptance criteria of issue 2', () => {
  const record = cleanCase('seed-sample');
  const expectation = JSON.parse(readFileSync(casePath('seed-sample', 'expect.json'), 'utf8')) as {
    dateline: { place: string; day: number };
    captions: { text: string; credit: string }[];
    subheadings: string[];
    bodyParagraphs: number;
    mustNotBeALine: string[];
    mustNotContain: string[];
  };
  const paragraphs = (s: string) => s.split(/\n\s*\n/u).map((p) => p.trim()).filter((p) => p !== '');
  const outputs = { json: toJson(record), md: toMarkdown(record), text: toText(record) };

  it('is a byte copy of fixtures/seed-dump.txt, which the README runs', () => {
    expect(readFileSync(casePath('seed-sample', 'input.txt'))).toEqual(readFileSync(new URL('../fixtures/seed-dump.txt', import.meta.url)));
  });

  it('has the gold text as its text, paragraph for paragraph', () => {
    const gold = paragraphs(readFileSync(casePath('seed-sample', 'gold.txt'), 'utf8'));
    expect(gold).toHaveLength(expectation.bodyParagraphs);
    expect(paragraphs(record.text)).toEqual(gold);
  });

  it('has exactly the three captions, with their credits', () => {
    expect(record.images.map((i) => ({ text: i.caption, credit: i.credit }))).toEqual(expectation.captions);
  });

  it('keeps the subheading as a heading block', () => {
    expect(record.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(expectation.subheadings);
  });

  it('reads the dateline: place 平壤, day 19', () => {
    expect(record.dateline).toMatchObject({ place: expectation.dateline.place, day: expectation.dateline.day });
    expect(record.dateline).toMatchObject({ place: '平壤', day: 19 });
  });

  it('has no title: the sample has none, and a caption or teaser headline must not become one', () => {
    expect(record.title).toBeNull();
  });

  it.each(Object.keys(outputs))('has no line of its %s output in mustNotBeALine', (format) => {
    const lines = outputs[format as keyof typeof outputs].split('\n').map((l) => l.trim());
    for (const bad of expectation.mustNotBeALine) expect(lines).not.toContain(bad);
  });

  it.each(Object.keys(outputs))('has no string of mustNotContain anywhere in its %s output', (format) => {
    for (const bad of expectation.mustNotContain) expect(outputs[format as keyof typeof outputs]).not.toContain(bad);
  });

  it('shows each caption once in Markdown, marked as a caption, and never in the text', () => {
    for (const { text } of expectation.captions) {
      expect(outputs.md.split(`*${escapeMarkdown(text)}*`).length - 1).toBe(1);
      expect(outputs.text).not.toContain(text);
    }
  });
});
