import { describe, expect, it } from 'vitest';
import { measure } from '../../src/core/features.js';
import { block, ctx } from '../helpers.js';

const f = (text: string) => measure(block({ text }), ctx.rules);

describe('measure: length in characters, CJK aware', () => {
  it('counts each Chinese character, and a Chinese line is not one long "word"', () => {
    const m = f('朝鲜外长崔善姬欢迎拉夫罗夫');
    expect(m.chars).toBe(13);
    expect(m.cjk).toBe(13);
    expect(m.words).toBe(0);
  });

  it('weighs one CJK character like three Latin letters', () => {
    expect(f('中国新闻').weight).toBe(12);
    expect(f('abc defg').weight).toBe(7);
  });

  it('counts Latin words in mixed text apart from the CJK characters', () => {
    const m = f('G20峰会在Rome举行');
    expect(m.cjk).toBe(5);
    expect(m.words).toBe(2);
  });

  it('does not count spaces as characters', () => {
    expect(f('a b  c').chars).toBe(3);
  });
});

describe('measure: terminal punctuation in both widths', () => {
  it.each(['他说。', '他说！', '他说？', 'He said.', 'He said!', 'He said?', 'He said;', '他说：“好。”', 'He said "yes."', '（完）。'])(
    '%s ends a sentence',
    (text) => {
      expect(f(text).endsSentence).toBe(true);
    },
  );

  // The full-width full stop U+FF0E, used in some Chinese and Japanese texts.
  it('a full-width full stop "．" ends a sentence', () => {
    expect(f('他说完了．').endsSentence).toBe(true);
  });

  it.each(['两国关系达新战略水准', 'Most Read Stories', '他说，', 'He said,'])('%s does not end a sentence', (text) => {
    expect(f(text).endsSentence).toBe(false);
  });

  it('counts sentence ends inside a block, both widths', () => {
    expect(f('第一句。第二句！ Third one. Fourth?').sentences).toBe(4);
  });
});

describe('measure: truncation', () => {
  it.each(['拉夫罗夫周三抵达平壤，外界预计...', 'The minister said that...', '外界预计拉夫罗夫此行…', '外界预计(…)'])(
    '%s is a teaser cut short',
    (text) => {
      expect(f(text).truncated).toBe(true);
    },
  );

  it.each(['俄罗斯联邦对朝鲜......', '俄罗斯联邦对朝鲜……', '他说完了。'])('%s is not cut short: six dots and a doubled ellipsis are prose', (text) => {
    expect(f(text).truncated).toBe(false);
  });
});

describe('measure: stopword and function-character density', () => {
  it('finds English prose full of function words', () => {
    expect(f('The minister said that he was in the city for the talks').stopRatio).toBeGreaterThan(0.4);
  });

  it('finds a headline or menu nearly without them', () => {
    expect(f('Stocks Rally Record Highs Tech Earnings').stopRatio).toBeLessThan(0.2);
  });

  it('measures Chinese by function characters, not by words', () => {
    const prose = f('他说我们的关系已经达到了新的水平');
    const menu = f('国际新闻军事财经体育娱乐');
    expect(prose.stopRatio).toBeGreaterThan(0.2);
    expect(menu.stopRatio).toBe(0);
  });
});

describe('measure: other features', () => {
  it('finds URLs and e-mail addresses', () => {
    expect(f('详见 https://example.com/a').hasUrl).toBe(true);
    expect(f('来信请寄 editor@example.com').hasUrl).toBe(true);
    expect(f('没有链接的一句话。').hasUrl).toBe(false);
  });

  it('measures the share of digits', () => {
    expect(f('2023-10-19 12:30').digitRatio).toBeGreaterThan(0.7);
  });

  it('finds a headline title-like and a sentence or a date not', () => {
    expect(f('两国关系达新战略水准').titleLike).toBe(true);
    expect(f('Russia and North Korea Reach New Level').titleLike).toBe(true);
    expect(f('拉夫罗夫说，两国关系达到新水准。').titleLike).toBe(false);
    expect(f('2023-10-19 12:30').titleLike).toBe(false);
  });

  it('counts capitalised words', () => {
    expect(f('Russia Says Ties Reach New Level').capRatio).toBe(1);
    expect(f('russia says ties reach a new level').capRatio).toBe(0);
  });
});
