import type { Article, Dateline, Image, Labeled, RulePack } from './types.js';
import type { Classified } from './classify.js';
import { firstPattern } from './match.js';

export function isKeptLabel(b: Labeled): boolean {
  return b.verdict.label === 'body' || b.verdict.label === 'heading';
}

/** The headline: the nearest headline-like block just above the article, never a caption or teaser. */
export function findTitle(blocks: readonly Classified[], pack: RulePack): number | null {
  const first = blocks.findIndex(isKeptLabel);
  if (first < 0) return null;
  for (let i = first - 1, steps = 0; i >= 0 && steps < 4; i--, steps++) {
    const b = blocks[i]!;
    const { label, reason } = b.verdict;
    if (label === 'caption' || b.features.weight < 12) continue;
    if (label === 'boilerplate' && reason !== 'short' && reason !== 'outside' && reason !== 'duplicate') return null;
    if (firstPattern(pack.bylines, b.text) || /\d{4}|\d{1,2}:\d{2}/u.test(b.text) && b.features.digitRatio > 0.15) continue;
    if (b.features.titleLike && !b.bullet && b.features.weight >= 15) return i;
    return null;
  }
  return null;
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
  const labeled: Labeled[] = blocks.map(({ cue: _cue, ...b }, i) =>
    i === titleAt ? { ...b, verdict: { label: 'title', rule: 'ctx/headline-above-body', pass: 'revise' } } : b,
  );
  const kept = labeled.filter(isKeptLabel);
  let dateline: Dateline | null = null;
  for (const b of kept.slice(0, 3)) {
    dateline = findDateline(b.text, pack);
    if (dateline) break;
  }
  const firstKept = labeled.findIndex(isKeptLabel);
  let byline: string | null = null;
  let editor: string | null = null;
  for (const [i, b] of labeled.entries()) {
    if (b.features.weight > 200) continue;
    const near = firstKept >= 0 && Math.abs(i - firstKept) <= 6;
    const by = near || isKeptLabel(b) ? firstPattern(pack.bylines, b.text) : undefined;
    if (by && !byline) byline = by.m[1]?.trim() ?? null;
    const ed = firstPattern(pack.editors, b.text);
    if (ed && !editor) editor = ed.m[1]?.trim() ?? null;
  }
  const images: Image[] = labeled
    .filter((b) => b.verdict.label === 'caption')
    .map((b) => ({ caption: b.text, credit: creditOf(b.text, pack), lines: b.lines }));
  return {
    title: titleAt === null ? null : labeled[titleAt]!.text,
    dateline,
    byline,
    editor,
    lang,
    blocks: labeled,
    images,
    warnings,
    lineCount,
  };
}
