import type { ArticleRecord } from './record.js';

// A paragraph that starts like Markdown syntax would turn into a list, heading or quote.
const LEADING_SYNTAX = /^(#{1,6}\s|[-+*]\s|\d{1,9}[.)]\s|>|=+\s*$|-+\s*$|```|~~~|\|)/u;
const INLINE = /([\\`*_[\]<>])/gu;

export function escapeMarkdown(text: string): string {
  const inline = text.replace(INLINE, '\\$1');
  return LEADING_SYNTAX.test(inline) ? `\\${inline}` : inline;
}

const ESCAPED = /\\([\\`*_[\]<>])/gu;

/** Inverse of escapeMarkdown, so `deboil check` can read deboil's own Markdown back as text. */
export function unescapeMarkdown(line: string): string {
  const inline = line.startsWith('\\') && LEADING_SYNTAX.test(line.slice(1)) ? line.slice(1) : line;
  return inline.replace(ESCAPED, '$1');
}

function yamlValue(v: unknown): string {
  // JSON scalars are valid YAML 1.2 flow scalars, and quoting keeps every string a string.
  return JSON.stringify(v);
}

/** YAML front matter with the metadata, `# title`, paragraphs, `## ` subheadings, captions in italics. */
export function toMarkdown(record: ArticleRecord): string {
  const front = [
    '---',
    `schema: ${yamlValue(record.schema)}`,
    `title: ${yamlValue(record.title)}`,
    `lang: ${yamlValue(record.lang)}`,
    `dateline: ${yamlValue(record.dateline?.raw ?? null)}`,
    ...(record.dateline ? [`place: ${yamlValue(record.dateline.place)}`, `day: ${yamlValue(record.dateline.day)}`] : []),
    `byline: ${yamlValue(record.byline)}`,
    `editor: ${yamlValue(record.editor)}`,
    `date: ${yamlValue(record.date?.iso ?? null)}`,
    `source: ${yamlValue(record.source.path)}`,
    `encoding: ${yamlValue(record.source.encoding)}`,
    '---',
  ];
  // Captions go where they stood: before the first kept block that follows them.
  const parts: { line: number; md: string }[] = [
    ...record.blocks.map((b) => ({ line: b.lines[0], md: b.kind === 'heading' ? `## ${escapeMarkdown(b.text)}` : escapeMarkdown(b.text) })),
    ...record.images.map((i) => ({ line: i.lines[0], md: `*${escapeMarkdown(i.caption)}*` })),
  ].sort((a, b) => a.line - b.line);
  const body = [...(record.title ? [`# ${escapeMarkdown(record.title)}`] : []), ...parts.map((p) => p.md)];
  return `${front.join('\n')}\n\n${body.join('\n\n')}\n`;
}
