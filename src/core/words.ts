// A set of words that answers for a range of a string without cutting it out: the word counts in
// features and lang looked up `set.has(s.slice(start, end))` for every word of every block, and
// the slice (and hashing it) was most of their time (issue 8).
//
// The hash table pays off over many pages, not one: building the two tables (lang's 2,205 words
// of 13 languages, the rule pack's stopwords) was ~5% of a single-page run's CPU, about what the
// slices of one page cost. So a table answers from its Map, slice by slice, until it has been
// asked WARM_LOOKUPS times (a few pages into a batch), and builds the hash table then.

/** Lookups after which a table builds its hash table; a single page makes fewer. */
export const WARM_LOOKUPS = 40_000;

/** The hash of s[start, end) by UTF-16 code unit (FNV-1a, 32 bits). */
function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * An open-addressing table of words, each with a value. `find` gives the value of the word equal,
 * code unit for code unit, to s[start, end), which is what `map.get(s.slice(start, end))` gives.
 */
export interface WordTable<V> {
  /** The value of the word s[start, end), or undefined when the table does not hold it. */
  find(s: string, start: number, end: number): V | undefined;
  /** The most code units a word of the table has. */
  readonly longest: number;
}

type Find<V> = (s: string, start: number, end: number) => V | undefined;

function hashed<V>(map: ReadonlyMap<string, V>): Find<V> {
  const words = [...map.keys()];
  const values = [...map.values()];
  let size = 16;
  while (size < words.length * 4) size *= 2;
  const mask = size - 1;
  // Slot k holds the index + 1 of its word (0: empty); hashes beside it, to compare before the text.
  const slots = new Int32Array(size);
  const hashes = new Int32Array(size);
  words.forEach((w, i) => {
    const h = hashRange(w, 0, w.length);
    let k = h & mask;
    while (slots[k] !== 0) k = (k + 1) & mask;
    slots[k] = i + 1;
    hashes[k] = h;
  });
  return (s, start, end) => {
    const n = end - start;
    const h = hashRange(s, start, end);
    for (let k = h & mask; ; k = (k + 1) & mask) {
      const at = slots[k]!;
      if (at === 0) return undefined;
      if (hashes[k] !== h) continue;
      const w = words[at - 1]!;
      if (w.length !== n) continue;
      let j = 0;
      while (j < n && w.charCodeAt(j) === s.charCodeAt(start + j)) j++;
      if (j === n) return values[at - 1];
    }
  };
}

/**
 * A table of the entries' words (a later duplicate wins, as in a Map). A Map given is used as it
 * is, not copied, and must not change afterwards. `warmAfter` is for tests of either way of
 * answering.
 */
export function wordTable<V>(entries: Iterable<readonly [string, V]>, warmAfter = WARM_LOOKUPS): WordTable<V> {
  const map: ReadonlyMap<string, V> = entries instanceof Map ? entries : new Map(entries);
  let longest = 0;
  let shortest = Number.POSITIVE_INFINITY;
  for (const w of map.keys()) {
    if (w.length > longest) longest = w.length;
    if (w.length < shortest) shortest = w.length;
  }
  let lookups = 0;
  let table: Find<V> | null = null;
  return {
    longest,
    find(s: string, start: number, end: number): V | undefined {
      const n = end - start;
      if (n > longest || n < shortest) return undefined;
      if (table) return table(s, start, end);
      if (++lookups > warmAfter) table = hashed(map);
      return map.get(s.slice(start, end));
    },
  };
}

/** A word set as a table: `find` gives true for a word of the set. */
export function wordSet(words: Iterable<string>, warmAfter = WARM_LOOKUPS): WordTable<true> {
  const entries = new Map<string, true>();
  for (const w of words) entries.set(w, true);
  return wordTable(entries, warmAfter);
}
