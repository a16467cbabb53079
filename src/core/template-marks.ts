import type { RulePack, Thresholds, Verdict } from './types.js';
import { isProse, withVerdict, type Classified } from './classify.js';
import { findTitle, isKeptLabel } from './assemble.js';
import type { SiteTemplate } from './template.js';

const TEMPLATE: Verdict = Object.freeze({ label: 'boilerplate', reason: 'site-template', rule: 'site/template', pass: 'classify' });

/**
 * Relabels the first-pass blocks at `marks` as the site's template, before the main region is
 * chosen, so they count against it. Lines that a rule already named keep that rule (a read-more
 * link stays `zh/read-more`).
 */
export function markTemplate(first: readonly Classified[], marks: ReadonlySet<number>): Classified[] {
  return first.map((b, i) => {
    if (!marks.has(i) || (b.verdict.label === 'boilerplate' && b.verdict.reason !== 'short')) return b;
    return withVerdict(b, TEMPLATE);
  });
}

/**
 * Removed for a reason of its own in the plain labelling: a trending box's items, a teaser, a
 * read-more link. Those go anyway, and marking them would change how the page scores them: an
 * inline "Trending News" box costs the region a fixed amount, but as template lines each item
 * would cost it again and split the article around the box (a CBS News page).
 */
function isClaimed(b: Classified): boolean {
  const { label, reason } = b.verdict;
  return label === 'boilerplate' && reason !== 'short' && reason !== 'outside' && reason !== 'duplicate';
}

/** Labels the whole page with the blocks at `marks` marked as template (none when absent). */
export type Labeller = (marks?: ReadonlySet<number>) => Classified[];

// How many other blocks (captions, a dateline, short lines) may stand between the article and a
// paragraph that still counts as its own.
const MAX_GAP = 3;

/**
 * Whether block `i` belongs to the article that `run` kept: inside it, or joined to it across a
 * few blocks that no rule and no template removed.
 */
function isAttached(run: readonly Classified[], i: number, isCandidate: (j: number) => boolean): boolean {
  const first = run.findIndex(isKeptLabel);
  if (first < 0) return false;
  let last = run.length - 1;
  while (!isKeptLabel(run[last]!)) last--;
  if (i >= first && i <= last) return true;
  const step = i < first ? 1 : -1;
  let gap = 0;
  for (let j = i + step; j !== (i < first ? first : last); j += step) {
    if (isCandidate(j)) continue;
    const { label, reason } = run[j]!.verdict;
    const neutral = label !== 'boilerplate' || reason === 'short' || reason === 'duplicate' || reason === 'outside';
    if (!neutral || ++gap > MAX_GAP) return false;
  }
  return true;
}

/**
 * Labels a page with its site's template. A line is template when the site's profile says so; it
 * then counts as boilerplate when the region is chosen, and leaves the article. Two kinds stay:
 *
 * - the page's headline, which a site may also print in teasers on other pages. It is looked for
 *   with every template line marked, so a teaser's headline cannot take its place; only when that
 *   finds none is the headline of the page as it stands taken, template or not (the featured
 *   story's own page).
 * - an article-like paragraph (isProse) of the page's own article: below its headline and part of
 *   the main body found with the template marked. A story's lead that the site quotes as a teaser
 *   on many pages is template by count, but on the story's own page it is the article. On the
 *   other pages the quote stands above the page's headline or apart from its article, behind other
 *   template lines, and goes.
 *
 * Labels once as the page stands; then, when any line is template, with all of it marked, and a
 * third time only when that showed a headline or paragraphs to spare.
 */
export function labelWithTemplate(site: SiteTemplate, label: Labeller, pack: RulePack, t: Thresholds): Classified[] {
  const normal = label();
  const template = new Set<number>();
  normal.forEach((b, i) => {
    if (!isClaimed(b) && site.templateDf(b.norm) > 0) template.add(i);
  });
  if (template.size === 0) return normal;
  const run = label(template);
  const title = findTitle(run, pack) ?? findTitle(normal, pack);
  const isCandidate = (i: number): boolean => template.has(i) && (title === null || i > title) && isProse(normal[i]!.features, t);
  const marks = new Set(template);
  for (const i of template) if (i === title || (isCandidate(i) && isAttached(run, i, isCandidate))) marks.delete(i);
  return marks.size === template.size ? run : label(marks);
}
