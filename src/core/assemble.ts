import type { Article, ArticleDate, Dateline, Image, Labeled, LineRule, RulePack } from './types.js';
import type { Classified } from './classify.js';
import { firstPattern } from './match.js';
import { HAN_BIT, LETTER_BIT, letterBits } from './text.js';

export function isKeptLabel(b: Labeled): boolean {
  return b.verdict.label === 'body' || b.verdict.label === 'heading';
}

// "Tempo de leitura: 1 minuto", "Tested by: …": a short label, a colon and a value; headlines
// with a colon ("BitchTapes: Fireplace Grooves") have no number after it and no "by" before it.
// "You are here: Home / Babies / Baby Showers / How to…", "Blog » Feed » Comments Feed".
const BREADCRUMB = /(?:\s[/»>›]\s.*){2}|(?:【[^】]*】.*){2}/u;
const LABELLED = /^[^:：]{1,25}(?:[:：]\s*\S*\d|\bby[:：])/iu;

/**
 * The headline: the best headline-like block just above the article. It is never a caption, a
 * teaser, a byline or a date; a candidate that the page repeats (its <title>) or that is written
 * like a headline (title case, a sensible length) ranks higher, a closer one wins ties.
 */
export function findTitle(blocks: readonly Classified[], pack: RulePack): number | null {
  const first = blocks.findIndex(isKeptLabel);
  if (first < 0) return null;
  // Read when a candidate gets that far, which most pages' lines above the article do not.
  let opening: Set<string> | null = null;
  let best: { i: number; score: number } | null = null;
  for (let i = first - 1, steps = 0; i >= 0 && steps < 8; i--) {
    const b = blocks[i]!;
    const { label, reason } = b.verdict;
    // A caption's twin (alt text then figcaption) is a caption too, never a headline.
    if (label === 'caption' || reason === 'duplicate' || b.features.weight < 12) continue;
    steps++;
    if (reason === 'trending' || reason === 'teaser' || reason === 'category' || reason === 'read-more') break;
    if (label === 'boilerplate' && reason !== 'short' && reason !== 'outside') continue;
    const f = b.features;
    // A headline may close on "!", "?" or an abbreviation ("…Debris Off Wash.") if it is in title case.
    const titleCased = f.words >= 3 && f.capRatio >= 0.5 && f.weight <= 200;
    if (!(f.titleLike || titleCased) || b.bullet || f.weight < 15 || f.weight > 300) continue;
    if (LABELLED.test(b.text) || /[@|[\]]|^\p{Ll}/u.test(b.text) || f.digitRatio > 0.15 || BREADCRUMB.test(b.text)) continue;
    if (firstPattern(pack.bylines, b.text) || firstPattern(pack.dates, b.text) || firstPattern(pack.captionCues, b.text)) continue;
    let score = 1 - 0.25 * steps;
    if (f.weight >= 30 && f.weight <= 200) score += 1;
    if (f.words >= 3 && f.capRatio >= 0.5) score += 0.5;
    if (repeatsElsewhere(blocks, i)) score += 2;
    // A headline names what the text is about; a site name or a menu line shares no word with it.
    const topic = topicWords(b.norm);
    opening ??= topicWords(openingText(blocks, first));
    if (sharesTopic(topic, opening)) score += 1;
    // Chinese headlines abbreviate ("拆房屡出命案" for "为拆一幢房…三条人命"), so sharing no pair
    // says little there; a Latin-script line that shares no word is a site name or a menu.
    else if ([...topic].some((w) => !/\p{Script=Han}/u.test(w)) || topic.size === 0) score -= 2;
    if (!best || score > best.score) best = { i, score };
  }
  return best && best.score >= 0.5 ? best.i : null;
}

/** The match forms of the first four kept blocks, from the first (at `first`), joined by spaces. */
function openingText(blocks: readonly Classified[], first: number): string {
  let text = blocks[first]!.norm;
  for (let i = first + 1, n = 1; i < blocks.length && n < 4; i++) {
    if (!isKeptLabel(blocks[i]!)) continue;
    text += ` ${blocks[i]!.norm}`;
    n++;
  }
  return text;
}

/**
 * Words long enough to carry a topic (Latin, five letters up) and Han character pairs: the runs
 * of /\p{L}{5,}/gu that hold no Han, and every two code units of the runs of
 * /\p{Script=Han}{2,}/gu, read in one pass.
 */
export function topicWords(norm: string): Set<string> {
  const out = new Set<string>();
  const n = norm.length;
  let word = -1;
  let letters = 0;
  let wordHasHan = false;
  let han = -1;
  let hans = 0;
  for (let i = 0; i <= n; ) {
    const cp = i < n ? norm.codePointAt(i)! : -1;
    const bits = cp < 0 ? 0 : letterBits(cp);
    if ((bits & LETTER_BIT) !== 0) {
      if (word < 0) {
        word = i;
        letters = 0;
        wordHasHan = false;
      }
      letters++;
      if ((bits & HAN_BIT) !== 0) wordHasHan = true;
    } else if (word >= 0) {
      if (letters >= 5 && !wordHasHan) out.add(norm.slice(word, i));
      word = -1;
    }
    if ((bits & HAN_BIT) !== 0) {
      if (han < 0) {
        han = i;
        hans = 0;
      }
      hans++;
    } else if (han >= 0) {
      if (hans >= 2) for (let k = han; k + 1 < i; k++) out.add(norm.slice(k, k + 2));
      han = -1;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

/**
 * One long Latin word in common is a topic; Han pairs need two, or a fifth of the line's, since a
 * site name ("…新闻网") shares a common pair like 新闻 with any text.
 */
function sharesTopic(words: ReadonlySet<string>, opening: ReadonlySet<string>): boolean {
  let han = 0;
  let hanShared = 0;
  for (const w of words) {
    const isHan = /\p{Script=Han}/u.test(w);
    if (isHan) han++;
    if (!opening.has(w)) continue;
    if (!isHan) return true;
    hanShared++;
  }
  return hanShared >= 2 || (hanShared > 0 && hanShared * 5 >= han);
}

/** Whether the page states this text again, as its <title> or a breadcrumb usually does. */
function repeatsElsewhere(blocks: readonly Classified[], at: number): boolean {
  const norm = blocks[at]!.norm;
  if (norm.length < 8) return false;
  return blocks.some((b, j) => j !== at && j < at + 40 && b.norm !== '' && (b.norm === norm || (b.norm.length < norm.length * 3 && b.norm.includes(norm))));
}

export function findDateline(text: string, pack: RulePack): Dateline | null {
  const hit = firstPattern(pack.datelines, text);
  if (!hit) return null;
  const g = hit.m.groups ?? {};
  const day = g['day'] ? Number(g['day']) : null;
  return {
    raw: hit.m[0].replace(/\s*[-–—]+\s*\p{Lu}?$/u, '').trim(),
    place: g['place']?.trim() || null,
    day: day !== null && day >= 1 && day <= 31 ? day : null,
    agency: g['agency']?.trim() || null,
  };
}

function firstGroup(rules: readonly LineRule[], blocks: readonly Labeled[]): string | null {
  for (const b of blocks) {
    const name = firstPattern(rules, b.text)?.m[1]?.trim();
    if (name) return name;
  }
  return null;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const pad = (n: number): string => String(n).padStart(2, '0');

/** Month and day of "a/b/yyyy": the number above 12 is the day; two numbers up to 12 are unknown. */
function dayMonthOrder(a: number, b: number): [number, number] {
  if (a === b || (a > 12 && b <= 12)) return [b, a];
  if (b > 12 && a <= 12) return [a, b];
  return [0, 0];
}

/** The first date stated in the header lines, as ISO 8601 with the text it came from. */
export function findDate(blocks: readonly Labeled[], pack: RulePack): ArticleDate | null {
  for (const b of blocks) {
    const hit = firstPattern(pack.dates, b.text);
    const g = hit?.m.groups;
    if (!hit || !g) continue;
    const y = Number(g['y']);
    const [m, d] = g['md1'] ? dayMonthOrder(Number(g['md1']), Number(g['md2'])) : [g['mon'] ? MONTHS[g['mon'].toLowerCase()] : Number(g['m']), Number(g['d'])];
    if (!m || m < 1 || m > 12 || d < 1 || d > 31) continue;
    let iso = `${y}-${pad(m)}-${pad(d)}`;
    if (g['H'] !== undefined && g['M'] !== undefined) {
      let h = Number(g['H']);
      const pm = g['ampm']?.toLowerCase().startsWith('p');
      if (g['ampm'] && h < 12 && pm) h += 12;
      if (g['ampm'] && h === 12 && !pm) h = 0;
      if (h <= 23 && Number(g['M']) <= 59) iso += `T${pad(h)}:${g['M']}${g['S'] ? `:${g['S']}` : ''}`;
    }
    return { iso, raw: hit.m[0].trim() };
  }
  return null;
}

function creditOf(text: string, pack: RulePack): string | null {
  const hit = firstPattern(pack.captionCues, text);
  return hit?.m[1]?.trim() || null;
}

/** Collects the metadata around the kept blocks into the article. */
export function assemble(
  blocks: readonly Classified[],
  pack: RulePack,
  lang: string,
  warnings: readonly string[],
  lineCount: number,
): Article {
  const titleAt = findTitle(blocks, pack);
  // Literals rather than a rest spread per block; the keys and their order are Labeled's.
  const labeled: Labeled[] = blocks.map((b, i) => ({
    id: b.id,
    lines: b.lines,
    text: b.text,
    norm: b.norm,
    gapBefore: b.gapBefore,
    bullet: b.bullet,
    features: b.features,
    verdict: i === titleAt ? { label: 'title', rule: 'ctx/headline-above-body', pass: 'revise' } : b.verdict,
  }));
  const kept = labeled.filter(isKeptLabel);
  let dateline: Dateline | null = null;
  for (const b of kept.slice(0, 3)) {
    dateline = findDateline(b.text, pack);
    if (dateline) break;
  }
  const firstKept = labeled.findIndex(isKeptLabel);
  // Metadata sits around the headline, just above the first paragraph; a reporter's name may also
  // close the last paragraph ("（记者 胡晓蓉）").
  const header = firstKept < 0 ? [] : labeled.slice(Math.max(0, firstKept - 10), firstKept + 3).filter((b) => b.features.weight <= 300);
  const lastKept = kept.slice(-2);
  // …or stand on a line of its own just below it ("□ 本报记者 葛灵丹").
  const lastAt = labeled.findLastIndex(isKeptLabel);
  const trailer = lastAt < 0 ? [] : labeled.slice(lastAt + 1, lastAt + 4).filter((b) => b.features.weight <= 100);
  const byline = firstGroup(pack.bylines, [...header, ...lastKept, ...trailer]);
  const editor = firstGroup(pack.editors, firstKept < 0 ? [] : labeled.slice(firstKept));
  const date = findDate(header, pack);
  const images: Image[] = labeled
    .filter((b) => b.verdict.label === 'caption')
    .map((b) => ({ caption: b.text, credit: creditOf(b.text, pack), lines: b.lines }));
  return {
    title: titleAt === null ? null : labeled[titleAt]!.text,
    dateline,
    byline,
    editor,
    date,
    lang,
    blocks: labeled,
    images,
    warnings,
    lineCount,
  };
}
