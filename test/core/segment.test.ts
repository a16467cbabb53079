import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessWrap, segment, segmentParagraphs, toRawLines, type RawLine, type WrapGuess } from '../../src/core/segment.js';
import { displayAndMatchForms, joinWrapped } from '../../src/core/text.js';
import { EN_BODY, ZH_BODY, dump, hardWrap } from '../helpers.js';

const ZH_PARA = ZH_BODY.slice(0, 4).join('');
const ZH_PARA2 = ZH_BODY.slice(4).join('');
const EN_PARA = EN_BODY.slice(0, 3).join(' ');
const EN_PARA2 = EN_BODY.slice(3).join(' ');

const texts = (t: string): string[] => segment(t).map((b) => b.text);

describe('segment: hard-wrapped dumps (lynx, w3m)', () => {
  it('re-joins a wrapped Chinese paragraph without a space at the joins', () => {
    const t = dump(...hardWrap(ZH_PARA, 100, '   '), '', ...hardWrap(ZH_PARA2, 100, '   '));
    expect(hardWrap(ZH_PARA, 100, '   ').length).toBeGreaterThan(3);
    expect(texts(t)).toEqual([ZH_PARA, ZH_PARA2]);
  });

  it('re-joins a wrapped English paragraph with one space at the joins', () => {
    const t = dump(...hardWrap(EN_PARA, 70, '   '), '', ...hardWrap(EN_PARA2, 70, '   '));
    expect(texts(t)).toEqual([EN_PARA, EN_PARA2]);
  });

  it("drops lynx's 3-space margin and records the source lines a paragraph spans", () => {
    const wrapped = hardWrap(ZH_PARA, 100, '   ');
    const t = dump('   新闻中心', '', ...wrapped, '', ...hardWrap(ZH_PARA2, 100, '   '));
    const blocks = segment(t);
    expect(blocks[0]).toMatchObject({ text: '新闻中心', lines: [1, 1], gapBefore: true });
    expect(blocks[1]).toMatchObject({ text: ZH_PARA, lines: [3, 2 + wrapped.length], gapBefore: true });
    expect(blocks.every((b) => !b.text.startsWith(' '))).toBe(true);
  });

  it('keeps each bulleted item a block of its own, with the drawn bullet removed', () => {
    const t = dump(
      ...hardWrap(ZH_PARA, 100, '   '),
      '',
      ...hardWrap(ZH_PARA2, 100, '   '),
      '',
      '     * 第一条新闻的标题写得很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长',
      '     * 第二条新闻标题',
      '     * 第三条新闻标题',
    );
    const tail = segment(t).slice(-3);
    expect(tail.map((b) => b.text)).toEqual([
      '第一条新闻的标题写得很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长',
      '第二条新闻标题',
      '第三条新闻标题',
    ]);
    expect(tail.every((b) => b.bullet)).toBe(true);
  });

  it('joins the last line of a w3m paragraph even when w3m pushed it far to the right', () => {
    const wrapped = hardWrap(ZH_PARA, 100);
    const last = wrapped.pop()!;
    const t = dump(...wrapped, `${' '.repeat(30)}${last}`, '', ...hardWrap(ZH_PARA2, 100));
    expect(texts(t)).toEqual([ZH_PARA, ZH_PARA2]);
  });

  it('does not join a short line to a full one after it: a wrapped line must end near the width', () => {
    const t = dump('   短标题', ...hardWrap(ZH_PARA, 100, '   '), '', ...hardWrap(ZH_PARA2, 100, '   '));
    expect(texts(t)[0]).toBe('短标题');
  });
});

describe('segment: unwrapped dumps (html2text)', () => {
  it('never joins lines of an unwrapped dump, however long they are', () => {
    const lines = [...ZH_BODY, ...EN_BODY, ZH_PARA, EN_PARA, `${ZH_PARA2}${ZH_PARA}`];
    expect(texts(dump(...lines))).toEqual(lines);
  });

  // A short html2text dump whose paragraphs happen to be about as long as each other is not a wrapped
  // one: its full-width lines are followed by blank lines, not by their continuation.
  it('does not join a doubled caption in a short unwrapped dump', () => {
    const cap = '朝鲜外长崔善姬周三晚在平壤国际机场欢迎到访的俄罗斯外长拉夫罗夫。(图取自俄罗斯外交部/路透社)';
    const lines = ['首页', '', `(平壤19日讯)${ZH_BODY[0]}`, '', cap, cap, '', ZH_BODY[1], '', '两国关系达新战略水准', '', ZH_BODY[2], '', '阅读全文'];
    expect(texts(dump(...lines))).toEqual(lines.filter((l) => l !== ''));
  });

  it('keeps consecutive short lines apart', () => {
    expect(texts(dump('首页', '国际', '财经', '体育', '科技', '娱乐', '汽车'))).toHaveLength(7);
  });
});

describe('segment: blocks', () => {
  it('numbers blocks in input order and never includes a blank line', () => {
    const blocks = segment(dump('', 'a b c', '', '', 'd e f', 'g h i', ''));
    expect(blocks.map((b) => [b.id, b.lines, b.text])).toEqual([
      [0, [2, 2], 'a b c'],
      [1, [5, 5], 'd e f'],
      [2, [6, 6], 'g h i'],
    ]);
  });

  it('marks a block that follows a blank line, or starts the dump, with gapBefore', () => {
    expect(segment(dump('a b', 'c d', '', 'e f')).map((b) => b.gapBefore)).toEqual([true, false, true]);
  });

  it('accepts CRLF and CR line ends as LF', () => {
    expect(segment('a b\r\nc d\re f').map((b) => b.lines[0])).toEqual([1, 2, 3]);
  });

  it('collapses inner white space, ideographic spaces included, for the shown text', () => {
    expect(segment('  中国\u3000\u3000新闻   网\t ')[0]!.text).toBe('中国 新闻 网');
  });

  it('drops a line made only of zero-width characters', () => {
    expect(segment('\u200b\u200b\nabc')).toHaveLength(1);
  });

  // Found by the "shows only input text" property (fixture zero-width-blank-line): a line of only
  // zero-width characters shows as blank, so it must end a paragraph like a blank line.
  it('treats a line of only zero-width characters as a blank line', () => {
    const t = dump('* 的的的的的的的的的的的。的的的的的的。', '\u200b', 'Thursday Thursday the Thursday.', 'the the relations minister the', 'relations. the the the the...', '!');
    expect(segment(t).map((b) => [b.lines, b.gapBefore]).slice(0, 2)).toEqual([
      [[1, 1], true],
      [[3, 3], true],
    ]);
  });

  it('keeps a writer\'s "1." or "-" but drops a drawn "•"', () => {
    expect(texts(dump('• 菜单项', '1. 第一点', '- 破折号'))).toEqual(['菜单项', '1. 第一点', '- 破折号']);
  });
});

// segment reads each line's form once and skips the text forms for lines that are their own
// display form (issue 8); whatever the units on either side of a join, the forms must hold.
describe('segment: lines of every form', () => {
  const piece = fc.constantFrom('中', '文', '，', '。', 'か', 'ﾞ', '\u3099', 'ㄱ', 'ㅏ', '가', '\u11a8', 'e', 'é', '\u0301', 'Σ', 'İ', '…', 'ﬁ', 'Ａ',
    ' ', '  ', '\t', '\u3000', '\u00a0', '\u2000', '\u2028', '\ufeff', '\u200b', 'a', 'Z', '’', '\u{1F600}', '\ud800', '* ', '1. ', '•\u00a0');
  const line = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));
  const dump = fc.array(fc.oneof(line, fc.constant('')), { minLength: 6, maxLength: 30 }).map((a) => a.join('\n'));
  const padded = (d: string): string => d.split('\n').map((l) => (l === '' ? l : l.padEnd(44, 'か'))).join('\n');

  const TRIM = /^[\s\u3000\u200b-\u200f\u2060-\u2064\ufeff]+|[\s\u3000\u200b-\u200f\u2060-\u2064\ufeff]+$/gu;
  /** The text forms of a block's source lines, joined as a wrap joins them. */
  const formsOfLines = (d: string, [first, last]: readonly [number, number]): [string, string] => {
    const contents = d.split('\n').slice(first - 1, last).map((l) => l.replace(TRIM, ''));
    const head = contents[0]!.replace(/^[*•·▪◦+o#]\s+(?=\S)/u, '');
    return displayAndMatchForms(contents.slice(1).reduce(joinWrapped, head));
  };

  it('gives each block the forms of its joined text', () => {
    fc.assert(
      fc.property(dump, (d) => {
        for (const t of [d, padded(d)]) for (const b of segment(t)) expect([b.text, b.norm]).toEqual(formsOfLines(t, b.lines));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives segmentParagraphs the forms segment gives', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (texts) => {
        const paras = texts.map((t) => ({ text: t, norm: displayAndMatchForms(t)[1] }));
        expect(segmentParagraphs(paras)).toEqual(segment(texts.join('\n\n')));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('guessWrap', () => {
  // The definition before issue 8, which scored the columns even when every line was as wide in
  // columns as in code points.
  const byBothMetrics = (lines: readonly RawLine[]): WrapGuess | null => {
    let best: (WrapGuess & { score: number }) | null = null;
    for (const metric of ['chars', 'cols'] as const) {
      const widths = lines.filter((l) => l.content !== '').map((l) => l[metric]);
      if (widths.length < 6) continue;
      const maxW = Math.min(132, Math.max(0, ...widths));
      const all = new Array<number>(maxW + 2).fill(0);
      const cont = new Array<number>(maxW + 2).fill(0);
      lines.forEach((l, i) => {
        if (l.content === '' || l[metric] > maxW) return;
        all[l[metric] + 1]!++;
        const next = lines[i + 1];
        if (next && next.content !== '' && !next.bullet) cont[l[metric] + 1]!++;
      });
      for (let w = 1; w <= maxW + 1; w++) [all[w], cont[w]] = [all[w]! + all[w - 1]!, cont[w]! + cont[w - 1]!];
      const upTo = (sums: number[], w: number): number => sums[Math.max(0, Math.min(w, maxW) + 1)]!;
      for (let w = 40; w <= maxW; w++) {
        const near = upTo(all, w) - upTo(all, w - 3);
        const crowd = upTo(all, w) - upTo(all, w - 12);
        const continued = upTo(cont, w) - upTo(cont, w - 12);
        if (widths.length - upTo(all, w) > Math.max(2, widths.length * 0.03)) continue;
        const below = upTo(all, w - 12) - upTo(all, w - 24);
        const long = widths.length - upTo(all, 39);
        if (crowd < 4 || (crowd < long * 0.25 && (crowd < 6 || crowd < below * 2))) continue;
        if (continued < 3 || continued * 2 < crowd) continue;
        const score = near + crowd / 4;
        if (!best || score > best.score || (score === best.score && w > best.width)) best = { metric, width: w, score };
      }
    }
    return best ? { metric: best.metric, width: best.width } : null;
  };
  // Lines just short of a wrap width, some of them CJK (two columns a character), some blank or bulleted.
  const line = fc.oneof(
    { arbitrary: fc.tuple(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 40 })), fc.constantFrom('a', 'x ', '中', '中a', '* a')), weight: 6 },
    { arbitrary: fc.constant<[number, string]>([0, '']), weight: 1 },
  );
  const dump = fc.tuple(fc.integer({ min: 40, max: 140 }), fc.array(line, { maxLength: 60 })).map(([width, ls]) =>
    ls.map(([short, u]) => (u === '' ? '' : u.repeat(width).slice(0, Math.max(1, width - short)))).join('\n'),
  );
  it('guesses as scoring both metrics did', () => {
    fc.assert(
      fc.property(dump, (d) => {
        const lines = toRawLines(d);
        expect(guessWrap(lines)).toEqual(byBothMetrics(lines));
      }),
      { numRuns: 3000 },
    );
  });
});
