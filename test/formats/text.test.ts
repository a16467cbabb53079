import { describe, expect, it } from 'vitest';
import { toText } from '../../src/formats/text.js';
import { ZH_BODY, record } from '../helpers.js';

describe('toText', () => {
  it('is exactly the record text and one final newline', () => {
    const r = record({
      title: '俄外长访问朝鲜',
      blocks: [
        { kind: 'paragraph', text: ZH_BODY[0], lines: [1, 1] },
        { kind: 'heading', text: '两国关系达新战略水准', lines: [3, 3] },
      ],
      images: [{ caption: '图：新华社', credit: '新华社', lines: [2, 2] }],
    });
    expect(toText(r)).toBe(`${ZH_BODY[0]}\n\n两国关系达新战略水准\n`);
    expect(toText(r)).toBe(`${r.text}\n`);
  });

  it('is empty, with no newline, for an article with no text', () => {
    expect(toText(record())).toBe('');
  });
});
