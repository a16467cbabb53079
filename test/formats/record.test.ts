import { describe, expect, it } from 'vitest';
import { SCHEMA_ID, toRecord } from '../../src/formats/record.js';
import { ZH_BODY, article, inOrder, labeled, stringSource } from '../helpers.js';

const CAPTION = '朝鲜外长崔善姬周三晚在平壤国际机场欢迎到访的俄罗斯外长拉夫罗夫。(图取自俄罗斯外交部/路透社)';
const blocks = inOrder([
  labeled({ label: 'boilerplate', reason: 'nav', text: '首页' }),
  labeled({ label: 'body', text: ZH_BODY[0] }),
  labeled({ label: 'caption', text: CAPTION }),
  labeled({ label: 'boilerplate', reason: 'duplicate', text: CAPTION }),
  labeled({ label: 'heading', text: '两国关系达新战略水准' }),
  labeled({ label: 'body', text: ZH_BODY[1] }),
  labeled({ label: 'boilerplate', reason: 'read-more', text: '阅读全文' }),
  labeled({ label: 'boilerplate', reason: 'read-more', text: '阅读全文' }),
  labeled({ label: 'title', text: '俄外长访问朝鲜' }),
]).map((b, i) => (i === 5 ? { ...b, lines: [6, 8] as const } : b));
const a = article({ blocks, lineCount: 12, images: [{ caption: CAPTION, credit: '俄罗斯外交部/路透社', lines: [3, 3] }] });

describe('toRecord', () => {
  const r = toRecord(a, stringSource('x', 'x.txt'));

  it('names the schema', () => {
    expect(r.schema).toBe(SCHEMA_ID);
    expect(SCHEMA_ID).toBe('deboil/1');
  });

  it('joins kept paragraphs and headings into text, one blank line apart, and nothing else', () => {
    expect(r.text).toBe([ZH_BODY[0], '两国关系达新战略水准', ZH_BODY[1]].join('\n\n'));
  });

  it('lists kept blocks with their kind and source lines', () => {
    expect(r.blocks).toEqual([
      { kind: 'paragraph', text: ZH_BODY[0], lines: [2, 2] },
      { kind: 'heading', text: '两国关系达新战略水准', lines: [5, 5] },
      { kind: 'paragraph', text: ZH_BODY[1], lines: [6, 8] },
    ]);
  });

  it('counts removed blocks by reason, sorted, and the source lines it kept', () => {
    expect(r.stats).toEqual({ lines: 12, keptLines: 5, removed: { duplicate: 1, nav: 1, 'read-more': 2 } });
    expect(Object.keys(r.stats.removed)).toEqual(['duplicate', 'nav', 'read-more']);
  });

  it('passes images and source through', () => {
    expect(r.images).toEqual([{ caption: CAPTION, credit: '俄罗斯外交部/路透社', lines: [3, 3] }]);
    expect(r.source).toEqual(stringSource('x', 'x.txt'));
  });

  it('warns when decoding had to put in replacement characters', () => {
    const rec = toRecord(a, { ...stringSource('x'), encoding: 'gb18030', replacements: 2 });
    expect(rec.warnings).toEqual(['decoding as gb18030 left 2 replacement character(s)']);
    expect(r.warnings).toEqual([]);
  });
});
