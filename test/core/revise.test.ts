import { describe, expect, it } from 'vitest';
import { classifyBlock, type Classified } from '../../src/core/classify.js';
import { blockScore, densestRun, isDataList, reviseByNeighbours } from '../../src/core/revise.js';
import { EN_BODY, ZH_BODY, balanced, block, ctx, inOrder, labeled } from '../helpers.js';

/** Classifies each line alone, as the first pass does, then revises the list by neighbours. */
function revise(...lines: string[]): Classified[] {
  const first = inOrder(lines.map((text) => block({ text }))).map((b) => classifyBlock(b, ctx.rules, balanced));
  return reviseByNeighbours(first, balanced);
}
const labels = (bs: readonly Classified[]) => bs.map((b) => (b.verdict.reason ? `${b.verdict.label}:${b.verdict.reason}` : b.verdict.label));

describe('reviseByNeighbours: subheadings', () => {
  it('keeps a short line between body lines as a heading', () => {
    const out = revise(ZH_BODY[0], ZH_BODY[1], '两国关系达新战略水准', ZH_BODY[2], ZH_BODY[3]);
    expect(out[2]!.verdict).toEqual({ label: 'heading', rule: 'ctx/short-between-body', pass: 'revise' });
    expect(labels(out)).toEqual(['body', 'body', 'heading', 'body', 'body']);
  });

  it('does the same for an English subheading', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], 'A New Strategic Level', EN_BODY[2], EN_BODY[3]);
    expect(out[2]!.verdict.label).toBe('heading');
  });

  it('does not make a heading of a bulleted line', () => {
    const first = inOrder([ZH_BODY[0], ZH_BODY[1], '两国关系达新战略水准', ZH_BODY[2]].map((text) => block({ text })));
    first[2] = { ...first[2]!, bullet: true };
    const out = reviseByNeighbours(first.map((b) => classifyBlock(b, ctx.rules, balanced)), balanced);
    expect(out[2]!.verdict.label).not.toBe('heading');
  });
});

describe('reviseByNeighbours: trending lists', () => {
  it('removes the headline lines that follow a trending header', () => {
    const out = revise(
      ZH_BODY[0],
      ZH_BODY[1],
      ZH_BODY[2],
      '热门新闻',
      'KL市中心再发生树倒 压毁多辆汽车',
      '犹太裔示威者闯美国国会 要求停火',
      '马斯克称将在年底前推出新产品并扩大生产规模，引发市场关注',
    );
    expect(labels(out).slice(3)).toEqual(['boilerplate:trending', 'boilerplate:trending', 'boilerplate:trending', 'boilerplate:trending']);
    expect(out[4]!.verdict.rule).toBe('ctx/after-trending-header');
    expect(labels(out).slice(0, 3)).toEqual(['body', 'body', 'body']);
  });

  it('does the same after an English header', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], EN_BODY[2], 'Most read', 'Stocks rally as tech earnings beat forecasts', 'Storm leaves thousands without power');
    expect(labels(out).slice(3)).toEqual(['boilerplate:trending', 'boilerplate:trending', 'boilerplate:trending']);
  });

  it('ends the list where prose resumes, so a sidebar list above the article does not take it', () => {
    const out = revise('Most read', 'Stocks rally as tech earnings beat forecasts', 'Storm leaves thousands without power', ...ZH_BODY);
    expect(labels(out)).toEqual(['boilerplate:trending', 'boilerplate:trending', 'boilerplate:trending', ...ZH_BODY.map(() => 'body')]);
  });
});

describe('reviseByNeighbours: where a trending list ends', () => {
  /** Blocks given as [text, bullet, gapBefore]. */
  function reviseLaid(...rows: [string, boolean, boolean][]): Classified[] {
    const blocks = inOrder(rows.map(([text, bullet, gapBefore]) => block({ text, bullet, gapBefore })));
    return reviseByNeighbours(blocks.map((b) => classifyBlock(b, ctx.rules, balanced)), balanced);
  }

  it('ends a bulleted list at the first unbulleted line after a gap, so the headline below stays free', () => {
    const out = reviseLaid(
      ['Recent Posts', false, true],
      ['It could be one of two things', true, true],
      ['The theater of the mind', true, false],
      ['Improving your condiments', true, false],
      ['Two deadlines and a read', false, true],
      [EN_BODY[0], false, true],
      [EN_BODY[1], false, true],
    );
    expect(labels(out).slice(1, 4)).toEqual(['boilerplate:trending', 'boilerplate:trending', 'boilerplate:trending']);
    expect(out[4]!.verdict.rule).not.toBe('ctx/after-trending-header');
  });

  it('runs on through unbulleted headlines when the list had no bullets', () => {
    const out = reviseLaid(
      ['Recent Posts', false, true],
      ['It could be one of two things', false, true],
      ['The theater of the mind', false, true],
      ['Two deadlines and a read', false, true],
      [EN_BODY[0], false, true],
    );
    expect(out[3]!.verdict.rule).toBe('ctx/after-trending-header');
  });
});

describe('reviseByNeighbours: a lead that trails off', () => {
  const lead = 'The application deadline for my free summer seminar is Friday morning, so please remind any college students you know that they are almost out of time...';

  it('keeps a full cut-off paragraph right above the text as its first paragraph', () => {
    const out = revise('Two deadlines and a read', lead, EN_BODY[0], EN_BODY[1], EN_BODY[2]);
    expect(out[1]!.verdict).toEqual({ label: 'body', rule: 'ctx/cut-off-by-main', pass: 'revise' });
  });

  it('leaves a short cut-off deck, and a lead far from the text, removed', () => {
    const deck = revise('T-Swift is beefing with her old label again...', EN_BODY[0], EN_BODY[1], EN_BODY[2]);
    expect(deck[0]!.verdict.label).toBe('boilerplate');
    const far = revise(lead, 'Read more', EN_BODY[0], EN_BODY[1], EN_BODY[2]);
    expect(far[0]!.verdict.label).toBe('boilerplate');
  });

  it('keeps a full paragraph cut off right below the text: a paywall stopped it there', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], EN_BODY[2], lead);
    expect(out[3]!.verdict).toEqual({ label: 'body', rule: 'ctx/cut-off-by-main', pass: 'revise' });
    const teaser = revise(EN_BODY[0], EN_BODY[1], EN_BODY[2], 'Two deadlines and a read', lead, 'Read more');
    expect(teaser[4]!.verdict.label).toBe('boilerplate');
  });

  it('keeps a cut paragraph inside the text that follows one of its paragraphs', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], lead, EN_BODY[2], EN_BODY[3], EN_BODY[4]);
    expect(out[2]!.verdict).toMatchObject({ label: 'body', rule: 'ctx/cut-off-by-main' });
  });

  it('leaves the lead of a related story under a trending header removed', () => {
    const out = revise('See also', 'Two patients diagnosed with plague in Beijing', lead, EN_BODY[0], EN_BODY[1], EN_BODY[2]);
    expect(out[2]!.verdict.label).toBe('boilerplate');
  });
});

describe('reviseByNeighbours: bridging inserts', () => {
  const inserts = ['Matt Sayles/AP Photo', '[abc_gaa_stamos_120731_wl.jpg]', "John Stamos, Kristen Davis Star in 'The Best Man' Watch Video", '[spacer.gif]'];

  it('crosses an inline link to another story, not a teaser list', () => {
    const link = revise(EN_BODY[0], ...inserts, 'Related: SpaceX unveils its moon lander design', ...inserts, EN_BODY[1], EN_BODY[2], EN_BODY[3]);
    expect(link[0]!.verdict.label).toBe('body');
    const list = revise(EN_BODY[0], 'Stocks rally as tech earnings beat forecasts', 'Storm leaves thousands without power', 'Minister resigns after vote', ...inserts, EN_BODY[1], EN_BODY[2], EN_BODY[3]);
    expect(list[0]!.verdict.label).toBe('boilerplate');
  });

  it('crosses an embed\'s bare address and a "Photos from …:" link', () => {
    const embed = ['IFRAME:', 'http://www.facebook.com/plugins/likebox.php?href=http%3A%2F%2Fwww.facebook.com%2Ftodayclick', 'Photos from Us: See how the contestants have changed over the years'];
    const out = revise(EN_BODY[0], EN_BODY[1], EN_BODY[2], ...embed, ...inserts, EN_BODY[3]);
    expect(out.at(-1)!.verdict.label).toBe('body');
    expect(out[5]!.verdict.label).toBe('boilerplate');
  });

  it('the inserts are what the bridge crosses: a credit, image placeholders, a video box', () => {
    const out = revise(...inserts);
    expect(out.map((b) => b.verdict.label === 'caption' || ['decoration', 'share', 'ad'].includes(b.verdict.reason ?? ''))).toEqual([true, true, true, true]);
  });

  it('keeps an opening paragraph that the lead image and a video box cut off from the text', () => {
    const out = revise(EN_BODY[0], ...inserts, ...inserts, EN_BODY[1], EN_BODY[2], EN_BODY[3]);
    expect(out[0]!.verdict.label).toBe('body');
    expect(out.slice(1, 9).some((b) => b.verdict.label === 'body')).toBe(false);
  });

  it('keeps a closing paragraph after an inline image the same way', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], EN_BODY[2], ...inserts, ...inserts, EN_BODY[3]);
    expect(out.at(-1)!.verdict.label).toBe('body');
  });

  it('does not bridge a trending header or a menu', () => {
    const out = revise(EN_BODY[0], 'Most read', ...inserts, EN_BODY[1], EN_BODY[2], EN_BODY[3]);
    expect(out[0]!.verdict.label).toBe('boilerplate');
  });
});

describe('reviseByNeighbours: an opening cut off by a box of links', () => {
  const links = ['Trump Impeachment Inquiry', 'Watch live: Sondland testifies', 'Key moments from the testimony', '7 key moments from the hearing', 'Volker says he did not know', 'White House aides testify', 'Watch CBSN Live', 'Impeachment timeline'];
  const box = [...links, 'More in Trump Impeachment Inquiry', 'Watch live: Sondland testifies in impeachment hearing', 'Key moments from Volker and Morrison testimony', 'White House aides testify in impeachment inquiry'];
  const after = [EN_BODY[2], EN_BODY[3], EN_BODY[4], EN_BODY[0], EN_BODY[1]];

  // Full paragraphs: two of the sample sentences each.
  const p1 = `${EN_BODY[0]} ${EN_BODY[1]}`;
  const p2 = `${EN_BODY[2]} ${EN_BODY[3]}`;

  it('keeps two or more paragraphs above the box, and leaves the box out', () => {
    const out = revise(p1, p2, ...box, ...after);
    expect(labels(out.slice(0, 2))).toEqual(['body', 'body']);
    expect(out.slice(2, 2 + box.length).some((b) => b.verdict.label !== 'boilerplate')).toBe(false);
    expect(labels(out.slice(2 + box.length))).toEqual(after.map(() => 'body'));
  });

  it('takes the shorter paragraphs after the opening too, past an inline "Related:" link', () => {
    const out = revise(p1, p2, 'Related: SpaceX unveils its moon lander design', EN_BODY[4], ...box, ...after);
    expect(out[2]!.verdict.label).toBe('boilerplate');
    expect(out[3]!.verdict.label).toBe('body');
  });

  it('takes two short paragraphs of a tabloid opening above a gallery', () => {
    const gallery = ['Beijing Chaoyang Hospital where the man is being treated', '6', 'Beijing Chaoyang Hospital where the man is being treated for the plague', 'The latest case of plague in the city'];
    const out = revise(
      'A HUNTER who killed and ate a wild rabbit in China has been hit by the deadly bubonic plague.',
      'The 55-year-old is the third Beijing resident to contract the medieval disease dubbed the Black Death, say officials.',
      ...gallery,
      ...after,
    );
    expect(labels(out.slice(0, 2))).toEqual(['body', 'body']);
  });

  it('does not take a lone teaser paragraph above the box', () => {
    const out = revise(p1, ...box, ...after);
    expect(out[0]!.verdict.label).toBe('boilerplate');
  });

  it('does not reach across a footer', () => {
    const out = revise(p1, p2, 'Copyright © 2023 Example Media. All rights reserved.', ...box, ...after);
    expect(out.at(-1)!.verdict.label).toBe('body');
    expect(out[0]!.verdict.label).toBe('boilerplate');
  });
});

describe('reviseByNeighbours: links inside the text', () => {
  it('never makes a subheading of a host and path without a scheme', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], 'pic.twitter.com/dUO6AJlMxR', EN_BODY[2], EN_BODY[3]);
    expect(out[2]!.verdict.label).not.toBe('heading');
  });

  it('leaves a bare address between paragraphs out, even when wrapping split it', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], 'http://www.facebook.com/plugins/likebox.php?href=http%3A%2F%2Fwww.facebook.com%2Ftodayclick er&width=292&colorscheme=light', EN_BODY[2], EN_BODY[3]);
    expect(out[2]!.verdict.label).toBe('boilerplate');
  });

  it('still keeps a short line that only mentions an address', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], 'Tickets are on sale now at www.example.com', EN_BODY[2], EN_BODY[3]);
    expect(out[2]!.verdict.label).not.toBe('boilerplate');
  });
});

describe('reviseByNeighbours: tables written one cell per line', () => {
  /** Cells follow one another with no blank line; the first comes after one. */
  function reviseCells(before: string[], cells: string[], after: string[]): Classified[] {
    const rows: [string, boolean][] = [...before.map((t): [string, boolean] => [t, true]), ...cells.map((t, i): [string, boolean] => [t, i === 0]), ...after.map((t): [string, boolean] => [t, true])];
    const blocks = inOrder(rows.map(([text, gapBefore]) => block({ text, gapBefore })));
    return reviseByNeighbours(blocks.map((b) => classifyBlock(b, ctx.rules, balanced)), balanced);
  }
  const poll = ['Response', 'Votes', '%', 'He should be closing.', '30', '15%', 'He should be used in middle relief.', '42', '21%', 'Undecided', '7', '3%'];
  const question = 'Has Carlos Gomez done enough in 2012 to prove he deserves an opportunity to play every day in center field in 2013?';

  it('takes a poll table after the text, and the prose that follows it', () => {
    const out = reviseCells([EN_BODY[0], EN_BODY[1], EN_BODY[2]], poll, [question]);
    expect(out[3 + 3]!.verdict.label).toBe('body');
    expect(out.at(-1)!.verdict.label).toBe('body');
  });

  it('reads a header cell that looks like a menu word, and takes a short question after the table', () => {
    const withPrev = ['Response', 'Votes', '%', 'Prev', 'Yes', '164', '81%', '76%', 'No', '25', '12%', '14%'];
    const out = reviseCells([EN_BODY[0], EN_BODY[1], EN_BODY[2]], withPrev, ['Do you approve of the job he is doing?']);
    expect(out.at(-1)!.verdict.label).toBe('body');
  });

  it('leaves a pager (all numbers) and a menu (no numbers) out', () => {
    const pager = reviseCells([EN_BODY[0], EN_BODY[1], EN_BODY[2]], ['1', '2', '3', '4', '5', '6', 'Next'], []);
    expect(pager.slice(3).some((b) => b.verdict.label === 'body')).toBe(false);
    const menu = reviseCells([EN_BODY[0], EN_BODY[1], EN_BODY[2]], ['Home', 'World', 'Politics', 'Business', 'Sports', 'Weather'], []);
    expect(menu.slice(3).some((b) => b.verdict.label === 'body')).toBe(false);
  });
});

describe('reviseByNeighbours: a line that announces the text', () => {
  it('opens the text when it stands right above it, as a body line, not a heading', () => {
    const out = revise('From Brian Phillips:', EN_BODY[0], EN_BODY[1], EN_BODY[2]);
    expect(out[0]!.verdict.label).toBe('body');
    const zh = revise('以下是声明全文：', ...ZH_BODY);
    expect(zh[0]!.verdict.label).toBe('body');
  });

  it('is a body line between paragraphs too', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], 'The Full Statement Follows:', EN_BODY[2], EN_BODY[3]);
    expect(out[2]!.verdict.label).toBe('body');
  });

  it('leaves a one-word label out', () => {
    expect(revise('Tags:', EN_BODY[0], EN_BODY[1], EN_BODY[2])[0]!.verdict.label).toBe('boilerplate');
  });
});

describe('reviseByNeighbours: a list a sentence introduces', () => {
  /** Lines of a page; a leading "* " draws a bullet, as the dumps do. */
  function reviseDrawn(...lines: string[]): Classified[] {
    const bs = inOrder(lines.map((l) => block({ text: l.replace(/^\* /u, '') }))).map((b, i) => ({ ...b, bullet: lines[i]!.startsWith('* ') }));
    return reviseByNeighbours(bs.map((b) => classifyBlock(b, ctx.rules, balanced)), balanced);
  }
  const items = ['* bottled water', '* baby carrier', '* healthy snack bars', '* camera'];

  it('takes the list and its sentence when they stand right above the text', () => {
    const out = reviseDrawn('Our hiking survival kit is really very simple.', ...items, EN_BODY[0], EN_BODY[1], EN_BODY[2]);
    expect(out.slice(0, 5).map((b) => b.verdict.label)).toEqual(['body', 'body', 'body', 'body', 'body']);
    const colon = reviseDrawn('What you will need on the trail:', ...items, EN_BODY[0], EN_BODY[1], EN_BODY[2]);
    expect(colon[0]!.verdict.label).toBe('body');
  });

  it('leaves a bulleted list with no sentence above it out: that is a menu', () => {
    const out = reviseDrawn('Site Name', ...items, EN_BODY[0], EN_BODY[1], EN_BODY[2]);
    expect(out.slice(0, 5).some((b) => b.verdict.label === 'body')).toBe(false);
  });

  it('takes a list whose announcing line stands above the list\'s pictures', () => {
    const firms = ['* Blue Origin, Kent, Washington', '* Ceres Robotics, Palo Alto, California', '* SpaceX, Hawthorne, California'];
    const pictures = ['Image 1 of 2', '(Image credit: Blue Origin)', 'Image 2 of 2', '(Image credit: SpaceX)'];
    const out = reviseDrawn('The newly selected five are:', ...pictures, ...firms, EN_BODY[0], EN_BODY[1], EN_BODY[2]);
    expect(out[0]!.verdict.label).toBe('body');
    expect(out.slice(5, 8).map((b) => b.verdict.label)).toEqual(['body', 'body', 'body']);
    // Without bullets the same lines are taken as a data list, and only with the announcing line.
    const plain = reviseDrawn('The newly selected five are:', ...pictures, ...firms.map((f) => f.slice(2)), EN_BODY[0], EN_BODY[1], EN_BODY[2]);
    expect(plain.slice(5, 8).map((b) => b.verdict.label)).toEqual(['body', 'body', 'body']);
    const bare = reviseDrawn('Site Name', ...firms.map((f) => f.slice(2)), EN_BODY[0], EN_BODY[1], EN_BODY[2]);
    expect(bare.slice(1, 4).some((b) => b.verdict.label === 'body')).toBe(false);
  });

  it('takes a short sentence above an opening paragraph the text was bridged to', () => {
    const out = reviseDrawn('NASA has picked five more firms for its moon program.', EN_BODY[0], 'Related: SpaceX wins a moon lander deal', EN_BODY[1], EN_BODY[2], EN_BODY[3]);
    expect(out[0]!.verdict.label).toBe('body');
  });

  it('leaves a long bulleted list out even under a sentence', () => {
    const menu = Array.from({ length: 14 }, (_, i) => `* Section ${i + 1}`);
    const out = reviseDrawn('Browse our sections.', ...menu, EN_BODY[0], EN_BODY[1], EN_BODY[2]);
    expect(out.slice(0, 15).some((b) => b.verdict.label === 'body')).toBe(false);
  });
});

describe('reviseByNeighbours: a caption above its credit', () => {
  const description =
    'Sheikh Mohammed bin Rashid Al Maktoum, United Arab Emirates vice president and prime minister, center blue sandals, passes a Boeing Co. 787-10 passenger aircraft, operated by Emirates Airlines, during the 15th Dubai Air Show at Dubai World Central (DWC) in Dubai, United Arab Emirates, on Monday, Nov. 13, 2017.';

  it('makes a caption of the description above a credit line', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], description, 'Natalie Naccache | Bloomberg | Getty Images', EN_BODY[2], EN_BODY[3]);
    expect(out[2]!.verdict).toMatchObject({ label: 'caption', rule: 'ctx/caption-above-credit' });
    expect(out[3]!.verdict.label).toBe('caption');
  });

  it('leaves a headline above a bare agency name alone: that names the source', () => {
    const out = revise('The First Map of Titan Just Revealed Some Tantalising Features', 'REUTERS', EN_BODY[0], EN_BODY[1], EN_BODY[2]);
    expect(out[0]!.verdict.label).not.toBe('caption');
  });

  it('leaves the line alone without the credit, or when it announces what follows', () => {
    expect(revise(EN_BODY[0], EN_BODY[1], description, EN_BODY[2], EN_BODY[3])[2]!.verdict.label).not.toBe('caption');
    const out = revise(EN_BODY[0], EN_BODY[1], `${description}:`, 'Natalie Naccache | Bloomberg | Getty Images', EN_BODY[2]);
    expect(out[2]!.verdict.label).not.toBe('caption');
  });
});

describe('reviseByNeighbours: cards to share', () => {
  const bar = 'Whatsapp Facebook Pint Baixar';
  const quotes = [EN_BODY[1], EN_BODY[2], EN_BODY[3]];

  it('leaves out blocks that each carry the same share bar, and keeps the text above them', () => {
    const out = revise(EN_BODY[0], EN_BODY[4], 'You may also like', ...quotes.flatMap((q) => [q, bar]));
    expect(out.slice(0, 2).map((b) => b.verdict.label)).toEqual(['body', 'body']);
    expect(out.slice(3).some((b) => b.verdict.label === 'body')).toBe(false);
  });

  it('keeps verses with a refrain between each', () => {
    const out = revise(...quotes.flatMap((q) => [q, 'Oh, we will rock the night away']), EN_BODY[4]);
    expect(out.filter((b) => b.verdict.rule === 'ctx/card')).toHaveLength(0);
  });

  it('keeps paragraphs with an ad slot between each, and a list whose items run to several lines', () => {
    const ads = revise(...quotes.flatMap((q) => [q, 'Advertisement']), EN_BODY[4]);
    expect(ads.filter((b) => b.verdict.label === 'body')).toHaveLength(4);
    const products = revise(EN_BODY[0], EN_BODY[1], ...[1, 2, 3].flatMap((n) => [`Wireless earbuds, model ${n}`, EN_BODY[n + 1]!, bar]));
    expect(products.filter((b) => b.verdict.rule === 'ctx/card')).toHaveLength(0);
  });
});

describe('reviseByNeighbours: a small box of links inside the text', () => {
  const last = 'Challenges include designing the spacecraft to operate largely on its own while the crew sleeps through most of the trip.';

  it('goes on past a "Related" box with one link to the paragraph after it', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], EN_BODY[2], 'Related Links', 'European Space Agency', last, 'Facebook', 'Twitter');
    expect(out.map((b) => b.verdict.label)).toEqual(['body', 'body', 'body', 'boilerplate', 'boilerplate', 'body', 'boilerplate', 'boilerplate']);
  });

  it('does not go on into a list of headlines with leads', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], EN_BODY[2], 'Related Stories', 'Storm Hits Coast', last, 'Markets Rally Again', EN_BODY[3]);
    expect(out[5]!.verdict.label).toBe('boilerplate');
  });
});

describe('reviseByNeighbours: a recipe after the text', () => {
  it('takes the ingredients and the steps, even a step without a full stop', () => {
    const card = ['Ingredients', '8-9 ripe pears, cored and peeled', '1 lemon, or about 1/4 cup lemon juice', '6 tbsp fruit pectin powder', '1 tsp cinnamon', '1 tsp nutmeg', '1 tsp ground ginger', '1/2 tsp ground cloves', 'Instructions'];
    const steps = [
      'Fill the canner with water and set it to simmer. Add the empty jelly jars to sterilize and warm them.',
      'Core, peel, and cube the pears and put them in a pot. Add the juice of one lemon, spices, and fruit pectin. Boil while stirring frequently for about a minute',
      'Add the honey and boil until it is thickened enough to stick to the spoon.',
    ];
    const out = revise(EN_BODY[0], EN_BODY[1], EN_BODY[2], ...card, ...steps);
    expect(out.slice(3).map((b) => b.verdict.label)).toEqual([...card, ...steps].map(() => 'body'));
  });
});

describe('reviseByNeighbours: a last section', () => {
  it('takes a subheading and the short sentences under it right after the text', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], EN_BODY[2], 'AUSTRALIA AHEAD', 'Australia beat Colombia behind two straight-set wins on Tuesday.', 'Colombia had lost to Belgium on Monday.', 'More from Sportsnet');
    expect(out.slice(3, 6).map((b) => b.verdict.label)).toEqual(['heading', 'body', 'body']);
  });

  it('leaves a list of headlines with leads out', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], EN_BODY[2], 'Storm Hits Coast', 'The storm hit the coast on Monday.', 'Markets Rally Again', 'Stocks rose for a third day.', 'Team Wins Title');
    expect(out.slice(3).some((b) => b.verdict.label === 'body' || b.verdict.label === 'heading')).toBe(false);
  });
});

describe('reviseByNeighbours: a line that trails off', () => {
  it('stays in the text between two paragraphs, and is a teaser elsewhere', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], 'The bottom line ...', EN_BODY[2], EN_BODY[3], 'Storm hits the coast ...');
    expect(out[2]!.verdict.label).toBe('body');
    expect(out[5]!.verdict.label).toBe('boilerplate');
  });
});

describe('reviseByNeighbours: headlines in capitals', () => {
  it('leaves a whole headline in capitals out of the text, and keeps a short subheading in capitals', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], "A LONG, DRAWN OUT HISTORY OF TAYLOR SWIFT'S FEUDS", EN_BODY[2], 'WHAT YOU NEED TO MAKE JAM', EN_BODY[3]);
    expect(out[2]!.verdict).toMatchObject({ label: 'boilerplate', rule: 'ctx/shouted-headline' });
    expect(out[4]!.verdict.label).toBe('heading');
  });

  it('keeps a table row in capitals that ends in figures', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], 'HD THE HOME DEPOT INC. COMMON STOCK CLASS A 225.86 -12.99 -5.44%', EN_BODY[2], EN_BODY[3]);
    expect(out[2]!.verdict.rule).not.toBe('ctx/shouted-headline');
  });
});

describe('reviseByNeighbours: a quoted post', () => {
  it('keeps the signature that closes a post quoted at the end of the text, as a body line', () => {
    const sig = '— The Nigerian Senate (@NGRSenate) October 9, 2018';
    const out = revise(EN_BODY[0], EN_BODY[1], sig, EN_BODY[2], sig, 'Click here to subscribe to The Paradigm Newsletter');
    expect(out[2]!.verdict.label).toBe('body');
    expect(out[4]!.verdict.label).toBe('body');
  });
});

describe('reviseByNeighbours: the writer\'s box', () => {
  const bio = 'Jane Doe is a reporter who covers city hall and the courts, and she has written for the paper since 2009.';

  it('ends the text at "About <name>" when the next block repeats the name', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], EN_BODY[2], 'About Jane Doe', 'Jane Doe', bio);
    expect(out.slice(0, 3).every((b) => b.verdict.label === 'body')).toBe(true);
    expect(out.slice(3).some((b) => b.verdict.label === 'body' || b.verdict.label === 'heading')).toBe(false);
    expect(revise(EN_BODY[0], EN_BODY[1], 'Sobre Carlos Nadalim', bio.replace(/Jane Doe/u, 'Carlos Nadalim'))[3]!.verdict.label).not.toBe('body');
  });

  it('does not end the text at "About <words>" when nothing repeats them', () => {
    // The line itself is lost as a subheading: a rule claimed it, and only unclaimed lines become headings.
    const out = revise(EN_BODY[0], EN_BODY[1], 'About Face Masks', EN_BODY[2], EN_BODY[3]);
    expect(out.map((b) => b.verdict.label)).toEqual(['body', 'body', 'boilerplate', 'body', 'body']);
  });
});

describe('data lists', () => {
  const isData = (...lines: string[]) => {
    const bs = revise(...lines);
    return isDataList(bs, bs.map((_, i) => i));
  };

  it.each([
    ['tour dates', ['June 9 – West Palm Beach, FL @ Coral Sky', 'June 10 – Tampa, FL @ Credit Union Amphitheatre', 'June 14 – Alpharetta, GA @ Ameris Bank']],
    ['standings', ['England (Group A): 10th appearance', 'Czech Republic (Group A): 7th appearance', 'Ukraine (Group B): 3rd appearance']],
    ['ingredients', ['8-9 ripe pears, cored and peeled', '1 lemon, or about 1/4 cup lemon juice', '6 tbsp fruit pectin powder', '1 tsp cinnamon']],
    ['papers in quotes', ['“Socially Mediated Publicness: An Introduction” by Nancy Baym', '“Knock, Knock. Who’s There? The Imagined Audience” by Eden Litt', '“Secretly Political” by Irina Shklovski & Bjarki Valtysson']],
    ['books in 《》', ['《推拿》毕飞宇著', '《活着》余华', '《围城》钱锺书']],
  ])('%s are a data list', (_, lines) => {
    expect(isData(...lines)).toBe(true);
  });

  it.each([
    ['a menu', ['Home', 'World', 'Politics', 'Sports']],
    ['headlines', ['Stocks rally as tech earnings beat forecasts', "Storm leaves thousands without power", 'Audi e-Tron Sportback makes crossovers look good']],
    ['listicle headlines', ['10 Truly Eccentric Homes', '15 Unusual Prehistoric Creatures', '8 Crazy Championships']],
    ['a share bar with drawn marks', ['□ Facebook', '□ Stumble', '□ Digg']],
    ['a ranked list', ['1 Stocks rally as tech earnings beat forecasts', '2 storm leaves thousands without power', '3 minister resigns']],
    ['two lines', ['June 9 – Tampa, FL @ Amphitheatre', 'June 10 – Miami, FL @ Arena']],
    ['headlines, two of five quoting someone', ['“We will win” says minister', 'Stocks rally as tech earnings beat forecasts', '“No deal” warns union leader', 'Storm leaves thousands without power', 'Minister resigns after vote']],
    ['a subheading and two sentences', ['AUSTRALIA AHEAD', 'Australia beat Colombia behind two straight-set wins on Tuesday.', 'Colombia had lost to Belgium on Monday.']],
  ])('%s are not', (_, lines) => {
    expect(isData(...lines)).toBe(false);
  });

  it('a data list with its heading right after the text belongs to it', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], EN_BODY[2], 'Tour Dates', 'June 9 – West Palm Beach, FL @ Coral Sky', 'June 10 – Tampa, FL @ Credit Union Amphitheatre', 'June 14 – Alpharetta, GA @ Ameris Bank');
    expect(out.slice(3).map((b) => b.verdict.label === 'body' || b.verdict.label === 'heading')).toEqual([true, true, true, true]);
    // Items are list lines, not subheadings, even in title case.
    expect(out.slice(4).map((b) => b.verdict.rule)).toEqual(['ctx/data-list', 'ctx/data-list', 'ctx/data-list']);
  });

  it('a menu after the text does not', () => {
    const out = revise(EN_BODY[0], EN_BODY[1], EN_BODY[2], 'Home', 'World', 'Politics', 'Sports');
    expect(out.slice(3).every((b) => b.verdict.label === 'boilerplate')).toBe(true);
  });
});

describe('reviseByNeighbours: teaser lists', () => {
  it('removes each repeat of headline / category / truncated lead / read-more', () => {
    const out = revise(
      ...ZH_BODY,
      '叶伦访华讨论两国经济关系',
      '国际',
      '美国财长叶伦周四抵达北京，开始为期四天的访问，外界预计...',
      '阅读全文',
      '马斯克宣布新计划扩大生产',
      '国际',
      '特斯拉首席执行官马斯克周三表示，公司将在明年扩大生产...',
      '阅读全文',
    );
    const tail = out.slice(ZH_BODY.length);
    expect(tail.every((b) => b.verdict.label === 'boilerplate')).toBe(true);
    expect(tail[0]!.verdict).toMatchObject({ reason: 'teaser', rule: 'ctx/teaser-item' });
    expect(tail[4]!.verdict).toMatchObject({ reason: 'teaser', rule: 'ctx/teaser-item' });
    expect(labels(out).slice(0, ZH_BODY.length).every((l) => l === 'body')).toBe(true);
  });

  it('removes the caption that illustrates a teaser, with its headline', () => {
    const out = revise(
      ...ZH_BODY,
      '叶伦在北京出席会议。(图取自路透社)',
      '叶伦访华讨论两国经济关系',
      '国际',
      '美国财长叶伦周四抵达北京，开始为期四天的访问，外界预计...',
      '阅读全文',
    );
    const tail = out.slice(ZH_BODY.length);
    expect(tail.map((b) => b.verdict.label)).toEqual(['boilerplate', 'boilerplate', 'boilerplate', 'boilerplate', 'boilerplate']);
    expect(tail[0]!.verdict.reason).toBe('teaser');
  });
});

describe('reviseByNeighbours: the densest run is the article', () => {
  it('removes prose that stands alone outside the main run', () => {
    const out = revise(
      EN_BODY[4],
      'Home',
      'World',
      'Politics',
      'Business',
      'Sign in',
      'Subscribe',
      ...ZH_BODY,
    );
    expect(out[0]!.verdict).toMatchObject({ label: 'boilerplate', reason: 'outside', rule: 'ctx/outside-main' });
    expect(labels(out).slice(-ZH_BODY.length).every((l) => l === 'body')).toBe(true);
  });

  it('keeps the lead caption just above the text and drops one far from it', () => {
    const out = revise(
      '叶伦在北京出席会议。(图取自路透社)',
      'Home',
      'World',
      'Politics',
      'Business',
      '朝鲜外长在平壤机场欢迎俄罗斯外长。(图取自路透社)',
      ...ZH_BODY,
    );
    expect(out[0]!.verdict).toMatchObject({ label: 'boilerplate', rule: 'ctx/caption-outside-main' });
    expect(out[5]!.verdict.label).toBe('caption');
  });

  it('keeps nothing when no block reads like prose', () => {
    const out = revise('首页', '国际', '热门新闻', '某地发生火灾', '阅读全文');
    expect(out.some((b) => b.verdict.label === 'body' || b.verdict.label === 'heading')).toBe(false);
  });
});

describe('densestRun', () => {
  it('finds the run with the largest sum', () => {
    expect(densestRun([-1, 2, 3, -10, 4])).toEqual([1, 2]);
    expect(densestRun([2, -1, 3, -10, 1])).toEqual([0, 2]);
  });

  it('is null when no score is positive', () => {
    expect(densestRun([])).toBeNull();
    expect(densestRun([-1, -2, 0])).toBeNull();
  });
});

describe('blockScore', () => {
  it('pulls towards prose and away from trending headers and comments', () => {
    expect(blockScore(labeled({ label: 'body' }))).toBeGreaterThan(0);
    expect(blockScore(labeled({ label: 'boilerplate', reason: 'trending', cue: 'trending-header', text: '热门新闻' }))).toBeLessThan(
      blockScore(labeled({ label: 'boilerplate', reason: 'short', text: '某地' })),
    );
    expect(blockScore(labeled({ label: 'caption' }))).toBe(0);
  });
});
