import type { RulePack } from '../core/types.js';

// Rules that hold in every language: lines a converter draws rather than text a writer wrote.
export const common = {
  id: 'common',
  boilerplate: [
    // Rules, separators and bullets alone on a line ("━━━━", "* * *", "|", "»").
    { id: 'common/decoration', reason: 'decoration', pattern: /^[\p{P}\p{S}\p{Z}\d]{1,200}$/u },
  ],
  trendingHeaders: [],
  endMarkers: [],
  stamps: [],
  categories: [],
  captionCues: [],
  datelines: [],
  bylines: [],
  dates: [],
  editors: [],
  stopwords: [],
  functionChars: '',
} satisfies RulePack;
