import { describe, expect, it } from 'vitest';
import { classifyBlock, isProse } from '../../src/core/classify.js';
import { measure } from '../../src/core/features.js';
import { ZH_BODY, balanced, block, ctx } from '../helpers.js';

const classify = (text: string) => classifyBlock(block({ text }), ctx.rules, balanced);
const verdictOf = (text: string) => {
  const c = classify(text);
  return { label: c.verdict.label, reason: c.verdict.reason, cue: c.cue };
};

describe('classifyBlock: read-more links', () => {
  it.each(['阅读全文', '展开全文', '点击阅读原文', '[阅读全文]', '阅读全文>>', '閱讀全文', '展開全文', '點擊閱讀原文', 'Continue reading', 'Read more »', 'ＣＯＮＴＩＮＵＥ ＲＥＡＤＩＮＧ', '阅\u200b读全文'])(
    '%s is a read-more link',
    (text) => {
      expect(verdictOf(text)).toMatchObject({ label: 'boilerplate', reason: 'read-more' });
    },
  );

  it('a bare "Read more" is a read-more link, not a trending header', () => {
    expect([verdictOf('Read more'), verdictOf('ＲＥＡＤ ＭＯＲＥ')]).toMatchObject([
      { label: 'boilerplate', reason: 'read-more' },
      { label: 'boilerplate', reason: 'read-more' },
    ]);
  });

  it('records the rule that decided', () => {
    expect(classify('阅读全文').verdict).toEqual({ label: 'boilerplate', reason: 'read-more', rule: 'zh/read-more', pass: 'classify' });
  });

  it('does not take a sentence that mentions copyright for a footer, but takes a footer that names it mid-line', () => {
    expect(verdictOf('All of that said, you need to watch out for copyright issues when posting video from Google Earth.').label).toBe('body');
    expect(verdictOf('新浪网 Copyright © 1996-2005 SINA Corporation')).toMatchObject({ label: 'boilerplate', reason: 'footer' });
    expect(verdictOf('美国唱片工会表示：“播客在使用其它音乐时，一定要获得版权所有者的许可，否则就构成侵权。”').label).toBe('body');
  });

  it('leaves a bracketed word alone: only file names are images', () => {
    expect(verdictOf('[Applause]').reason).not.toBe('decoration');
  });

  it('takes a plug for the newsletter for boilerplate, not news about a newsletter', () => {
    expect(verdictOf("There's plenty more where that came from. Sign up for The Water Coolest today to get the free daily newsletter delivered to your inbox daily.")).toMatchObject({ label: 'boilerplate', reason: 'share' });
    expect(verdictOf('More than a million people now subscribe to her newsletter, which she started three years ago after leaving the paper to work on her own.').label).toBe('body');
  });

  it('does not take an article sentence about trademarks or the FDA for a disclaimer', () => {
    expect(verdictOf('The company said its logo is a registered trademark of the parent firm and would not be changed, despite the court ruling on Tuesday.').label).toBe('body');
    expect(verdictOf('Critics say these statements have not been evaluated by the Food and Drug Administration, and the agency said on Monday it would look into them.').label).toBe('body');
  });

  it('does not take a sentence that mentions reading for a link', () => {
    expect(verdictOf('他说，阅读全文之后才能理解这份报告的意义，并呼吁各方认真对待。').label).toBe('body');
  });
});

describe('classifyBlock: what only looks like a byline', () => {
  it.each(['By the river', 'By the numbers'])('%s is no byline', (text) => {
    expect(verdictOf(text).reason).not.toBe('nav');
  });
});

describe('classifyBlock: what only looks like a plug', () => {
  it('keeps a sentence that mentions a code without a price', () => {
    expect(verdictOf('Police said the scammers told their victims to use the code that was sent to them by text message.').label).toBe('body');
  });
});

describe('classifyBlock: trending headers', () => {
  it.each(['热门新闻', '熱門新聞', '相关新闻', '相關新聞', '推荐阅读', '推薦閱讀', '【相关阅读】', 'Most read', 'Most Popular', 'Related', 'Related Stories', 'You may also like', 'Artigos relacionados', 'Você pode gostar...', 'Lire aussi', 'Ähnliche Artikel', 'Baca juga', 'Читайте также'])(
    '%s opens a list of other stories',
    (text) => {
      expect(verdictOf(text)).toEqual({ label: 'boilerplate', reason: 'trending', cue: 'trending-header' });
    },
  );
});

describe('classifyBlock: categories, navigation, footers, comments', () => {
  it.each(['国际', '國際', '财经', 'World', 'Politics'])('%s is a category label', (text) => {
    expect(verdictOf(text)).toEqual({ label: 'boilerplate', reason: 'category', cue: 'category' });
  });

  it.each([
    ['首页 > 国际 > 正文', 'nav'],
    ['责任编辑：张三', 'footer'],
    ['責任編輯：李四', 'footer'],
    ['Copyright © 2023 Example Media. All rights reserved.', 'footer'],
    ['Copyright @ 2019 The New Arab.', 'footer'],
    ['版权所有 不得转载', 'footer'],
    ['西藏日报社出版|国内统一刊号：CN54—0002|邮发代号：67—1', 'footer'],
    ['分享到：微信 微博', 'share'],
    ['Share this article', 'share'],
    ['Sharing is caring!', 'share'],
    ['0shares', 'share'],
    ['1.2K Shares', 'share'],
    ['Skip to main content', 'nav'],
    ["Related: SpaceX's Starship and Blue Moon landers", 'teaser'],
    ['[grey_bg]', 'decoration'],
    ['[shutterstock_106447427-300x200]', 'decoration'],
    ['[spacer.gif]', 'decoration'],
    ['Image 1 of 5', 'decoration'],
    ['Protesters gather outside the parliament on Tuesday... View full size', 'ad'],
    ['010_Clymer-1', 'decoration'],
    ['clip_image002', 'decoration'],
    ['Get Motor Cycle Monthly delivered through your letterbox every month. 12 issues for £11.99. Click here for more information.', 'ad'],
    ['Natasha Turak@NatashaTurak', 'nav'],
    ['By Amy Kuperinsky | NJ Advance Media for NJ.com', 'nav'],
    ['By Jane Doe and John Smith', 'nav'],
    ['Follow me on Twitter or LinkedIn. Check out my website.', 'share'],
    ['Like this story? Share it with a friend!', 'share'],
    ['Follow RT on', 'share'],
    ['Whatsapp Facebook Pint Baixar', 'share'],
    ['Do you like this story?', 'share'],
    ['In This Article: direct, Doobie Brothers, Michael McDonald, VSRock', 'nav'],
    ['Tags: Huawei, telecommunications, ZTE', 'nav'],
    ['Get access to the service for as little as Rs 599 for first year. Use the code "GETPRO". It offers all the information you need.', 'ad'],
    ['图 2/6', 'decoration'],
    ['[jiFgl7LHh4HHIh2kHaft40bMma0O_H0LWr2VeDWJByyKqFFJy7V8yCHic0iVvLx2xOM5 gBtc1ZQjpLBJFcdPL6bnB-tuiDPw5Z76NYiFX85vvFbk2D]', 'decoration'],
    ['READ MORE: Trump pardons the Thanksgiving turkey', 'teaser'],
    ["Photos from Us: See how 'Idol' contestants have changed over the years", 'teaser'],
    ['VIDEO: Watch the moment the roof collapsed', 'teaser'],
    ['延伸阅读：朝鲜外长会见俄外长', 'teaser'],
    ['【相關新聞】：朝鮮外長會見俄外長', 'teaser'],
    ['*These statements have not been evaluated by the Food and Drug Administration. These products are not intended to diagnose, treat, cure, or prevent any disease.', 'footer'],
    ['Apple logo, Apple TV, App Store, iPad, iPhone, and iPod touch are registered trademarks of Apple Inc. Roku is a registered trademark of Roku, Inc.', 'footer'],
    ['+Results vary depending on starting point, goals and effort. Exercise and proper diet are necessary to achieve and maintain weight loss.', 'footer'],
    ['The information provided on this website (including the Blogs and all other content) was originally intended for a US audience. Regulations in your country may vary.', 'footer'],
  ])('%s is boilerplate (%s)', (text, reason) => {
    expect(verdictOf(text)).toMatchObject({ label: 'boilerplate', reason });
  });

  it('takes a bare home link "首页" or "网站首页" for navigation', () => {
    expect([verdictOf('首页'), verdictOf('网站首页')]).toMatchObject([
      { label: 'boilerplate', reason: 'nav' },
      { label: 'boilerplate', reason: 'nav' },
    ]);
  });

  it.each(['网友评论', '發表評論', 'Leave a Reply', 'Post a comment', '已有3件评论', '《播客热潮迅速蔓延》已有1件评论'])('%s marks where the comments start', (text) => {
    expect(verdictOf(text)).toMatchObject({ label: 'boilerplate', reason: 'comment', cue: 'end-marker' });
  });

  it.each(['About the author', 'Sobre o autor', 'Über den Autor', '作者简介：', '【關於作者】'])('%s heads the writer\'s box: the text ends there', (text) => {
    expect(verdictOf(text)).toMatchObject({ label: 'boilerplate', reason: 'footer', cue: 'end-marker' });
  });

  it.each(['Sources:', 'References', 'Works cited'])('%s heads a bibliography: the text ends there', (text) => {
    expect(verdictOf(text)).toMatchObject({ label: 'boilerplate', reason: 'footer', cue: 'end-marker' });
  });

  it.each(['反侵权公告：', '【版权声明】', '免責聲明'])('%s heads a legal notice: the page ends there', (text) => {
    expect(verdictOf(text)).toMatchObject({ label: 'boilerplate', reason: 'footer', cue: 'end-marker' });
  });

  it('does not take a sentence that starts with a notice word for its heading', () => {
    expect(verdictOf('版权声明引发争议，多家媒体表示将重新审视转载规则，并与作者协商稿酬标准。').cue).not.toBe('end-marker');
  });

  it('takes a dated sentence for prose, and a dated post header for a stamp', () => {
    expect(verdictOf('For JCP&L 966,700 out of 1.1 million were without power at 11:30 a.m. today.').cue).not.toBe('stamp');
    expect(verdictOf('By Matthew Digby , Minh Do on Monday, November 18th, 2019 at 11:08 a.m.').cue).toBe('stamp');
    expect(verdictOf('Milan Griffes on September 10, 2019 at 4:37 pm said:').cue).toBe('stamp');
    expect(verdictOf('Jane Doe says:').cue).toBe('stamp');
    expect(verdictOf('He said, she said').cue).not.toBe('stamp');
    expect(verdictOf('“内中有一个见自己已经好了，就回来。”(路加福音17：15－16)').cue).not.toBe('stamp');
  });

  it('takes a bare "Comments" for a soft marker: a link, unless post headers follow', () => {
    expect(verdictOf('Comments')).toMatchObject({ label: 'boilerplate', reason: 'comment', cue: 'soft-end-marker' });
    expect(verdictOf('About Jane Doe')).toMatchObject({ label: 'boilerplate', reason: 'footer', cue: 'soft-end-marker' });
    expect(verdictOf('About this rating').cue).toBe('none');
  });
});

describe('classifyBlock: captions', () => {
  it.each([
    '朝鲜外长崔善姬周三晚在平壤国际机场欢迎到访的俄罗斯外长拉夫罗夫。(图取自俄罗斯外交部/路透社)',
    '民众冒雨欢迎到访的俄罗斯外长。（图／法新社）',
    '朝鲜官媒周四发布照片。（图片来源：朝中社）',
    '图：新华社记者 李四',
    '摄影：张三',
    '俄罗斯外长在机场。（路透社）',
    '会谈现场。新华社记者王五摄',
    'The minister arrives at the airport. (Photo: Reuters)',
    'Photo: Getty Images',
    'Getty',
    'Demonstrators outside the parliament building on Tuesday. (AP)',
    'In this photo issued by ITV, Jeremy Corbyn reacts during the election head-to-head debate live on TV, in Salford, Manchester, England.',
    'In this Dec. 12, 2006, file photo, made available by NASA, astronaut Robert L. Curbeam Jr. works on the space station.',
    'Lexus wants you to go topless with 2020 LC500 Convertible image',
    'The first global geologic map of Titan. (NASA/JPL-Caltech/ASU)',
    'Image: Jose Mourinho, left, has replaced Mauricio Pochettino as manager of Tottenham Hotspur this week',
    'Rep. Ilhan Omar, D-Minn., speaks at the Capitol on July 25, 2019.J. Scott Applewhite / AP file',
  ])('%s is a caption', (text) => {
    expect(verdictOf(text).label).toBe('caption');
  });

  it.each(['The big picture', 'Why the brand needs a new image'])('%s may head a section: no caption', (text) => {
    expect(verdictOf(text).label).not.toBe('caption');
  });

  it('does not take a writer\'s "In this photo, you can see…" for a wire caption', () => {
    expect(verdictOf('In this photo, you can still see a few bits of glue, and you can decide how picky you want to be about them.').label).toBe('body');
  });

  it('does not take a long paragraph that ends by quoting an agency for a caption', () => {
    const long = `${ZH_BODY.join('')}${ZH_BODY.join('')}${ZH_BODY.join('')}（路透社）`;
    expect(measure(block({ text: long }), ctx.rules).weight).toBeGreaterThan(900);
    expect(verdictOf(long).label).toBe('body');
  });
});

describe('classifyBlock: datelines, teasers, prose', () => {
  it.each([
    '(平壤19日讯)俄罗斯外交部表示，外长拉夫罗夫感谢朝鲜支持俄罗斯，并承诺莫斯科将全力支持和声援朝鲜最高领导人。',
    '（中央社记者张三台北20日电）行政院今天召开会议，讨论明年度的总预算案，多名官员出席并说明各部会的需求。',
    'BEIJING, March 3 (Reuters) - China said on Friday it would raise its defence budget this year, as the government seeks to modernise the armed forces.',
  ])('keeps a paragraph that opens with a dateline as body: %s', (text) => {
    expect(verdictOf(text).label).toBe('body');
  });

  it.each(['外界预计拉夫罗夫此行是为俄罗斯总统普京访问朝鲜铺路...', '拉夫罗夫周三抵达平壤…', 'The minister said on Thursday that the talks had gone well and that...'])(
    '%s is a truncated teaser lead',
    (text) => {
      expect(verdictOf(text)).toMatchObject({ label: 'boilerplate', reason: 'teaser' });
    },
  );

  it('takes a Chinese sentence of prose for body', () => {
    expect(classify(ZH_BODY[0]).verdict).toMatchObject({ label: 'body', rule: 'line/prose' });
  });

  it('leaves a short headline-like line as "short", for the revise stage to decide', () => {
    expect(verdictOf('两国关系达新战略水准')).toMatchObject({ label: 'boilerplate', reason: 'short' });
  });
});

describe('isProse', () => {
  const features = (text: string) => measure(block({ text }), ctx.rules);

  it('needs English text to carry function words', () => {
    const prose = features('The minister said on Thursday that the talks with his counterpart had gone well and would continue.');
    const list = features('Markets Stocks Bonds Currencies Commodities Futures Options Earnings Calendar Economy Deals IPOs Funds ETFs Retirement.');
    expect(isProse(prose, balanced)).toBe(true);
    expect(isProse(list, balanced)).toBe(false);
  });

  it('refuses a line lighter than the body weight', () => {
    expect(isProse(features('他说。'), balanced)).toBe(false);
  });
});
