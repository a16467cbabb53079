import type { Label, Reason, Thresholds, Verdict } from './types.js';
import { withVerdict, type Classified } from './classify.js';
import { EMBED_SIGNATURE, mayBeSignature } from './dedupe.js';

const revised = (label: Label, rule: string, reason?: Reason): Verdict =>
  reason ? { label, reason, rule, pass: 'revise' } : { label, rule, pass: 'revise' };

function relabel(b: Classified, v: Verdict): Classified {
  return withVerdict(b, v);
}

// How much each kind of evidence pulls the main region towards or away from a block. Positive for
// prose, negative for what only sits around articles; captions are neutral (they sit inside).
const PENALTY: Readonly<Record<Reason, number>> = {
  'read-more': 3,
  trending: 4,
  teaser: 3,
  nav: 1.5,
  // Ad slots sit inside articles as often as around them: they say nothing about the region.
  ad: 0.2,
  // Rules and lone bullets are layout: they neither start nor end an article.
  decoration: 0.3,
  footer: 4,
  share: 1.5,
  comment: 12,
  category: 2,
  duplicate: 1,
  outside: 1,
  short: 0.6,
  'site-template': 3,
};

/** The pull of one block on the main region. */
export function blockScore(b: Classified): number {
  const f = b.features;
  switch (b.verdict.label) {
    case 'body': {
      let q = 1;
      if (f.endsSentence) q += 0.3;
      if (f.hasUrl) q *= 0.5;
      if (f.digitRatio > 0.3) q *= 0.5;
      return Math.min(10, Math.max(0.5, f.weight / 60)) * q;
    }
    case 'caption':
    case 'heading':
    case 'title':
    case 'dateline':
      return 0;
    case 'boilerplate': {
      const reason = b.verdict.reason ?? 'short';
      if (b.cue === 'trending-header') return -6;
      if (b.cue === 'stamp') return -2;
      if (b.cue === 'end-marker') return -PENALTY[reason] - 6;
      if (b.cue === 'soft-end-marker') return -2;
      if (reason === 'short') {
        if (b.bullet) return -1.2;
        // jusText's "near-good": a short complete sentence of prose leans towards the article.
        if (f.weight >= 15 && endsWithMark(b.text) && (f.cjk > 0 || f.stopRatio >= 0.25)) return 0.3;
        return f.titleLike && f.weight > 60 ? -1 : -PENALTY.short;
      }
      return -PENALTY[reason];
    }
  }
}

// Score of a run that counts as an article already found: a few real paragraphs.
const FOUND = 3;
// What a whole trending box weighs against the region, header and items together.
const BOX_COST = 5;

/**
 * Start and end (inclusive) of the run of blocks with the largest total score; null when none is
 * positive. Scanning stops at the first barrier (comments start, footer) once an article is found,
 * so a long comment thread after a post cannot outweigh the post.
 */
export function densestRun(scores: readonly number[], isBarrier: (i: number) => boolean = () => false): [number, number] | null {
  let best: [number, number] | null = null;
  let bestSum = 0;
  let start = 0;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    if (bestSum >= FOUND && isBarrier(i)) break;
    if (sum <= 0) {
      start = i;
      sum = 0;
    }
    sum += scores[i]!;
    if (sum > bestSum) {
      bestSum = sum;
      best = [start, i];
    }
  }
  return best;
}

/**
 * Scores with the shape of the neighbourhood: an article puts one subheading between paragraphs, a
 * teaser list puts image, headline, byline and date between its leads. Short lines in runs of three
 * or more weigh more against the region, so a list of full-sentence leads breaks apart.
 */
const NUMBERED = /^(?:\(?(\d{1,3})[.)、．:]|第(\d{1,3})[、.．])\s*\S/u;

/** Whether NUMBERED may match: it starts with "(", an ASCII digit or 第 (most blocks do not, and skip the call). */
export function mayBeNumbered(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 0x28 || (c >= 0x30 && c <= 0x39) || c === 0x7b2c;
}

/** /[:：]$/u without a regex call: these tests run on every block of a page, twice a page. */
export function endsWithColon(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 0x3a || c === 0xff1a;
}

const MARK = new Set([0x2e, 0x21, 0x3f, 0x3002, 0xff01, 0xff1f]);
const MARK_CLOSER = new Set([0x22, 0x201d, 0x2019, 0x300d, 0x300f, 0x29, 0xff09]);

/** /[.!?。！？]["”’」』)）]?$/u without a regex call. */
export function endsWithMark(text: string): boolean {
  const n = text.length;
  return MARK.has(text.charCodeAt(n - 1)) || (n >= 2 && MARK_CLOSER.has(text.charCodeAt(n - 1)) && MARK.has(text.charCodeAt(n - 2)));
}

/**
 * Blocks that belong to a numbered list (1., 2., 3. in order): a listicle, an agenda or a track
 * list is content even though each item is a short line. Navigation is never numbered in sequence.
 */
export function numberedItems(blocks: readonly Classified[]): Set<number> {
  const items = new Set<number>();
  let run: number[] = [];
  let expect = -1;
  const flush = (): void => {
    if (run.length >= 3) for (const i of run) items.add(i);
    run = [];
  };
  blocks.forEach((b, i) => {
    const m = mayBeNumbered(b.text) ? NUMBERED.exec(b.text) : null;
    if (!m) return;
    const n = Number(m[1] ?? m[2]);
    if (n !== expect) flush();
    run.push(i);
    expect = n + 1;
  });
  flush();
  return items;
}

export function clusterScores(blocks: readonly Classified[], listed: ReadonlySet<number> = numberedItems(blocks)): number[] {
  const scores = blocks.map((b, i) => (listed.has(i) && b.verdict.reason === 'short' ? 0.2 : blockScore(b)));
  // A "More from …" box costs the same however long its list: inside an article it is one
  // interruption (Sky, BBC), and a list that ends the page still has no prose to join across.
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.cue !== 'trending-header') continue;
    let j = i + 1;
    const inBox = (b: Classified): boolean =>
      b.verdict.rule === 'ctx/after-trending-header' || b.verdict.reason === 'decoration' || b.verdict.reason === 'ad';
    while (j < blocks.length && inBox(blocks[j]!)) scores[j++] = 0;
    scores[i] = -BOX_COST;
    i = j - 1;
  }
  let i = 0;
  while (i < blocks.length) {
    const isBody = (k: number): boolean =>
      scores[k]! > 0 || blocks[k]!.verdict.label === 'body' || listed.has(k) || blocks[k]!.verdict.reason === 'ad';
    if (isBody(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < blocks.length && !isBody(j)) j++;
    // Three unclaimed short lines make a list; six lines of anything make the page's furniture.
    const n = j - i;
    for (let k = i; k < j; k++) {
      const b = blocks[k]!;
      if (scores[k]! < 0 && b.cue !== 'trending-header' && (n >= 6 || (n >= 3 && b.verdict.reason === 'short'))) scores[k] = scores[k]! * 2;
    }
    i = j;
  }
  return scores;
}

/**
 * Inside the main run, the short unpunctuated lines that stand three or more in a row with no
 * paragraph between them. Bullets and numbered items are lists the article makes, so they stay.
 */
function shortRuns(blocks: readonly Classified[], first: number, last: number, listed: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  const flush = (): void => {
    // A list the text announces ("…as follows:") is content, and so are items in lower case:
    // headlines start with a capital.
    const intro = blocks[(run[0] ?? 0) - 1]?.text ?? '';
    const announced = endsWithColon(intro);
    const lower = run.filter((k) => /^\p{Ll}/u.test(blocks[k]!.text)).length * 2 > run.length;
    if (run.length >= 3 && !announced && !lower && !isDataList(blocks, run)) for (const k of run) out.add(k);
    run = [];
  };
  for (let i = first; i <= last; i++) {
    const b = blocks[i]!;
    const short = b.verdict.reason === 'short' && b.features.titleLike && !b.bullet && !listed.has(i);
    if (short) run.push(i);
    else if (b.verdict.label !== 'caption' && b.verdict.reason !== 'ad' && b.verdict.reason !== 'decoration') flush();
  }
  flush();
  return out;
}


function isEmbedSignature(b: Classified): boolean {
  // One look at the first unit spares most blocks isFree and the regex.
  return mayBeSignature(b.text) && isFree(b) && EMBED_SIGNATURE.test(b.text);
}

/** A short complete sentence that no rule claimed (jusText's near-good block), or a quoted post's signature. */
function isNearGood(b: Classified): boolean {
  if (b.bullet) return false;
  return (isFree(b) && b.features.weight >= 15 && endsWithMark(b.text)) || isEmbedSignature(b);
}

/** Body, or a short line no rule claimed. */
function isFree(b: Classified): boolean {
  return b.verdict.label === 'body' || b.verdict.reason === 'short';
}

function isAnnouncement(b: Classified): boolean {
  return isFree(b) && b.cue === 'none' && !b.bullet && b.features.weight >= 12 && (b.features.words >= 2 || b.features.cjk >= 4) && endsWithColon(b.text);
}

/**
 * Near-good blocks touching the run join it, as in jusText: the densest run ends on its last
 * strong paragraph, and a closing line or two of short sentences would otherwise fall off.
 */
export function extendRun(blocks: readonly Classified[], [first, last]: [number, number]): [number, number] {
  let end = last;
  while (end + 1 < blocks.length && isNearGood(blocks[end + 1]!)) end++;
  // Likewise a paragraph cut off right below it is where a paywall or a page break stopped the text.
  const tail = blocks[end + 1];
  if (tail && isCutParagraph(tail) && blocks[end]!.verdict.label === 'body') end++;
  for (let prev = -1; prev !== end; ) {
    prev = end;
    end = sectionOn(blocks, boxOn(blocks, end));
    const grown = tableOn(blocks, listOn(blocks, end));
    // Prose right after a list or table the run took is the text going on.
    end = bridgeOn(blocks, grown > end ? proseOn(blocks, grown) : grown);
  }
  return [extendUp(blocks, first), end];
}

// A "Related" box set inside a text holds a link or two; a list of other stories holds more.
const INLINE_BOX_ITEMS = 2;

/**
 * A small "Related" box inside the text, and the paragraph after it: the text goes on past the box.
 * A teaser list reads the same at first (header, headline, lead), but a headline follows each lead.
 */
function boxOn(blocks: readonly Classified[], end: number): number {
  if (blocks[end + 1]?.cue !== 'trending-header') return end;
  let j = end + 2;
  while (j < blocks.length && blocks[j]!.verdict.reason === 'trending' && blocks[j]!.cue === 'none') j++;
  const p = blocks[j];
  if (j - end - 2 > INLINE_BOX_ITEMS || !p || !isOpening(p)) return end;
  const next = blocks[pastInserts(blocks, j + 1, 1)];
  return next && isFree(next) && next.features.titleLike && next.verdict.label !== 'body' ? end : j;
}

/**
 * A last section right after the text: a subheading and the sentences under it. A teaser list
 * looks the same (headline, then lead), but another headline follows each lead.
 */
function sectionOn(blocks: readonly Classified[], end: number): number {
  const head = blocks[end + 1];
  if (!head || !isFree(head) || head.verdict.label === 'body' || !head.features.titleLike || head.bullet || head.features.weight > 60) return end;
  let j = end + 2;
  while (j < blocks.length && (isNearGood(blocks[j]!) || isOpening(blocks[j]!))) j++;
  const next = blocks[j];
  if (j === end + 2 || (next && isFree(next) && next.features.titleLike)) return end;
  return j - 1;
}

/** The same upwards, step by step, until nothing more joins: each step may uncover the next. */
function extendUp(blocks: readonly Classified[], first: number): number {
  let start = first;
  for (let prev = -1; prev !== start; ) {
    prev = start;
    while (start > 0 && isNearGood(blocks[start - 1]!)) start--;
    // A lead that trails off ("…almost out of time...") right above the text is one of its
    // paragraphs; a teaser's cut lead is followed by its read-more or the next teaser instead. A
    // short cut line there is a deck or a "see also" teaser, so only a full paragraph qualifies.
    const lead = blocks[start - 1];
    const above = blocks[start - 2]?.verdict.reason;
    if (lead && isCutParagraph(lead) && above !== 'trending' && isFree(blocks[start]!)) start--;
    start = listBack(blocks, start);
    // "From Brian Phillips:", "他在信中写道：": a line that announces the text below it opens it,
    // even with the picture that illustrates it in between.
    const i = pastInserts(blocks, start - 1, -1);
    if (blocks[i] && isAnnouncement(blocks[i]!)) start = i;
    start = bridgeBack(blocks, start);
  }
  return start;
}

// A drawn list mark ("□ Facebook", "- Next") is the converter's, the same on every item of any list.
const LEAD_MARK = /^[^\p{L}\p{N}\s]+\s+/u;

// An address, or a piece of one that wrapping split off ("…&width=292&colorscheme=light").
const LINK = /\S*(?:https?:\/\/|www\.|[=&%/])\S*/gu;

/** A line that is an address and little else: a widget's source or a link, never a subheading. */
const HOST_PATH = /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\/\S*$/u;

function isBareLink(b: Classified): boolean {
  // "pic.twitter.com/dUO6AJlMxR": a host and a path, with no scheme to show it.
  if (!b.features.hasUrl && !HOST_PATH.test(b.text)) return false;
  return b.text.replace(LINK, '').trim().length < 10;
}

const CELL_MAX = 100;
const NUMBER_CELL = /^[\p{N}.,:%+\-−–/ ]+$/u;

function isCell(b: Classified): boolean {
  if (b.cue !== 'none' || b.features.hasUrl || b.features.weight > CELL_MAX) return false;
  // A header cell may read like a menu word ("Prev", "Next"); the share of numbers keeps menus out.
  const { reason } = b.verdict;
  return b.verdict.label === 'body' || reason === 'short' || reason === 'decoration' || (reason === 'nav' && b.features.weight <= 8);
}

/**
 * A table the converter wrote one cell per line (a poll's answers, votes and percentages) right
 * after the text: six or more lines with no blank between them, 30-75% of them numbers. All numbers
 * would be a pager or a score strip; no numbers, a menu.
 */
function tableOn(blocks: readonly Classified[], end: number): number {
  const i = end + 1;
  let j = i;
  let numbers = 0;
  while (j < blocks.length && isCell(blocks[j]!) && (j === i || !blocks[j]!.gapBefore)) {
    if (NUMBER_CELL.test(blocks[j]!.text)) numbers++;
    j++;
  }
  const n = j - i;
  return n >= 6 && numbers * 10 >= n * 3 && numbers * 4 <= n * 3 ? j - 1 : end;
}

const PREFACE_SPAN = 30;
const PARAGRAPH_WEIGHT = 60;

function isParagraph(b: Classified | undefined): boolean {
  return !!b && b.verdict.label === 'body' && b.features.endsSentence && !b.features.hasUrl && b.features.weight >= PARAGRAPH_WEIGHT;
}

/**
 * Two or more full paragraphs just above the run, cut off from it by a box of links the page put
 * inside the article ("More in …", a slideshow), are its opening. Teasers above an article come one
 * paragraph at a time between headlines, and nothing crosses a comment or a footer. The box itself
 * stays out: the result names the paragraphs, and the blocks between them and the run are not read
 * as the article's subheadings.
 */
function prefaceBack(blocks: readonly Classified[], start: number): { first: number; last: number } | null {
  for (let i = start - 1, seen = 0; i > 0 && seen < PREFACE_SPAN; i--, seen++) {
    const b = blocks[i]!;
    if (b.cue === 'end-marker' || b.verdict.reason === 'comment' || b.verdict.reason === 'footer') return null;
    if (!isParagraph(b) || !isParagraph(blocks[i - 1])) continue;
    if (i === start - 1) return null;
    let first = i - 1;
    while (isParagraph(blocks[first - 1])) first--;
    // Shorter paragraphs after the opening, past inserts, still belong to it.
    let last = i;
    for (let k = i + 1; k < start; k++) {
      if (isOpening(blocks[k]!)) last = k;
      else if (!isInsert(blocks[k]!)) break;
    }
    return { first: bridgeBack(blocks, first), last };
  }
  return null;
}

/** The punctuation a line is built on: "June 9 – Tampa, FL @ Amphitheatre" gives "–,@". */
function skeleton(text: string): string {
  // Hyphens, apostrophes and points inside words ("e-Tron", "Audi’s", "2.0") are spelling, not shape.
  return text.replace(/[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|\s+/gu, '');
}

/**
 * Tour dates, standings, ingredients: short lines made on one pattern (the same punctuation, or a
 * quantity first) are data the article gives. Menus have no punctuation, headlines no common one,
 * and a ranked list (1, 2, 3…) of headlines is numbered in order, which quantities are not.
 */
export function isDataList(blocks: readonly Classified[], ks: readonly number[]): boolean {
  if (ks.length < 3) return false;
  const shapes = new Map<string, number>();
  const numbers: number[] = [];
  let quantities = 0;
  // “Title” by Author, 《书名》: a list of works, each in the same quotes.
  const openers = new Map<string, number>();
  for (const k of ks) {
    const text = blocks[k]!.text;
    const q = /^[“"«《「『‘]/u.exec(text)?.[0];
    if (q) openers.set(q, (openers.get(q) ?? 0) + 1);
    const sk = skeleton(text.replace(LEAD_MARK, ''));
    // A full stop alone is every sentence's shape, not a pattern.
    if (sk && !/^[.!?。！？]$/u.test(sk)) shapes.set(sk, (shapes.get(sk) ?? 0) + 1);
    // "8-9 ripe pears", "1/2 tsp cloves": a quantity then a word in lower case. A count before a
    // capital ("10 Truly Eccentric Homes") is a listicle's headline.
    const lead = /^(\p{N}+)(?:[-/.–]\p{N}+)?(\s+\p{Ll})?/u.exec(text);
    if (lead) numbers.push(Number(lead[1]));
    if (lead?.[2]) quantities++;
  }
  if (Math.max(0, ...openers.values()) * 5 >= ks.length * 4) return true;
  const common = Math.max(0, ...shapes.values());
  const ranked = numbers.length >= 3 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
  return common * 5 >= ks.length * 3 || (!ranked && quantities * 5 >= ks.length * 3);
}

const LIST_ITEM_MAX = 200;

/** The items of the data lists inside the run: list lines, never subheadings. */
function dataItems(blocks: readonly Classified[], first: number, last: number): Set<number> {
  const out = new Set<number>();
  for (let i = first; i <= last; i++) {
    let j = i;
    while (j <= last && isListItem(blocks[j]!)) j++;
    const run = Array.from({ length: j - i }, (_, n) => i + n);
    if (isDataList(blocks, run)) for (const k of run) out.add(k);
    i = j;
  }
  return out;
}

function isListItem(b: Classified): boolean {
  // Lines with links are a list of where to go, not data.
  const free = b.verdict.reason === 'short' || (b.verdict.label === 'body' && !b.features.endsSentence);
  return b.cue === 'none' && free && !b.features.hasUrl && b.features.weight <= LIST_ITEM_MAX;
}

// A list a sentence introduces is short; a menu drawn with bullets runs on for dozens of items.
const INTRODUCED_LIST_MAX = 12;

/**
 * A list right above the text, with the sentence that introduces it, is part of the text: a menu
 * has no sentence of its own above its items. A bulleted list may follow any short sentence ("Our
 * kit is simple."); otherwise, and for a data list without bullets, it takes a line that announces
 * it ("The five are:"), which may stand above the list's pictures.
 */
function listBack(blocks: readonly Classified[], start: number): number {
  let i = start - 1;
  const bulleted = blocks[i]?.bullet === true;
  while (i >= 0 && start - 1 - i < INTRODUCED_LIST_MAX && blocks[i]!.bullet === bulleted && isListItem(blocks[i]!)) i--;
  const items = Array.from({ length: start - 1 - i }, (_, n) => i + 1 + n);
  if (items.length < 2 || (!bulleted && !isDataList(blocks, items))) return start;
  const intro = blocks[i];
  if (bulleted && intro && !intro.bullet && isNearGood(intro)) return i;
  const k = pastInserts(blocks, i, -1);
  return blocks[k] && !blocks[k]!.bullet && isAnnouncement(blocks[k]!) ? k : start;
}

/** A data list right after the text (past inserts and a heading of its own) belongs to it. */
function listOn(blocks: readonly Classified[], end: number): number {
  const i = pastInserts(blocks, end + 1, 1);
  const head = blocks[i];
  const k0 = head && isListItem(head) && head.features.titleLike && head.features.weight <= 60 ? i + 1 : i;
  let j = k0;
  while (j < blocks.length && isListItem(blocks[j]!)) j++;
  const items = Array.from({ length: j - k0 }, (_, n) => k0 + n);
  return isDataList(blocks, items) ? j - 1 : end;
}

function isCutParagraph(b: Classified): boolean {
  return b.verdict.rule === 'line/truncated' && b.features.weight >= 80;
}

// What sits between a lead paragraph and the rest of the text: the lead image, its credit, a share
// bar, an embedded video box. None of it says the article has ended.
const INSERT_REASONS: ReadonlySet<Reason> = new Set(['ad', 'decoration', 'share', 'duplicate']);
const BRIDGE_SPAN = 24;

/**
 * The densest run often starts after the lead image, its caption and a "watch video" box, whose
 * penalties outweigh a lone first paragraph above them. A paragraph of prose separated from the run
 * only by such inserts is the article's opening.
 */
function bridgeBack(blocks: readonly Classified[], start: number): number {
  const i = pastInserts(blocks, start - 1, -1);
  const p = blocks[i];
  if (i < start - 1 && p && isOpening(p)) return bridgeBack(blocks, i);
  return start;
}

/** The same across an inline image or video box further down. */
function bridgeOn(blocks: readonly Classified[], end: number): number {
  const i = pastInserts(blocks, end + 1, 1);
  const p = blocks[i];
  if (i > end + 1 && p && isOpening(p)) return bridgeOn(blocks, i);
  return end;
}

/** The first block from `from` on, in direction `step`, that is not an insert (at most BRIDGE_SPAN steps). */
function pastInserts(blocks: readonly Classified[], from: number, step: 1 | -1): number {
  let i = from;
  for (let seen = 0; i >= 0 && i < blocks.length && seen < BRIDGE_SPAN && isInsert(blocks[i]!); i += step, seen++);
  return i;
}

function proseOn(blocks: readonly Classified[], end: number): number {
  // Steps of a method may stop short of a full stop ("Boil while stirring for about a minute").
  const goesOn = (b: Classified): boolean => (b.verdict.label === 'body' && b.cue === 'none') || isNearGood(b);
  while (end + 1 < blocks.length && goesOn(blocks[end + 1]!)) end++;
  return end;
}

function isInsert(b: Classified): boolean {
  if (b.cue !== 'none') return false;
  if (b.verdict.label === 'caption') return true;
  if (b.verdict.label !== 'boilerplate') return false;
  // An embed's address left on a line of its own ("http://www.facebook.com/plugins/likebox.php?…").
  if (b.verdict.reason === 'short' && isBareLink(b)) return true;
  // A line a rule names as a link to another story ("Related: …", "… Video") sits inside texts
  // too; a teaser list is not crossed, as its headlines are short lines, which stop the bridge.
  const { reason, pass, rule } = b.verdict;
  if (reason === 'teaser' && pass === 'classify' && rule !== 'line/truncated') return true;
  return INSERT_REASONS.has(reason ?? 'short');
}

// Subheadings in capitals are short ("WHAT YOU NEED"); a whole headline in capitals is a link to
// another story that the site sets in the text ("A LONG, DRAWN OUT HISTORY OF TAYLOR SWIFT'S FEUDS").
// Only scripts with capitals can shout; a table row ending in figures is data.
const SHOUTED_WORDS = 8;

function isShouted(b: Classified): boolean {
  if (b.features.words < SHOUTED_WORDS || /\p{Ll}/u.test(b.text) || /\d[\d.,%-]*$/u.test(b.text)) return false;
  return (b.text.match(/\p{Lu}/gu)?.length ?? 0) >= SHOUTED_WORDS;
}

function isOpening(b: Classified): boolean {
  return b.verdict.label === 'body' && b.features.endsSentence && b.features.weight >= 60;
}

/**
 * Whether the next block repeats a marker's last two words: "About Jane Doe" over "Jane Doe" or
 * "Jane Doe is a reporter…" is the writer's box, and "12 comments" over "12 comments so far" a thread.
 */
function namesNext(marker: Classified, next: Classified | undefined): boolean {
  const tail = marker.norm.replace(/[:.]$/u, '').split(' ').slice(-2).join(' ');
  return !!next && tail.includes(' ') && next.norm.includes(tail);
}

/** An end marker, or the first of a run of post headers: where comments begin. */
function isBarrier(blocks: readonly Classified[], i: number): boolean {
  const b = blocks[i]!;
  if (b.cue === 'end-marker') return true;
  if (b.cue === 'soft-end-marker') {
    if (namesNext(b, blocks[i + 1])) return true;
    for (let j = i + 1; j < Math.min(blocks.length, i + 12); j++) {
      const next = blocks[j]!;
      if (next.cue === 'stamp' || (next.cue === 'end-marker' && next.verdict.reason === 'comment')) return true;
    }
    return false;
  }
  if (b.cue !== 'stamp') return false;
  // Three post headers close together make a thread; one or two may be the article's own date.
  let more = 0;
  for (let j = i + 1; j < Math.min(blocks.length, i + 40); j++) if (blocks[j]!.cue === 'stamp' && ++more >= 2) return true;
  return false;
}

function isKept(b: Classified): boolean {
  return b.verdict.label === 'body' || b.verdict.label === 'heading';
}

// A caption that is a credit and little more ("Natalie Naccache | Bloomberg | Getty Images").
const CREDIT_ONLY_WEIGHT = 60;
const PHOTO_CREDIT = /[|/:：]|\b(?:photo|image|getty)|图|圖|摄|攝/iu;

/**
 * A photo's description printed above its credit line is the caption's text: names, places and
 * few function words, which no rule claims and which would read as a short line of the article.
 */
function markCaptionTexts(blocks: Classified[]): void {
  for (let i = 0; i + 1 < blocks.length; i++) {
    const b = blocks[i]!;
    const credit = blocks[i + 1]!;
    // A bare "REUTERS" under a headline names the story's source, not a photographer.
    if (credit.verdict.label !== 'caption' || credit.features.weight > CREDIT_ONLY_WEIGHT || !PHOTO_CREDIT.test(credit.text)) continue;
    // Headlines are title-like; a description is a sentence, in sentence case.
    if (b.verdict.rule !== 'line/short' || b.cue !== 'none' || b.bullet || b.features.titleLike || b.features.weight < 40 || endsWithColon(b.text)) continue;
    blocks[i] = relabel(b, revised('caption', 'ctx/caption-above-credit'));
  }
}

// A share bar printed after each of three or more blocks makes them cards (quotes, posts) to share.
const CARD_RUN = 3;
const WIDGET_WEIGHT = 60;

/**
 * Cards: blocks each followed by the same short widget line ("Whatsapp Facebook Pint Baixar", "Share
 * this quote"), one block per card. An article prints its share bar once or twice, not after every
 * paragraph; a list whose items run to several lines each (products, with "Buy at …" after each)
 * is left alone.
 */
function markCards(blocks: Classified[]): void {
  const seen = new Map<string, number[]>();
  blocks.forEach((b, i) => {
    // Only a share bar: ad slots and rules sit between an article's paragraphs as often as between
    // cards, and a song's refrain (an unclaimed short line) between its verses.
    if (b.verdict.label !== 'boilerplate' || b.verdict.reason !== 'share') return;
    if (b.features.weight > WIDGET_WEIGHT || b.features.weight < 4) return;
    const at = seen.get(b.norm);
    if (at) at.push(i);
    else seen.set(b.norm, [i]);
  });
  for (const at of seen.values()) {
    if (at.length < CARD_RUN) continue;
    // Widgets two blocks apart hold one card between them; the block before the first is a card too.
    const cards = new Set<number>();
    for (let k = 0; k < at.length; k++) {
      const one = (k > 0 && at[k]! - at[k - 1]! === 2) || (k + 1 < at.length && at[k + 1]! - at[k]! === 2);
      if (one && at[k]! > 0) cards.add(at[k]! - 1);
    }
    if (cards.size < CARD_RUN) continue;
    for (const i of cards) {
      const b = blocks[i]!;
      if (b.verdict.label === 'body' || b.verdict.reason === 'short') blocks[i] = relabel(b, revised('boilerplate', 'ctx/card', 'teaser'));
    }
  }
}

/** After a trending header, the headline lines that follow belong to it until prose resumes. */
function markTrendingRuns(blocks: Classified[]): void {
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.cue !== 'trending-header') continue;
    // A list drawn with bullets ends where the bullets end: the line after it is the next thing on
    // the page (often the headline of the article itself), not one more item.
    const bulleted = blocks[i + 1]?.bullet === true;
    for (let j = i + 1; j < blocks.length; j++) {
      const b = blocks[j]!;
      if (b.cue === 'trending-header' || b.cue === 'end-marker' || b.cue === 'soft-end-marker') break;
      if (bulleted && !b.bullet && b.gapBefore) break;
      // Menus and share bars are another block of the page, not part of the list.
      const other = b.verdict.reason;
      if (other === 'nav' || other === 'share' || other === 'footer') break;
      // Headlines may close on "!" or "?" but rarely on a full stop; a sentence ends the list.
      const free = b.verdict.label === 'body' || b.verdict.reason === 'short';
      if (free && !b.features.titleLike && (b.features.weight >= 90 || /[.。]["”’」]?$/u.test(b.text))) break;
      if (b.verdict.label === 'body' || (b.verdict.label === 'boilerplate' && b.verdict.reason === 'short')) {
        blocks[j] = relabel(b, revised('boilerplate', 'ctx/after-trending-header', 'trending'));
      }
    }
  }
}

/**
 * A teaser list repeats [caption] / headline / category / lead… / read-more. The category label and
 * the read-more marker are the anchors; the headline and caption just before them go with them.
 */
function markTeasers(blocks: Classified[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const anchor = b.cue === 'category' || b.verdict.reason === 'read-more' || b.verdict.reason === 'teaser';
    if (!anchor) continue;
    for (let j = i - 1, taken = 0; j >= 0 && taken < 2; j--) {
      const p = blocks[j]!;
      if (p.verdict.label === 'boilerplate' && p.verdict.reason !== 'short') break;
      const headline = p.features.titleLike || (p.verdict.label === 'caption' && taken > 0);
      if (!headline) break;
      blocks[j] = relabel(p, revised('boilerplate', 'ctx/teaser-item', 'teaser'));
      taken++;
      if (p.verdict.label !== 'caption' && blocks[j - 1]?.verdict.label !== 'caption') break;
    }
  }
}

/**
 * Labels by neighbourhood, as jusText does: the article is the densest run of prose; outside it a
 * block needs strong evidence, inside it short lines between body lines are subheadings.
 */
export function reviseByNeighbours(input: readonly Classified[], t: Thresholds): Classified[] {
  const blocks = [...input];
  markCaptionTexts(blocks);
  markCards(blocks);
  markTrendingRuns(blocks);
  markTeasers(blocks);
  const listed = numberedItems(blocks);
  const run = densestRun(clusterScores(blocks, listed), (i) => isBarrier(blocks, i));
  if (!run) {
    return blocks.map((b) => (isKept(b) ? relabel(b, revised('boilerplate', 'ctx/no-main-text', 'outside')) : b));
  }
  const [start, last] = extendRun(blocks, run);
  const preface = prefaceBack(blocks, start);
  const first = preface?.first ?? start;
  const crowded = shortRuns(blocks, first, last, listed);
  const data = dataItems(blocks, first, last);
  const out = blocks.map((b, i): Classified => {
    const inside = i >= first && i <= last && !(preface && i > preface.last && i < start);
    // The line above a lead taken for a teaser's was taken for the teaser's headline: it is the article's.
    if (i === first - 1 && b.verdict.rule === 'ctx/teaser-item' && isCutParagraph(blocks[first]!)) {
      return relabel(b, revised('boilerplate', 'ctx/headline-of-lead', 'short'));
    }
    if (!inside) {
      // A lead image sits just above the text; captions further out illustrate other stories.
      if (b.verdict.label === 'caption' && (i < first - 3 || i > last + 1)) {
        return relabel(b, revised('boilerplate', 'ctx/caption-outside-main', 'teaser'));
      }
      if (b.verdict.label === 'body' && b.features.weight >= t.outsideBodyWeight && b.features.endsSentence) return b;
      if (isKept(b)) return relabel(b, revised('boilerplate', 'ctx/outside-main', 'outside'));
      return b;
    }
    // A cut paragraph at the edge of the text, or right after one of its paragraphs (a teaser's
    // lead follows its headline instead), is where a paywall or a page break stopped the text.
    const afterProse = i > first && blocks[i - 1]!.verdict.label === 'body';
    if ((i === first || i === last || afterProse) && isCutParagraph(b)) return relabel(b, revised('body', 'ctx/cut-off-by-main'));
    // "The bottom line ..." between two paragraphs trails off for effect; a teaser has no text around it.
    const trailing = b.verdict.rule === 'line/truncated' && blocks[i - 1]?.verdict.label === 'body' && blocks[i + 1]?.verdict.label === 'body';
    if (b.verdict.label !== 'boilerplate' || (b.verdict.reason !== 'short' && !trailing)) return b;
    if (b.features.weight < 4 || isBareLink(b)) return b;
    // Kicker, headline, byline, kicker, headline...: a list of other stories, not subheadings.
    if (crowded.has(i)) return relabel(b, revised('boilerplate', 'ctx/short-run-in-main', 'teaser'));
    if (data.has(i)) return relabel(b, revised('body', 'ctx/data-list'));
    if (isShouted(b)) return relabel(b, revised('boilerplate', 'ctx/shouted-headline', 'teaser'));
    if (b.features.titleLike && b.features.weight <= t.maxHeadingWeight && !b.bullet && !endsWithColon(b.text) && !isEmbedSignature(b)) {
      return relabel(b, revised('heading', 'ctx/short-between-body'));
    }
    return relabel(b, revised('body', 'ctx/short-in-main'));
  });
  return out;
}
