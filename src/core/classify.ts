import type { Block, Features, Labeled, Thresholds, Verdict } from './types.js';
import { firstMatch, firstPattern, probeOf, type Matcher } from './match.js';
import { measure } from './features.js';

/** Role a block may play in context, beyond its label; read by the revise stage. */
export type Cue = 'trending-header' | 'end-marker' | 'soft-end-marker' | 'category' | 'stamp' | 'none';

export interface Classified extends Labeled {
  readonly cue: Cue;
}

// A literal, not a spread: this runs for every block of every pass. Same keys, in the same order.
const verdict = (v: Omit<Verdict, 'pass'>): Verdict =>
  v.reason === undefined ? { label: v.label, rule: v.rule, pass: 'classify' } : { label: v.label, reason: v.reason, rule: v.rule, pass: 'classify' };

/** Whether a block reads like running prose on its own. */
export function isProse(f: Features, t: Thresholds): boolean {
  if (f.weight < t.minBodyWeight) return false;
  if (f.cjk * 3 >= f.weight / 2) return f.endsSentence || f.sentences >= 1 || f.commas >= 2 || f.weight >= t.minBodyWeight * 2;
  // Latin prose carries function words; menus and headline lists do not.
  return f.stopRatio >= t.minStopRatio && (f.endsSentence || f.sentences >= 1 || f.words >= 25);
}

/** Builds a labelled block with one fixed shape, which keeps V8's objects fast. */
export function withVerdict(b: Block & { features: Features; cue?: Cue }, v: Verdict, cue: Cue = b.cue ?? 'none'): Classified {
  return labelled(b, b.features, v, cue);
}

/** A block and what was judged of it, as one object: the only place a Classified is built. */
export function labelled(b: Block, features: Features, v: Verdict, cue: Cue): Classified {
  return { id: b.id, lines: b.lines, text: b.text, norm: b.norm, gapBefore: b.gapBefore, bullet: b.bullet, features, verdict: v, cue };
}

/** What classifying a block yields, independent of where it stands; cacheable by its text. */
export type Judgement = Pick<Classified, 'features' | 'verdict' | 'cue'>;

/** Labels one block alone, from its own text and the rules; context comes later. */
export function classifyBlock(block: Block, rules: Matcher, t: Thresholds): Classified {
  const j = judgeBlock(block, rules, t);
  return labelled(block, j.features, j.verdict, j.cue);
}

export function judgeBlock(block: Block, rules: Matcher, t: Thresholds): Judgement {
  const features = measure(block, rules);
  const at = (v: Omit<Verdict, 'pass'>, cue: Cue = 'none'): Judgement => ({ features, verdict: verdict(v), cue });
  // One lookup and one prefilter scan of the match form serve all five lists below.
  const norm = probeOf(rules, block.norm);

  const end = firstMatch(rules.endMarkers, norm);
  if (end) return at({ label: 'boilerplate', reason: end.extra.reason, rule: end.id }, end.extra.soft ? 'soft-end-marker' : 'end-marker');
  const trending = firstMatch(rules.trendingHeaders, norm);
  if (trending) return at({ label: 'boilerplate', reason: 'trending', rule: trending.id }, 'trending-header');
  const category = firstMatch(rules.categories, norm);
  if (category) return at({ label: 'boilerplate', reason: 'category', rule: category.id }, 'category');
  // A post header (name, date, time) is short and carries no sentence of its own.
  // "…were without power at 11:30 a.m. today." is a sentence of eight words or more, not a header.
  const sentence = features.endsSentence && (features.weight > 60 || (features.words >= 8 && /[.!?]["”’]?$/u.test(block.text) && !/\b[ap]\.m\.$/iu.test(block.text)));
  if (features.weight <= 150 && !sentence) {
    const stamp = firstMatch(rules.stamps, norm);
    if (stamp) return at({ label: 'boilerplate', reason: 'comment', rule: stamp.id }, 'stamp');
  }
  const bp = firstMatch(rules.boilerplate, norm);
  if (bp) return at({ label: 'boilerplate', reason: bp.extra, rule: bp.id });
  // A caption credit decides only on caption-sized blocks: a long paragraph may quote "(路透社)".
  if (features.weight <= 900) {
    const cap = firstPattern(rules.pack.captionCues, block.text);
    if (cap) return at({ label: 'caption', rule: cap.rule.id });
  }
  if (features.truncated) return at({ label: 'boilerplate', reason: 'teaser', rule: 'line/truncated' });
  if (isProse(features, t)) return at({ label: 'body', rule: 'line/prose' });
  return at({ label: 'boilerplate', reason: 'short', rule: 'line/short' });
}
