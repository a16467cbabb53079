import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createContext, extract } from '../../src/core/pipeline.js';
import { defaultRules } from '../../src/rules/index.js';
import { languageProfiles } from '../../src/rules/langs.js';
import { toRecord } from '../../src/formats/record.js';
import { toText } from '../../src/formats/text.js';
import { toJson } from '../../src/formats/json.js';
import { escapeMarkdown, toMarkdown, unescapeMarkdown } from '../../src/formats/markdown.js';
import { markdownToText, NotARecordError, readBack } from '../../src/formats/read-back.js';

const ctx = createContext(defaultRules, languageProfiles);
const source = { path: 'seed.txt', encoding: 'utf-8', confidence: 1, bytes: 0, replacements: 0 };
const record = toRecord(extract(readFileSync('fixtures/seed-dump.txt', 'utf8'), ctx), source);

/** Non-blank lines, which is what the pipeline reads: blank lines only separate blocks. */
function paragraphs(s: string): string[] {
  return s.split('\n').filter((l) => l.trim() !== '');
}

describe('unescapeMarkdown', () => {
  it('undoes escapeMarkdown for any line', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'ab #*-+>1.)_`[]<>\\|=~ '), maxLength: 20 }), (s) => unescapeMarkdown(escapeMarkdown(s)) === s));
  });

  it('drops the escape that kept a paragraph from becoming a heading', () => {
    expect(unescapeMarkdown('\\# not a heading')).toBe('# not a heading');
  });
});

describe('readBack', () => {
  it('reads deboil Markdown as the text output, with front matter, title and captions blanked', () => {
    const md = toMarkdown(record);
    const back = readBack('seed.md', md);
    expect(back.format).toBe('md');
    expect(paragraphs(back.text)).toEqual(paragraphs(toText(record)));
  });

  it('keeps Markdown line numbers: line n of the text is line n of the file', () => {
    const md = toMarkdown(record);
    const back = readBack('seed.md', md);
    expect(back.text.split('\n')).toHaveLength(md.split('\n').length);
    const at = md.split('\n').findIndex((l) => l.startsWith('(平壤19日讯)'));
    expect(back.text.split('\n')[at]).toBe(md.split('\n')[at]);
  });

  it('turns a `## ` subheading back into its text', () => {
    expect(markdownToText('## 两国关系达新战略水准')).toBe('两国关系达新战略水准');
  });

  it('reads a caption line as blank, but not a paragraph that starts with an escaped asterisk', () => {
    expect(markdownToText('*A caption (Photo: AP)*\n\n\\* not a list')).toBe('\n\n* not a list');
  });

  it('sniffs front matter in a file not named .md', () => {
    expect(readBack('-', toMarkdown(record)).format).toBe('md');
  });

  it('reads the text field of a deboil JSON record and points at its line', () => {
    const json = toJson(record);
    const back = readBack('out/seed.json', json);
    expect(back.text).toBe(record.text);
    expect(json.split('\n')[back.atLine! - 1]).toMatch(/^\s*"text": /u);
  });

  it('refuses JSON that is not a deboil record, naming what is missing', () => {
    expect(() => readBack('meta.json', '{"id": 1}')).toThrow(NotARecordError);
    expect(() => readBack('meta.json', '{"id": 1}')).toThrow(/no string "text" field/u);
    expect(() => readBack('bad.json', '{')).toThrow(/not valid JSON/u);
  });

  it('reads anything else as text, unchanged', () => {
    expect(readBack('page.txt', '阅读全文\n')).toEqual({ format: 'text', text: '阅读全文\n', atLine: null });
  });
});
