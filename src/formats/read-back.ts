import { unescapeMarkdown } from './markdown.js';
import { SCHEMA_ID } from './record.js';

export type CheckedFormat = 'text' | 'md' | 'json';

/** A file's article text as `deboil check` reads it. */
export interface ReadBack {
  readonly format: CheckedFormat;
  /** Text to run the pipeline on; for text and Markdown, line n is line n of the file. */
  readonly text: string;
  /** Set when every line of `text` stands on one line of the file (the `"text":` line of a JSON record). */
  readonly atLine: number | null;
}

/** A `.json` file that is not a deboil record: the message says what is missing. */
export class NotARecordError extends Error {
  override readonly name = 'NotARecordError';
}

const FRONT_MATTER_END = /^(?:---|\.\.\.)\s*$/u;
const TITLE = /^#\s/u;
const SUBHEADING = /^#{2,6}\s+/u;
// deboil escapes every `*` inside a paragraph, so a whole line in unescaped asterisks is a caption.
const CAPTION = /^\*(?:[^*\\]|\\.)+\*$/u;

/**
 * Markdown as deboil writes it, turned back into the text output line for line: the front matter,
 * the `# title` and `*caption*` lines become blank (deboil keeps those as metadata, not article
 * text), `## ` markers and backslash escapes go.
 */
export function markdownToText(md: string): string {
  const lines = md.split(/\r\n|\r|\n/u);
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, k) => k > 0 && FRONT_MATTER_END.test(l));
    // Without a closing fence this is no front matter; read the lines as they are.
    if (end > 0) for (; i <= end; i++) lines[i] = '';
  }
  let titleSeen = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!titleSeen && TITLE.test(line)) {
      titleSeen = true;
      lines[i] = '';
    } else if (CAPTION.test(line)) lines[i] = '';
    else lines[i] = unescapeMarkdown(line.replace(SUBHEADING, ''));
  }
  return lines.join('\n');
}

/** 1-based line of the first `"text":` key in pretty-printed JSON (deboil's own layout). */
function lineOfTextKey(json: string): number {
  const at = json.search(/"text"\s*:/u);
  if (at < 0) return 1;
  let n = 1;
  for (let i = json.indexOf('\n'); i >= 0 && i < at; i = json.indexOf('\n', i + 1)) n++;
  return n;
}

function formatOf(name: string, content: string): CheckedFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
  // Markdown piped in or saved as .txt still opens with deboil's front matter.
  if (/^---\r?\n(?:schema: "deboil\/1"|title: )/u.test(content)) return 'md';
  return 'text';
}

/**
 * Reads a raw dump or a deboil output (text, Markdown with front matter, JSON record) back into the
 * text the pipeline should see. The format comes from the file name, then the content.
 */
export function readBack(name: string, content: string): ReadBack {
  const format = formatOf(name, content);
  if (format === 'md') return { format, text: markdownToText(content), atLine: null };
  if (format === 'text') return { format, text: content, atLine: null };
  let record: unknown;
  try {
    record = JSON.parse(content);
  } catch (e) {
    throw new NotARecordError(`not valid JSON (${(e as Error).message})`);
  }
  const text = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)['text'] : undefined;
  if (typeof text !== 'string') {
    const schema = (record as Record<string, unknown> | null)?.['schema'];
    const what = schema === SCHEMA_ID ? 'a deboil record without a string "text" field' : 'not a deboil JSON record (no string "text" field)';
    throw new NotARecordError(`${what}; leave it out with --exclude`);
  }
  return { format, text, atLine: lineOfTextKey(content) };
}
