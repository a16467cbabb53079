import { withVerdict, type Classified } from './classify.js';

// An alt text and its caption together are caption-sized; a long text that repeats itself is text.
const SAID_TWICE_MAX = 600;

/**
 * Collapses an image's alt text followed by its figcaption: two identical blocks in a row (the
 * sample's doubled "(图取自…/路透社)" lines), or the two on one line. The first stays, as a caption;
 * the second is a duplicate. A caption printed again further down is a duplicate too.
 */
export function dropDuplicateCaptions(blocks: readonly Classified[]): Classified[] {
  const out: Classified[] = [];
  // Only text no rule has claimed can be a caption: a doubled "Share" is still a share button.
  const free = (b: Classified): boolean => b.verdict.label !== 'boilerplate' || b.verdict.reason === 'short';
  // A gallery prints its captions again further down (and lynx prints an image's alt text each time).
  const captions = new Set<string>();
  const push = (b: Classified): void => {
    if (b.verdict.label === 'caption') captions.add(b.norm);
    out.push(b);
  };
  for (const b of blocks) {
    const prev = out.length > 0 ? out[out.length - 1] : undefined;
    if (b.verdict.reason === 'short' && b.features.weight >= 24 && captions.has(b.norm)) {
      push(withVerdict(b, { label: 'boilerplate', reason: 'duplicate', rule: 'dedupe/caption-again', pass: 'dedupe' }));
    } else if (b.verdict.label !== 'caption' && free(b) && b.features.weight >= 24 && b.features.weight <= SAID_TWICE_MAX && isSaidTwice(b.norm)) {
      // The same pair on one line: a dump that drops the line break between alt text and figcaption.
      push(withVerdict(b, { label: 'caption', rule: 'dedupe/alt-and-figcaption', pass: 'dedupe' }));
    } else if (prev && b.features.weight >= 12 && prev.norm === b.norm && free(b) && free(prev)) {
      if (prev.verdict.label !== 'caption') {
        out[out.length - 1] = withVerdict(prev, { label: 'caption', rule: 'dedupe/alt-then-figcaption', pass: 'dedupe' });
        captions.add(prev.norm);
      }
      push(withVerdict(b, { label: 'boilerplate', reason: 'duplicate', rule: 'dedupe/alt-then-figcaption', pass: 'dedupe' }));
    } else {
      push(b);
    }
  }
  return out;
}

/**
 * Whether a text is one phrase written twice, with or without a space between ("A B A B").
 * A run of one or two characters ("哈哈哈哈", "----") is not a phrase.
 */
export function isSaidTwice(text: string): boolean {
  const n = text.length;
  const half = n >> 1;
  // Where the second half starts; a text whose halves differ in their first unit is most texts.
  const second = n % 2 === 0 ? half : text.charCodeAt(half) === 0x20 ? half + 1 : -1;
  if (second < 0 || text.charCodeAt(0) !== text.charCodeAt(second)) return false;
  const a = text.slice(0, half);
  return a === text.slice(second) && new Set(a).size > 2 && /\p{L}/u.test(a);
}

/** "— Jane Doe (@jdoe) November 18, 2019": the line that closes a post an article quotes. */
export const EMBED_SIGNATURE = /^[—–-]\s*\S.{0,80}\(@\w{1,15}\)(?:\s+\p{L}+\.? \d{1,2}, \d{4}|\s+\d{1,2} \p{L}+ \d{4})?$/u;

/**
 * EMBED_SIGNATURE's answer, asked only of a text starting with one of its dashes: most blocks are
 * spared the call, and a page with no such line never compiles the pattern (~1.3 ms, \p{L}).
 */
export function isSignatureText(text: string): boolean {
  return mayBeSignature(text) && EMBED_SIGNATURE.test(text);
}

/** Whether the text starts with a dash EMBED_SIGNATURE starts with (— – -). */
export function mayBeSignature(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 0x2014 || c === 0x2013 || c === 0x2d;
}

/**
 * Keeps each kept text once. Runs after the main region is known, so a teaser that quotes the lead
 * above the article does not take the lead's place: only repeats of a block that stays are dropped.
 */
export function dropRepeatedKept(blocks: readonly Classified[]): Classified[] {
  // A caption repeats captions and text repeats text; one set each, keyed by the norm itself (a
  // key built per block was a new string to hash every time).
  const keptText = new Set<string>();
  const keptCaptions = new Set<string>();
  return blocks.map((b) => {
    const { label } = b.verdict;
    // One account quoted twice signs both posts alike.
    if ((label !== 'body' && label !== 'heading' && label !== 'caption') || isSignatureText(b.text)) return b;
    const kept = label === 'caption' ? keptCaptions : keptText;
    if (!kept.has(b.norm)) {
      kept.add(b.norm);
      return b;
    }
    return withVerdict(b, { label: 'boilerplate', reason: 'duplicate', rule: 'dedupe/repeated-block', pass: 'dedupe' });
  });
}
