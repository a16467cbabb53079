import type { ArticleRecord } from './record.js';

/** Exactly the article text and a final newline (nothing at all for an empty article). */
export function toText(record: ArticleRecord): string {
  return record.text === '' ? '' : `${record.text}\n`;
}
