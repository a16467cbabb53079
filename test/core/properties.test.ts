// Invariants of the core (issue 7), tried on generated dumps with fast-check. Each property names
// what a user relies on: the cleaner never crashes, never invents, reorders or repeats text, gives
// the same answer twice, and leaves its own output alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext, extract } from '../../src/core/pipeline.js';
import { segment } from '../../src/core/segment.js';
import { displayForm, displayWidth, isCjkChar } from '../../src/core/text.js';
import type { Article } from '../../src/core/types.js';
import { toJson } from '../../src/formats/json.js';
import { toRecord } from '../../src/formats/record.js';
import { toText } from '../../src/formats/text.js';
import { defaultRules } from '../../src/rules/index.js';
import { languageProfiles } from '../../src/rules/langs.js';
import { ctx, hardWrap, stringSource } from '../helpers.js';

// Seeded, so a red run is the same red run on every machine; explore with FC_SEED=<n>.
const SEED = Number(process.env['FC_SEED'] ?? 20_240_519);
const runs = (numRuns: number) => ({ numRuns, seed: SEED });

// ----- generators ----------------------------------------------------------------------------

const HAN = [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞'];
const LATIN_WORDS = ['the', 'minister', 'said', 'on', 'Thursday', 'that', 'relations', 'had', 'reached', 'a', 'new', 'level', 'after', 'summit', 'and', 'of', 'in', 'weapons', 'Moscow', 'well-', 'known', 'is', 'to', 'for', 'with', 'it', 'was', 'Reuters'];

const cjkRun = (min: number, max: number) =>
  fc.array(fc.constantFrom(...HAN), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
const cjkSentence = fc.tuple(cjkRun(4, 30), fc.constantFrom('。', '！', '？', '，', '', '......', '...', '”')).map(([s, p]) => s + p);
const latinSentence = fc
  .tuple(fc.array(fc.constantFrom(...LATIN_WORDS), { minLength: 2, maxLength: 30 }), fc.constantFrom('.', '!', '?', ',', '', '...'))
  .map(([ws, p]) => ws.join(' ') + p);
const paragraph = fc.oneof(
  fc.array(cjkSentence, { minLength: 1, maxLength: 8 }).map((ss) => ss.join('')),
  fc.array(latinSentence, { minLength: 1, maxLength: 6 }).map((ss) => ss.join(' ')),
);
const marker = fc.constantFrom(
  '阅读全文',
  '閱讀全文',
  '展开全文',
  'Read more',
  '热门新闻',
  '熱門新聞',
  '相关新闻',
  '推荐阅读',
  'Most read',
  'Related',
  '国际',
  'World',
  '首页 > 国际',
  '责任编辑：张三',
  '网友评论',
  'Comments',
  '某某出席会议。(图取自路透社)',
  '朝鲜外长崔善姬周三晚在平壤国际机场欢迎到访的俄罗斯外长拉夫罗夫。(图取自俄罗斯外交部/路透社)',
  'The minister arrives at the airport. (Photo: Reuters)',
  '(平壤19日讯)',
  'BEIJING, March 3 (Reuters) -',
  '两国关系达新战略水准',
  '* ',
  '• ',
  '',
  ' ',
  '\u3000',
  '\u200b',
);

/** How a converter laid the page out: lynx and w3m wrap every paragraph at one width, html2text none. */
interface Layout {
  readonly width: number | null;
  readonly margin: string;
}

/** A chunk of lines: one line, a marker, or a paragraph (hard-wrapped when the layout wraps). */
const chunk: fc.Arbitrary<(layout: Layout) => string[]> = fc.oneof(
  { arbitrary: marker.map((m) => (l: Layout) => [l.margin + m]), weight: 4 },
  { arbitrary: paragraph.map((p) => (l: Layout) => (l.width ? hardWrap(p, l.width, l.margin) : [p])), weight: 6 },
  { arbitrary: fc.tuple(marker, paragraph).map(([m, p]) => (l: Layout) => (l.width ? hardWrap(m + p, l.width, l.margin) : [m + p])), weight: 2 },
  {
    arbitrary: fc.tuple(fc.constantFrom('* ', '• ', '+ ', '# ', '1. ', '- '), paragraph).map(([b, p]) => (l: Layout) => [`${l.margin}${b}${p.slice(0, 40)}`]),
    weight: 1,
  },
  { arbitrary: fc.constant(() => ['']), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => () => [s]), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map((s) => () => [s]), weight: 1 },
);

const layout: fc.Arbitrary<Layout> = fc.oneof(
  fc.constant({ width: null, margin: '' }),
  fc.record({ width: fc.integer({ min: 40, max: 100 }), margin: fc.constantFrom('', '   ') }),
);

/** A generated page dump: chunks of lines laid out one way, with LF or CRLF line ends. */
const dump = fc
  .tuple(fc.array(chunk, { maxLength: 60, size: 'medium' }), layout, fc.constantFrom('\n', '\n', '\r\n'))
  .map(([chunks, l, eol]) => chunks.flatMap((c) => c(l)).join(eol));

/** A dump as html2text writes it: nothing wrapped, every paragraph on one line. */
const unwrappedDump = fc
  .array(chunk, { maxLength: 60, size: 'medium' })
  .map((chunks) => chunks.flatMap((c) => c({ width: null, margin: '' })).join('\n'));

/** Any string at all, lone surrogates and control characters included. */
const anyString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  fc.array(fc.oneof(fc.constantFrom('\n', '\r', '\r\n', ' ', '\t', '\u3000'), fc.string({ maxLength: 5 })), { maxLength: 100 }).map((p) => p.join('')),
);

// ----- the oracle for "made only of input text" ----------------------------------------------

const DRAWN_BULLET = /^[*•·▪◦+o#]\s+/u;
const isWide = (ch: string) => ch !== '' && (isCjkChar(ch) || displayWidth(ch) === 2);

/**
 * Every text that a join of source lines `first..last` may show: the lines as the dump has them,
 * joined without a space where either side of a break is CJK (or a compound hyphen), with one
 * space otherwise, a drawn bullet on the first line optionally dropped; then the display form.
 */
function joinsOf(src: readonly string[], first: number, last: number): Set<string> {
  // Zero-width characters at either end of a line are not content (zero-width-blank-line).
  const edge = /^[\s\u3000\u200b-\u200f\u2060-\u2064\ufeff]+|[\s\u3000\u200b-\u200f\u2060-\u2064\ufeff]+$/gu;
  const lines = src.slice(first - 1, last).map((l) => l.replace(edge, ''));
  let variants = [lines[0]!, lines[0]!.replace(DRAWN_BULLET, '')];
  for (const next of lines.slice(1)) {
    variants = variants.flatMap((left) => {
      const a = [...left].at(-1) ?? '';
      const b = [...next][0] ?? '';
      if (isWide(a) || isWide(b)) return [left + next];
      const compound = a === '-' && /\p{L}-$/u.test(left) && /\p{L}/u.test(b);
      return compound ? [left + next, `${left} ${next}`] : [`${left} ${next}`];
    });
  }
  return new Set(variants.map(displayForm));
}

function sourceLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/u);
}

/** Every piece of the output that shows input text, with the source lines it claims. */
function shownPieces(a: Article): { text: string; lines: readonly [number, number] }[] {
  const record = toRecord(a, stringSource(''));
  const title = a.blocks.find((b) => b.verdict.label === 'title');
  return [...record.blocks, ...record.images.map((i) => ({ text: i.caption, lines: i.lines })), ...(title ? [title] : [])];
}

// ----- properties ---------------------------------------------------------------------------

describe('extract: invariants', () => {
  it('never throws, on any string', () => {
    fc.assert(
      fc.property(anyString, (t) => {
        extract(t, ctx);
      }),
      runs(1500),
    );
  });

  it('never throws, on generated dumps', () => {
    fc.assert(
      fc.property(dump, (t) => {
        extract(t, ctx);
      }),
      runs(600),
    );
  });

  it('shows only input text: each paragraph, heading, caption and title is an input line or a join of consecutive ones', () => {
    fc.assert(
      fc.property(fc.oneof(dump, anyString), (t) => {
        const src = sourceLines(t);
        for (const piece of shownPieces(extract(t, ctx))) {
          const [first, last] = piece.lines;
          expect(first).toBeGreaterThanOrEqual(1);
          expect(last).toBeLessThanOrEqual(src.length);
          // A join never reaches across a blank line: blank lines end paragraphs, and a line of only
          // zero-width characters is blank.
          for (let n = first; n <= last; n++) expect(src[n - 1]!.replace(/[\s\u3000\u200b-\u200f\u2060-\u2064\ufeff]+/gu, '')).not.toBe('');
          expect([...joinsOf(src, first, last)]).toContain(piece.text);
        }
      }),
      runs(600),
    );
  });

  // Gap (fixtures short-unwrapped-lines-joined, short-unwrapped-doubled-caption): guessWrap takes a page whose lines happen to be
  // of similar length for a wrapped one, and joins neighbours, a doubled caption among them.
  it.fails('never joins the lines of an unwrapped (html2text) dump', () => {
    fc.assert(
      fc.property(unwrappedDump, (t) => {
        for (const b of segment(t)) expect(b.lines[1]).toBe(b.lines[0]);
      }),
      // No shrinking while this is a known gap: the first counterexample is enough to stay red.
      { ...runs(2000), endOnFailure: true },
    );
  });

  it('keeps order and repeats nothing: kept blocks stand in input order on lines no other kept block uses', () => {
    fc.assert(
      fc.property(dump, (t) => {
        const blocks = toRecord(extract(t, ctx), stringSource(t)).blocks;
        for (let i = 1; i < blocks.length; i++) expect(blocks[i]!.lines[0]).toBeGreaterThan(blocks[i - 1]!.lines[1]);
        const texts = blocks.map((b) => b.text);
        expect(new Set(texts).size).toBe(texts.length);
      }),
      runs(400),
    );
  });

  it('is idempotent: cleaning its own text output gives the same text', () => {
    fc.assert(
      fc.property(fc.oneof(dump, anyString), (t) => {
        const once = toText(toRecord(extract(t, ctx), stringSource(t)));
        const twice = toText(toRecord(extract(once, ctx), stringSource(once)));
        expect(twice).toBe(once);
      }),
      runs(500),
    );
  });

  it('is deterministic: the same input gives the same bytes, with the same or a fresh context', () => {
    const fresh = createContext(defaultRules, languageProfiles);
    fc.assert(
      fc.property(dump, (t) => {
        const a = toJson(toRecord(extract(t, ctx), stringSource(t)));
        expect(toJson(toRecord(extract(t, ctx), stringSource(t)))).toBe(a);
        expect(toJson(toRecord(extract(t, fresh), stringSource(t)))).toBe(a);
      }),
      runs(200),
    );
  });
});

describe('the oracle itself', () => {
  it('accepts a CJK join without a space and a Latin join with one', () => {
    expect(joinsOf(['   中国', '   新闻'], 1, 2)).toEqual(new Set(['中国新闻']));
    expect(joinsOf(['   the foreign', '   minister'], 1, 2)).toEqual(new Set(['the foreign minister']));
  });

  it('rejects what segment must never produce', () => {
    expect(joinsOf(['中国', '新闻'], 1, 2).has('中国 新闻')).toBe(false);
    expect(joinsOf(['the', 'minister'], 1, 2).has('theminister')).toBe(false);
    expect(joinsOf(['新闻', '中国'], 1, 2).has('中国新闻')).toBe(false);
  });
});
