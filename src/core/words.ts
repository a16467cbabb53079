// A set of words that answers for a range of a string without cutting it out: the word counts in
// features and lang looked up `set.has(s.slice(start, end))` for every word of every block, and
// the slice (and hashing it) was most of their time (issue 8).

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

export function wordTable<V>(entries: Iterable<readonly [string, V]>): WordTable<V> {
  const words: string[] = [];
  const values: V[] = [];
  for (const [w, v] of new Map(entries)) {
    words.push(w);
    values.push(v);
  }
  let size = 16;
  while (size < words.length * 4) size *= 2;
  const mask = size - 1;
  // Slot k holds the index + 1 of its word (0: empty); hashes beside it, to compare before the text.
  const slots = new Int32Array(size);
  const hashes = new Int32Array(size);
  let longest = 0;
  let shortest = Number.POSITIVE_INFINITY;
  words.forEach((w, i) => {
    const h = hashRange(w, 0, w.length);
    let k = h & mask;
    while (slots[k] !== 0) k = (k + 1) & mask;
    slots[k] = i + 1;
    hashes[k] = h;
    if (w.length > longest) longest = w.length;
    if (w.length < shortest) shortest = w.length;
  });
  return {
    longest,
    find(s: string, start: number, end: number): V | undefined {
      const n = end - start;
      if (n > longest || n < shortest) return undefined;
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
    },
  };
}

/** A word set as a table: `find` gives true for a word of the set. */
export function wordSet(words: Iterable<string>): WordTable<true> {
  const entries: [string, true][] = [];
  for (const w of words) entries.push([w, true]);
  return wordTable(entries);
}
