import type { Article, ArticleDate, Dateline, Reason, Source } from '../core/types.js';
import { isKeptLabel } from '../core/assemble.js';
import { keptText } from '../core/pipeline.js';

export const SCHEMA_ID = 'deboil/1';

/** The JSON contract (schema/deboil-1.schema.json): what other tools and our checks rely on. */
export interface ArticleRecord {
  readonly schema: typeof SCHEMA_ID;
  readonly title: string | null;
  readonly dateline: Dateline | null;
  readonly byline: string | null;
  readonly editor: string | null;
  readonly date: ArticleDate | null;
  readonly lang: string;
  readonly text: string;
  readonly blocks: readonly { kind: 'paragraph' | 'heading'; text: string; lines: readonly [number, number] }[];
  readonly images: readonly { caption: string; credit: string | null; lines: readonly [number, number] }[];
  readonly source: Source;
  readonly stats: {
    readonly lines: number;
    readonly keptLines: number;
    readonly removed: Partial<Record<Reason, number>>;
  };
  readonly warnings: readonly string[];
}

export function toRecord(article: Article, source: Source): ArticleRecord {
  const kept = article.blocks.filter(isKeptLabel);
  const removed: Partial<Record<Reason, number>> = {};
  for (const b of article.blocks) {
    const r = b.verdict.reason;
    if (b.verdict.label === 'boilerplate' && r) removed[r] = (removed[r] ?? 0) + 1;
  }
  const sortedRemoved = Object.fromEntries(Object.entries(removed).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const warnings = [...article.warnings];
  if (source.replacements > 0) {
    warnings.push(`decoding as ${source.encoding} left ${source.replacements} replacement character(s)`);
  }
  return {
    schema: SCHEMA_ID,
    title: article.title,
    dateline: article.dateline,
    byline: article.byline,
    editor: article.editor,
    date: article.date,
    lang: article.lang,
    text: keptText(article.blocks),
    blocks: kept.map((b) => ({ kind: b.verdict.label === 'heading' ? 'heading' : 'paragraph', text: b.text, lines: b.lines })),
    images: article.images.map((i) => ({ caption: i.caption, credit: i.credit, lines: i.lines })),
    source,
    stats: {
      lines: article.lineCount,
      keptLines: kept.reduce((n, b) => n + b.lines[1] - b.lines[0] + 1, 0),
      removed: sortedRemoved,
    },
    warnings,
  };
}
