import type { ArticleRecord } from './record.js';

export function toJson(record: ArticleRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
