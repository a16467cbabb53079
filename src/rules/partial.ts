import type { RulePack } from '../core/types.js';

/** A pack with only the lists given; the others empty. For small packs: common rules, a config. */
export function partialPack(id: string, lists: Partial<Omit<RulePack, 'id'>>): RulePack {
  return {
    id,
    boilerplate: [],
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
    ...lists,
  };
}
