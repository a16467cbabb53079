import type { Article, Labeled } from '../core/types.js';
import { isKeptLabel } from '../core/assemble.js';

export interface ExplainRow {
  readonly lines: readonly [number, number];
  readonly label: string;
  readonly reason: string | null;
  readonly rule: string;
  readonly pass: string;
  readonly kept: boolean;
  readonly features: Labeled['features'];
  readonly text: string;
  /** For a site-template line: in how many of the site's documents it occurs, of how many. */
  readonly template?: DocumentFrequency;
}

export interface DocumentFrequency {
  readonly df: number;
  readonly docs: number;
}

/** The document frequency behind a block's removal as site template; null for other blocks. */
export type TemplateNote = (b: Labeled) => DocumentFrequency | null;

export function explainRows(article: Article, note?: TemplateNote): ExplainRow[] {
  return article.blocks.map((b) => {
    const row: ExplainRow = {
      lines: b.lines,
      label: b.verdict.label,
      reason: b.verdict.reason ?? null,
      rule: b.verdict.rule,
      pass: b.verdict.pass,
      kept: isKeptLabel(b),
      features: b.features,
      text: b.text,
    };
    const template = note?.(b);
    return template ? { ...row, template } : row;
  });
}

/** Styling hooks so the plain and coloured renderings share one layout. */
export interface ExplainStyle {
  kept(s: string): string;
  removed(s: string): string;
  meta(s: string): string;
}

const plain: ExplainStyle = { kept: (s) => s, removed: (s) => s, meta: (s) => s };

function featureSummary(f: Labeled['features']): string {
  const parts = [`w=${f.weight}`];
  if (f.endsSentence) parts.push('end.');
  if (f.truncated) parts.push('cut…');
  if (f.stopRatio > 0) parts.push(`stop=${f.stopRatio.toFixed(2)}`);
  if (f.titleLike) parts.push('title-like');
  return parts.join(' ');
}

/** One row per block: lines, label and rule, the features that decided, then the text. */
export function toExplainText(article: Article, width = 100, style: ExplainStyle = plain, note?: TemplateNote): string {
  const rows = explainRows(article, note).map((r) => {
    const where = r.lines[0] === r.lines[1] ? `${r.lines[0]}` : `${r.lines[0]}-${r.lines[1]}`;
    const label = r.reason ? `${r.label}:${r.reason}` : r.label;
    const rule = r.template ? `${r.rule} df=${r.template.df}/${r.template.docs}` : r.rule;
    const head = `${where.padStart(7)}  ${(r.kept ? '+' : '-')} ${label.padEnd(25)} ${rule.padEnd(28)} ${featureSummary(r.features).padEnd(34)}`;
    const room = Math.max(20, width - [...head].length - 1);
    const chars = [...r.text];
    const text = chars.length > room ? `${chars.slice(0, room - 1).join('')}…` : r.text;
    return r.kept ? `${style.meta(head)} ${style.kept(text)}` : style.removed(`${head} ${text}`);
  });
  return `${rows.join('\n')}\n`;
}

export function toExplainJson(article: Article, note?: TemplateNote): string {
  return `${JSON.stringify({ title: article.title, blocks: explainRows(article, note) }, null, 2)}\n`;
}
