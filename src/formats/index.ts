import type { ArticleRecord } from './record.js';
import { toJson } from './json.js';
import { toJsonLine } from './jsonl.js';
import { toMarkdown } from './markdown.js';
import { toText } from './text.js';

export type FormatName = 'json' | 'jsonl' | 'md' | 'text';

export const formats: Readonly<Record<FormatName, (r: ArticleRecord) => string>> = {
  json: toJson,
  jsonl: toJsonLine,
  md: toMarkdown,
  text: toText,
};

/** File extension for an output in each format, used by --out-dir. */
export const extensions: Readonly<Record<FormatName, string>> = { json: '.json', jsonl: '.jsonl', md: '.md', text: '.txt' };

export const formatNames = Object.keys(formats) as FormatName[];

export function isFormatName(s: string): s is FormatName {
  return Object.hasOwn(formats, s);
}
