import type { ArticleRecord } from './record.js';

/** One record per line; JSON.stringify escapes U+2028/2029-free output, so a line is a record. */
export function toJsonLine(record: ArticleRecord): string {
  return `${JSON.stringify(record)}\n`;
}
