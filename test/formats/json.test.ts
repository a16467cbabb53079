import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/formats/json.js';
import { toJsonLine } from '../../src/formats/jsonl.js';
import { formats, isFormatName } from '../../src/formats/index.js';
import { ZH_BODY, cleanText, dump } from '../helpers.js';

const record = cleanText(dump('(平壤19日讯)' + ZH_BODY[0], '', '热门新闻', '', ZH_BODY[1], '', '阅读全文', '', ZH_BODY[2]), 'a.txt');

describe('toJson', () => {
  it('round-trips to the record, pretty-printed, with a final newline', () => {
    const s = toJson(record);
    expect(JSON.parse(s)).toEqual(JSON.parse(JSON.stringify(record)));
    expect(s.endsWith('}\n')).toBe(true);
    expect(s.split('\n').length).toBeGreaterThan(10);
  });
});

describe('toJsonLine', () => {
  it('writes one record on exactly one line', () => {
    const s = toJsonLine(record);
    expect(s.endsWith('\n')).toBe(true);
    expect(s.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(s)).toEqual(JSON.parse(toJson(record)));
  });

  it('keeps a record on one line even when the text holds line and paragraph separators', () => {
    const s = toJsonLine({ ...record, text: 'a\u2028b\u2029c\nd' });
    expect(s.slice(0, -1).split(/\r?\n/u)).toHaveLength(1);
  });
});

describe('formats', () => {
  it('knows json, jsonl, md and text, and nothing else', () => {
    expect(Object.keys(formats).sort()).toEqual(['json', 'jsonl', 'md', 'text']);
    expect(isFormatName('md')).toBe(true);
    expect(isFormatName('toString')).toBe(false);
    expect(isFormatName('html')).toBe(false);
  });
});
