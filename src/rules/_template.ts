import type { RulePack } from '../core/types.js';

// Copy this file to start a pack (a language, or a site in sites/<host>.ts that extends one).
// Ids take the form `<pack>/<short-name>`; they appear in JSON output and golden files, so keep them
// stable. Exact strings are compared with the block's match form: NFKC, lower case, spaces collapsed.
export const template = {
  id: 'xx',
  boilerplate: [{ id: 'xx/read-more', reason: 'read-more', exact: ['read more'] }],
  trendingHeaders: [{ id: 'xx/most-read', exact: ['most read'] }],
  endMarkers: [{ id: 'xx/comments', reason: 'comment', pattern: /^comments$/u }],
  stamps: [{ id: 'xx/says', pattern: /^.{1,40} says:$/u }],
  categories: [{ id: 'xx/category', exact: ['world'] }],
  captionCues: [{ id: 'xx/photo', pattern: /\(photo: ([^)]+)\)$/u }],
  datelines: [{ id: 'xx/wire', pattern: /^(?<place>[A-Z]+) \((?<agency>Reuters)\) -/u }],
  bylines: [{ id: 'xx/by', pattern: /^by (.+)$/u }],
  dates: [{ id: 'xx/iso', pattern: /(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})/u }],
  editors: [{ id: 'xx/edited-by', pattern: /^edited by (.+)$/u }],
  stopwords: ['the', 'a'],
  functionChars: '',
} satisfies RulePack;
