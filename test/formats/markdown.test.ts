import { describe, expect, it } from 'vitest';
import { escapeMarkdown, toMarkdown } from '../../src/formats/markdown.js';
import { ZH_BODY, record } from '../helpers.js';

const CAPTION = '朝鲜外长崔善姬周三晚在平壤国际机场欢迎到访的俄罗斯外长拉夫罗夫。(图取自俄罗斯外交部/路透社)';
const SAMPLE = record({
  title: '俄外长访问朝鲜 称两国关系达到新水平',
  dateline: { raw: '(平壤19日讯)', place: '平壤', day: 19, agency: null },
  date: { iso: '2023-10-19T21:05', raw: '2023-10-19 21:05' },
  blocks: [
    { kind: 'paragraph', text: `(平壤19日讯)${ZH_BODY[0]}`, lines: [3, 3] },
    { kind: 'paragraph', text: ZH_BODY[1], lines: [8, 8] },
    { kind: 'heading', text: '两国关系达新战略水准', lines: [10, 10] },
    { kind: 'paragraph', text: ZH_BODY[2], lines: [12, 12] },
  ],
  images: [{ caption: CAPTION, credit: '俄罗斯外交部/路透社', lines: [5, 5] }],
});

function frontMatter(md: string): Map<string, string> {
  const m = /^---\n([\s\S]*?)\n---\n/u.exec(md);
  if (!m) throw new Error('no front matter');
  return new Map(m[1]!.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
}

describe('toMarkdown', () => {
  const md = toMarkdown(SAMPLE);

  it('opens with YAML front matter whose every value is a JSON (so YAML 1.2) scalar', () => {
    const fm = frontMatter(md);
    expect([...fm.keys()]).toEqual(['schema', 'title', 'lang', 'dateline', 'place', 'day', 'byline', 'editor', 'date', 'source', 'encoding']);
    const values = Object.fromEntries([...fm].map(([k, v]) => [k, JSON.parse(v) as unknown]));
    expect(values).toEqual({
      schema: 'deboil/1',
      title: SAMPLE.title,
      lang: 'zh-Hans',
      dateline: '(平壤19日讯)',
      place: '平壤',
      day: 19,
      byline: null,
      editor: null,
      date: '2023-10-19T21:05',
      source: 'page.txt',
      encoding: 'utf-8',
    });
  });

  it('leaves place and day out of the front matter when there is no dateline', () => {
    const fm = frontMatter(toMarkdown(record()));
    expect(fm.get('dateline')).toBe('null');
    expect(fm.has('place')).toBe(false);
  });

  it('quotes front matter strings, so a title with a colon, a "#" or a newline stays one string', () => {
    const tricky = toMarkdown({ ...SAMPLE, title: 'Breaking: #1 "story"\nnext' });
    expect(frontMatter(tricky).get('title')).toBe('"Breaking: #1 \\"story\\"\\nnext"');
  });

  it('puts the title as a level-1 heading after the front matter', () => {
    expect(md.split('\n---\n\n')[1]!.split('\n')[0]).toBe(`# ${SAMPLE.title}`);
  });

  it('writes no level-1 heading when there is no title', () => {
    expect(toMarkdown({ ...SAMPLE, title: null })).not.toMatch(/^# /mu);
  });

  it('writes paragraphs and "## " subheadings in order, one blank line apart, then the final newline', () => {
    expect(md.split('\n---\n\n')[1]).toBe(
      [`# ${SAMPLE.title}`, `(平壤19日讯)${ZH_BODY[0]}`, `*${escapeMarkdown(CAPTION)}*`, ZH_BODY[1], '## 两国关系达新战略水准', ZH_BODY[2]].join('\n\n') + '\n',
    );
  });

  it('writes each caption once, in italics, at its source line', () => {
    const line = `*${escapeMarkdown(CAPTION)}*`;
    expect(md.split(line).length - 1).toBe(1);
    expect(md.indexOf(ZH_BODY[0]!)).toBeLessThan(md.indexOf(line));
    expect(md.indexOf(line)).toBeLessThan(md.indexOf(ZH_BODY[1]!));
  });

  it('escapes a paragraph that would read as Markdown syntax', () => {
    const out = toMarkdown(record({ blocks: [{ kind: 'paragraph', text: '1. 第一点 *重要*', lines: [1, 1] }] }));
    expect(out).toContain('\n\n\\1. 第一点 \\*重要\\*\n');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['+ not a list', '\\+ not a list'],
    ['1. not a list', '\\1. not a list'],
    ['2) not a list', '\\2) not a list'],
    ['> not a quote', '\\> not a quote'],
    ['~~~', '\\~~~'],
    ['---', '\\---'],
    ['===', '\\==='],
    ['| not | a table |', '\\| not | a table |'],
  ])('keeps %j from turning into Markdown syntax at the start', (input, out) => {
    expect(escapeMarkdown(input)).toBe(out);
  });

  it('escapes inline emphasis, code, links and HTML', () => {
    expect(escapeMarkdown('a *b* _c_ `d` [e](f) <g>')).toBe('a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\>');
  });

  it('escapes a backslash, so an escape in the text stays visible', () => {
    expect(escapeMarkdown('C:\\path')).toBe('C:\\\\path');
  });

  it('leaves ordinary Chinese and English prose alone', () => {
    expect(escapeMarkdown(ZH_BODY[0]!)).toBe(ZH_BODY[0]);
    expect(escapeMarkdown('He said: "yes, 3.5% more."')).toBe('He said: "yes, 3.5% more."');
  });
});
