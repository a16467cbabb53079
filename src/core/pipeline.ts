import type { Article, Block, LanguageProfile, Mode, RulePack, Thresholds } from './types.js';
import { judgeBlock, labelled, withVerdict, type Classified, type Judgement } from './classify.js';
import { compileRules, type Matcher } from './match.js';
import { dropDuplicateCaptions, dropRepeatedKept } from './dedupe.js';
import { reviseByNeighbours } from './revise.js';
import { assemble, isKeptLabel } from './assemble.js';
import { segment, segmentParagraphs } from './segment.js';
import { guessLanguage, prepareLanguages, type LanguageModel } from './lang.js';
import { fallbacks, modes } from './modes.js';
import type { SiteTemplate } from './template.js';
import { labelWithTemplate, markTemplate } from './template-marks.js';

/** Everything extract needs, built once by the caller and frozen. */
export interface Context {
  readonly rules: Matcher;
  readonly languages: LanguageModel;
  /** Threshold sets tried in order until one finds an article. */
  readonly passes: readonly Thresholds[];
}

export function createContext(
  pack: RulePack,
  languages: readonly LanguageProfile[],
  mode: Mode = 'balanced',
  overrides: Partial<Thresholds> = {},
): Context {
  return Object.freeze({
    rules: compileRules(pack),
    languages: prepareLanguages(languages),
    passes: Object.freeze(fallbacks[mode].map((m, i) => Object.freeze(i === 0 ? { ...modes[m], ...overrides } : modes[m]))),
  });
}

/**
 * Judgements by threshold set, bullet or not, and block text, kept for one extract call: settle()
 * re-reads text. Two maps rather than a "*"-prefixed key, which made a string per bullet a pass.
 */
type Memo = Map<Thresholds, readonly [plain: Map<string, Judgement>, bullet: Map<string, Judgement>]>;

function labelBlocks(blocks: readonly Block[], rules: Matcher, t: Thresholds, memo: Memo, marks?: ReadonlySet<number>): Classified[] {
  let byText = memo.get(t);
  if (!byText) memo.set(t, (byText = [new Map(), new Map()]));
  const first = blocks.map((b) => {
    const map = byText[b.bullet ? 1 : 0];
    let j = map.get(b.text);
    if (!j) map.set(b.text, (j = judgeBlock(b, rules, t)));
    // One object a block a pass, built from the block and its judgement: a measured block and then
    // its labelled copy were two, which showed in the profile.
    return labelled(b, j.features, j.verdict, j.cue);
  });
  return dropRepeatedKept(reviseByNeighbours(dropDuplicateCaptions(marks ? markTemplate(first, marks) : first), t));
}

/** Walks the threshold sets in order and keeps the first labelling that finds an article. */
function labelWithFallbacks(blocks: readonly Block[], ctx: Context, memo: Memo, marks?: ReadonlySet<number>): Classified[] {
  let labeled: Classified[] = [];
  for (const t of ctx.passes) {
    labeled = labelBlocks(blocks, ctx.rules, t, memo, marks);
    if (labeled.some(isKeptLabel)) break;
  }
  return labeled;
}

/** The article text as `text` output shows it: kept blocks, one per paragraph, a blank line between. */
export function keptText(blocks: readonly { text: string; verdict: { label: string } }[]): string {
  return blocks
    .filter((b) => b.verdict.label === 'body' || b.verdict.label === 'heading')
    .map((b) => b.text)
    .join('\n\n');
}

function countLines(text: string): number {
  if (text === '') return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

// Each round can only drop blocks, so this bounds the work; real pages settle in two rounds.
const MAX_ROUNDS = 6;

/**
 * Labels until cleaning the kept text again would change nothing: the kept blocks are read back as
 * the text output would give them, and any block that reading rejects is dropped from the page too.
 * That makes `clean(clean(x)) = clean(x)` a property of the pipeline, not a hope.
 */
function settle(blocks: Classified[], ctx: Context, memo: Memo): Classified[] {
  let current = blocks;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const keptIdx = current.flatMap((b, i) => (isKeptLabel(b) ? [i] : []));
    if (keptIdx.length === 0) return current;
    const reread = labelWithFallbacks(segmentParagraphs(keptIdx.map((i) => current[i]!)), ctx, memo);
    if (reread.length !== keptIdx.length) return current;
    let changed = false;
    const next = [...current];
    reread.forEach((r, k) => {
      if (isKeptLabel(r)) return;
      const i = keptIdx[k]!;
      next[i] = withVerdict(next[i]!, { ...r.verdict, rule: `settle/${r.verdict.rule}`, pass: 'revise' });
      changed = true;
    });
    if (!changed) return current;
    current = next;
  }
  return current;
}

/**
 * Cleans one dump: segment, classify each block, revise by context, collapse repeats, assemble.
 * With the template of the page's site (learnt from its other pages), its template lines go too.
 */
export function extract(text: string, ctx: Context, warnings: readonly string[] = [], site: SiteTemplate | null = null): Article {
  const memo: Memo = new Map();
  const blocks = segment(text);
  const label = (marks?: ReadonlySet<number>): Classified[] => settle(labelWithFallbacks(blocks, ctx, memo, marks), ctx, memo);
  const labeled = site ? labelWithTemplate(site, label, ctx.rules.pack, ctx.passes[0]!) : label();
  const body = keptText(labeled);
  const lang = guessLanguage(body || text, ctx.languages);
  return assemble(labeled, ctx.rules.pack, lang, warnings, countLines(text));
}
