// Builders with defaults, so each test states only what it is about (STYLE.md §7).
import type { Article, Block, Features, Label, Reason, Source, Thresholds, Verdict } from '../src/core/types.js';
import type { Classified, Cue } from '../src/core/classify.js';
import { createContext, extract } from '../src/core/pipeline.js';
import { measure } from '../src/core/features.js';
import { modes } from '../src/core/modes.js';
import { displayForm, displayWidth, matchForm } from '../src/core/text.js';
import { toRecord, type ArticleRecord } from '../src/formats/record.js';
import { defaultRules } from '../src/rules/index.js';
import { languageProfiles } from '../src/rules/langs.js';

/** The context the CLI builds by default: every built-in pack, balanced mode. */
export const ctx = createContext(defaultRules, languageProfiles);

/** The balanced thresholds, for the stages that take them directly. */
export const balanced: Thresholds = modes.balanced;

/** A block as segment() would make it from one line of `text`. */
export function block(over: Partial<Block> & { text: string }): Block {
  const text = displayForm(over.text);
  return {
    id: 0,
    lines: [1, 1],
    norm: matchForm(text),
    gapBefore: true,
    bullet: false,
    ...over,
    text,
  };
}

/** A classified block with a verdict chosen by the test; features are measured from the text. */
export function labeled(
  over: {
    label?: Label;
    reason?: Reason;
    rule?: string;
    pass?: Verdict['pass'];
    cue?: Cue;
    features?: Partial<Features>;
  } & Partial<Block> = {},
): Classified {
  const { label = 'body', reason, rule, pass = 'classify', cue = 'none', features, ...rest } = over;
  const b = block({ text: '某某出席会议并发表讲话，表示两国关系正在稳步发展。', ...rest });
  const verdict: Verdict = {
    label,
    ...(reason ? { reason } : label === 'boilerplate' ? { reason: 'short' as const } : {}),
    rule: rule ?? `test/${label}`,
    pass,
  };
  return { ...b, features: { ...measure(b, ctx.rules), ...features }, verdict, cue };
}

/** An article as assemble() returns it, for the formats: nothing kept unless the test says so. */
export function article(over: Partial<Article> = {}): Article {
  return { title: null, dateline: null, byline: null, editor: null, date: null, lang: 'zh-Hans', blocks: [], images: [], warnings: [], lineCount: 0, ...over };
}

/** A JSON record as the CLI prints it, with every field at a neutral default. */
export function record(over: Partial<ArticleRecord> = {}): ArticleRecord {
  const blocks = over.blocks ?? [];
  return {
    schema: 'deboil/1',
    title: null,
    dateline: null,
    byline: null,
    editor: null,
    date: null,
    lang: 'zh-Hans',
    text: blocks.map((b) => b.text).join('\n\n'),
    blocks,
    images: [],
    source: stringSource('', 'page.txt'),
    stats: { lines: 0, keptLines: 0, removed: {} },
    warnings: [],
    ...over,
  };
}

/** Renumbers a list of blocks the way segment() numbers them: ids and line numbers in order. */
export function inOrder<T extends Block>(blocks: readonly T[]): T[] {
  return blocks.map((b, i) => ({ ...b, id: i, lines: [i + 1, i + 1] as const }));
}

/** A source record for text given as a string. */
export function stringSource(text: string, path: string | null = null): Source {
  return { path, encoding: 'utf-8', confidence: 1, bytes: Buffer.byteLength(text), replacements: 0 };
}

/** The JSON record the CLI would print for `text`. */
export function cleanText(text: string, path: string | null = null): ArticleRecord {
  return toRecord(extract(text, ctx), stringSource(text, path));
}

/** Lines joined with LF, so a dump reads as a list in the test. */
export function dump(...lines: string[]): string {
  return lines.join('\n');
}

/**
 * Wraps a paragraph as a text browser does at `cols` columns (CJK characters take two): Latin text
 * at word boundaries, CJK text anywhere. `margin` is lynx's left margin.
 */
export function hardWrap(paragraph: string, cols: number, margin = ''): string[] {
  const room = cols - displayWidth(margin);
  const tokens = paragraph.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]|[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef]+|\s+/gu) ?? [];
  const lines: string[] = [];
  let cur = '';
  for (const t of tokens) {
    if (/^\s+$/u.test(t)) {
      if (cur !== '') cur += ' ';
      continue;
    }
    if (cur !== '' && displayWidth(cur + t) > room) {
      lines.push(cur.trimEnd());
      cur = '';
    }
    cur += t;
  }
  if (cur.trim() !== '') lines.push(cur.trimEnd());
  return lines.map((l) => margin + l);
}

/** Prose long enough to count as body on its own, in Chinese. */
export const ZH_BODY = [
  '俄罗斯外交部表示，外长拉夫罗夫感谢朝鲜支持俄罗斯的立场，并承诺莫斯科将全力支持和声援朝鲜最高领导人。',
  '路透社报导，拉夫罗夫在周三抵达平壤，外界预计拉夫罗夫此行是为俄罗斯总统普京访问朝鲜铺路。',
  '拉夫罗夫周三在朝鲜主办的招待会上发表讲话时表示，莫斯科深深重视平壤对这场行动的坚定不移和原则性支持。',
  '俄罗斯外交部网站上发布的演讲文字记录显示，拉夫罗夫说两国将在他们选择的发展道路上相互给予支持。',
  '白宫上周表示，朝鲜最近向俄罗斯提供了一批武器，称这是一个令人不安的发展，克里姆林宫则否认了这一说法。',
  '另据俄罗斯卫星通讯社报导，拉夫罗夫周四与朝鲜外长崔善姬在政府官邸举行会谈时表示两国关系达到了新的水准。',
] as const;

/** Prose long enough to count as body on its own, in English. */
export const EN_BODY = [
  'The foreign minister said on Thursday that relations between the two countries had reached a new level after the summit.',
  'Officials in Washington said last week that the country had recently supplied a batch of weapons, calling it a worrying development.',
  'The minister is expected to travel on to the capital later this month, where he will meet the president and members of his cabinet.',
  'Analysts said the visit was meant to show that the two governments were closer than at any time since the end of the Cold War.',
  'A spokesman for the ministry declined to say whether any agreements had been signed during the talks, which lasted two days.',
] as const;
