import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDateline, topicWords } from '../../src/core/assemble.js';
import { extract } from '../../src/core/pipeline.js';
import { defaultRules } from '../../src/rules/index.js';
import { EN_BODY, ZH_BODY, ctx, dump } from '../helpers.js';

const article = (...lines: string[]) => extract(dump(...lines), ctx);
/** The body as blank-line-separated paragraphs, the way a page dump from html2text looks. */
const zhBody = ZH_BODY.slice(0, 3).flatMap((p) => ['', p]);
const enBody = EN_BODY.slice(0, 3).flatMap((p) => ['', p]);

describe('findDateline', () => {
  it('reads place and day from "(平壤19日讯)"', () => {
    expect(findDateline('(平壤19日讯)俄罗斯外交部表示，外长拉夫罗夫感谢朝鲜。', defaultRules)).toEqual({
      raw: '(平壤19日讯)',
      place: '平壤',
      day: 19,
      agency: null,
    });
  });

  it('reads the full-width and Traditional forms "（首尔3日訊）"', () => {
    expect(findDateline('（首尔3日訊）韩国政府今天宣布。', defaultRules)).toMatchObject({ place: '首尔', day: 3 });
  });

  it('reads the day of a CNA dateline', () => {
    expect(findDateline('（中央社记者张三台北20日电）行政院今天召开会议。', defaultRules)).toMatchObject({
      raw: '（中央社记者张三台北20日电）',
      day: 20,
    });
  });

  it('reads place and agency of "（中央社记者张三台北20日电）" and "（中央社台北20日电）"', () => {
    expect([
      findDateline('（中央社记者张三台北20日电）行政院今天召开会议。', defaultRules),
      findDateline('（中央社台北20日電）行政院今天召开会议。', defaultRules),
    ]).toMatchObject([
      { place: '台北', day: 20, agency: '中央社' },
      { place: '台北', day: 20, agency: '中央社' },
    ]);
  });

  it('reads place, day and agency of "BEIJING, March 3 (Reuters) -"', () => {
    expect(findDateline('BEIJING, March 3 (Reuters) - China said on Friday it would raise its budget.', defaultRules)).toEqual({
      raw: 'BEIJING, March 3 (Reuters)',
      place: 'BEIJING',
      day: 3,
      agency: 'Reuters',
    });
  });

  it('reads "新华社北京3月3日电"', () => {
    expect(findDateline('新华社北京3月3日电 记者从会上获悉。', defaultRules)).toMatchObject({ place: '北京', day: 3, agency: '新华社' });
  });

  it('records "本报讯" with no place or day', () => {
    expect(findDateline('本报讯 昨天下午，市政府召开会议。', defaultRules)).toEqual({ raw: '本报讯', place: null, day: null, agency: null });
  });

  it('finds nothing in a paragraph that does not open with a dateline', () => {
    expect(findDateline('俄罗斯外交部表示，外长拉夫罗夫(平壤19日讯)感谢朝鲜。', defaultRules)).toBeNull();
  });

  it('gives no day for an impossible one', () => {
    expect(findDateline('(平壤45日讯)俄罗斯外交部表示。', defaultRules)?.day ?? null).toBeNull();
  });
});

describe('assemble through extract: dateline', () => {
  it('takes the dateline from the first paragraph and keeps it in the text', () => {
    const a = article('(平壤19日讯)俄罗斯外交部表示，外长拉夫罗夫感谢朝鲜支持俄罗斯，并承诺莫斯科将全力支持和声援朝鲜。', ...zhBody);
    expect(a.dateline).toMatchObject({ raw: '(平壤19日讯)', place: '平壤', day: 19 });
    expect(a.blocks[0]!.verdict.label).toBe('body');
  });
});

describe('assemble through extract: title', () => {
  it('promotes the headline just above the article', () => {
    expect(article('俄外长访问朝鲜 称两国关系达到新水平', ...zhBody).title).toBe('俄外长访问朝鲜 称两国关系达到新水平');
    expect(article('Russian Minister Visits Pyongyang for Talks', ...enBody).title).toBe('Russian Minister Visits Pyongyang for Talks');
  });

  it('marks the title block with its own label, outside the text', () => {
    const a = article('俄外长访问朝鲜 称两国关系达到新水平', ...zhBody);
    expect(a.blocks[0]!.verdict).toMatchObject({ label: 'title', rule: 'ctx/headline-above-body' });
  });

  it('never promotes a caption', () => {
    const a = article('朝鲜外长崔善姬在平壤国际机场欢迎到访的俄罗斯外长拉夫罗夫。(图取自俄罗斯外交部/路透社)', ...zhBody);
    expect(a.title).toBeNull();
  });

  it('never promotes the twin of a doubled caption', () => {
    const a = article('俄外长在平壤机场受到民众热烈欢迎', '俄外长在平壤机场受到民众热烈欢迎', ...zhBody);
    expect(a.images.map((i) => i.caption)).toEqual(['俄外长在平壤机场受到民众热烈欢迎']);
    expect(a.title).toBeNull();
  });

  it('never promotes the headline of a teaser', () => {
    const a = article('首页', '叶伦访华讨论两国经济关系', '国际', '美国财长叶伦周四抵达北京，开始为期四天的访问，外界预计...', '阅读全文', ...zhBody);
    expect(a.title).toBeNull();
  });

  it('never promotes a headline separated from the article by a read-more link', () => {
    expect(article('叶伦访华讨论两国经济关系', '阅读全文', ...zhBody).title).toBeNull();
  });

  it('prefers the line that shares words with the text over a site name or a menu line', () => {
    const a = article('Washington Secrets', '', 'Foreign Minister Visits the Capital for Talks', '', ...enBody);
    expect(a.title).toBe('Foreign Minister Visits the Capital for Talks');
    expect(article('Breaking News Emails', '', ...enBody).title).toBeNull();
  });

  it('takes a title-case headline that closes on "!" or an abbreviation', () => {
    expect(article('Minister Visits the Capital Again!', '', 'By John Smith', ...enBody).title).toBe('Minister Visits the Capital Again!');
    expect(article('Officials Eyeing Possible Debris Off Wash.', '', 'By John Smith', ...enBody).title).toBe('Officials Eyeing Possible Debris Off Wash.');
  });

  it('never promotes a breadcrumb', () => {
    expect(article('You are here: Home / World / Minister Visits the Capital', '', ...enBody).title).toBeNull();
  });

  it('is null when nothing headline-like stands above the article', () => {
    expect(article(...zhBody).title).toBeNull();
  });
});

describe('assemble through extract: images, byline, editor', () => {
  it('records each caption once with its credit, outside the body', () => {
    const cap = '朝鲜外长崔善姬周三晚在平壤国际机场欢迎到访的俄罗斯外长拉夫罗夫。(图取自俄罗斯外交部/路透社)';
    const a = article(ZH_BODY[0], '', cap, cap, ...zhBody.slice(2));
    expect(a.images).toEqual([{ caption: cap, credit: '俄罗斯外交部/路透社', lines: [3, 3] }]);
    expect(a.blocks.filter((b) => b.text === cap).map((b) => b.verdict.label)).toEqual(['caption', 'boilerplate']);
  });

  it.each([
    ['民众冒雨欢迎到访的俄罗斯外长。（图／法新社）', '法新社'],
    ['The minister arrives at the airport. (Photo: Reuters)', 'Reuters'],
    ['Demonstrators outside the parliament building on Tuesday. (Reuters)', 'Reuters'],
  ])('reads the credit of %s', (cap, credit) => {
    const a = article(ZH_BODY[0], '', cap, ...zhBody.slice(2));
    expect(a.images).toMatchObject([{ caption: cap, credit }]);
  });

  it('keeps agency and photographer of "(AP Photo/Jane Doe)" as the credit', () => {
    const cap = 'Demonstrators outside the parliament building on Tuesday. (AP Photo/Jane Doe)';
    expect(article(ZH_BODY[0], '', cap, ...zhBody.slice(2)).images).toMatchObject([{ caption: cap, credit: 'AP Photo/Jane Doe' }]);
  });

  it('reads the credit of a Xinhua photo line "…新华社记者王五摄"', () => {
    const cap = '会谈现场。新华社记者王五摄';
    expect(article(ZH_BODY[0], '', cap, ...zhBody.slice(2)).images).toMatchObject([{ caption: cap, credit: '新华社记者王五' }]);
  });

  it('reads an English byline near the top and an editor line at the end', () => {
    const a = article('By John Smith', ...enBody, '', '(Editing by Jane Doe)');
    expect(a.byline).toBe('John Smith');
    expect(a.editor).toBe('Jane Doe');
  });

  it('reads a Chinese editor line', () => {
    expect(article(...zhBody, '', '责任编辑：王五').editor).toBe('王五');
  });

  it.each([
    ['光明日报记者王建宏张文攀', '王建宏张文攀'],
    ['本报实习生刘国栋周炜', '刘国栋周炜'],
    ['□ 本报记者 葛灵丹', '葛灵丹'],
    ['本报记者罗科苏盈发自北京', '罗科苏盈'],
    ['BUSINESS.SOHU.COM　2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]', '黄宇'],
  ])('reads the Chinese byline of %s above the text', (line, name) => {
    expect(article(line, '', ...zhBody).byline).toBe(name);
  });

  it('reads a reporter named in brackets at the end of the text, or on a line just below it', () => {
    expect(article(...zhBody.slice(0, -1), `${zhBody.at(-1)}（袁源）`).byline).toBe('袁源');
    expect(article(...zhBody, '', '□ 本报记者 葛灵丹').byline).toBe('葛灵丹');
    expect(article(...zhBody.slice(0, -1), `${zhBody.at(-1)}（组图）`).byline).toBeNull();
  });

  it('does not take the reporter of a sentence, nor an HTML attribute, for a byline', () => {
    expect(article('看见记者进来，她立刻露出羞涩的表情。', '', ...zhBody).byline).toBeNull();
    expect(article('作者： size="20"   来源： size="20"', '', ...zhBody).byline).toBeNull();
  });

  it('reads an editor in brackets with spaces, or after the source on one line', () => {
    expect(article(...zhBody, '', '（ 责任编辑：刘林源 ）').editor).toBe('刘林源');
    expect(article(...zhBody, '', '• 来源：巴彦淖尔日报    编辑：苏亮').editor).toBe('苏亮');
  });

  it('reads a slashed date in whichever order its numbers allow, and no date when they do not', () => {
    expect(article('发布日期： 9/17/2004 5:54:13 PM', '', ...zhBody).date).toMatchObject({ iso: '2004-09-17T17:54:13' });
    expect(article('Carlos Nadalim 27/09/2018 Comente!', '', ...zhBody).date).toMatchObject({ iso: '2018-09-27' });
    expect(article('发表时间： 06/02/2022 - 13:48', '', ...zhBody).date).toBeNull();
  });

  it('counts the input lines, blank ones included', () => {
    expect(article('a', '', 'b').lineCount).toBe(3);
  });
});

describe('topicWords', () => {
  // The definition the one-pass reading replaced (issue 8).
  const byRegex = (norm: string): Set<string> => {
    const out = new Set<string>();
    for (const w of norm.match(/\p{L}{5,}/gu) ?? []) if (!/\p{Script=Han}/u.test(w)) out.add(w);
    for (const run of norm.match(/\p{Script=Han}{2,}/gu) ?? []) for (let k = 0; k + 1 < run.length; k++) out.add(run.slice(k, k + 2));
    return out;
  };
  const piece = fc.constantFrom('中', '国', '〇', '々', '⺀', '\u{20000}', '\u{20001}', '\ud840', '\udc00', 'a', 'é', 'Д', 'か', '1', ' ', '-', 'world', 'ﬁ', '\u0301');
  const text = fc.oneof(fc.array(piece, { maxLength: 20 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 20 }));

  it('finds what the regexes find', () => {
    fc.assert(fc.property(text, (s) => [...topicWords(s)].sort().join('\n') === [...byRegex(s)].sort().join('\n')), { numRuns: 5000 });
  });

  it('reads long Latin words and Han pairs', () => {
    expect([...topicWords('the minister 外交部长 said')].sort()).toEqual(['外交', 'minister', '交部', '部长'].sort());
  });
});
