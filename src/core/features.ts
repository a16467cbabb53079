import type { Block, Features } from './types.js';
import type { Matcher } from './match.js';
import type { WordTable } from './words.js';

// endsSentence is /(?:[.!?。！？;；．]|[^.]\.\.\.|…|……)[”"’'」』）)\]]*$|[：:]$/u and truncated is
// /(?<![.…])(?:\.\.\.|…)\s*[)\]）】»]?$/u (three dots or one ellipsis cut a teaser short; six dots or
// a doubled ellipsis is Chinese prose's own). Both only look at the end of the text, so they are
// read off its last few code units below: three regex calls a block were a tenth of measure's time.
// test/core/fast-paths.test.ts holds both to the regexes.
const URL = /https?:\/\/|www\.|\w@[\w-]+\.\w/u;

/** Han, kana and Hangul, by UTF-16 code unit ranges (BMP; the rare astral Han count as other). */
export function isCjkCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3130 && c <= 0x318f)
  );
}

// The punctuation sets by UTF-16 code unit: a per-character Set of one-character strings costs a
// string for every non-Latin-1 character.
export function isTerminal(c: number): boolean {
  // . ! ? 。 ！ ？ … ; ； ．
  return (
    c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x2026 || c === 0x3b || c === 0xff1b ||
    c === 0xff0e
  );
}

export function isCloser(c: number): boolean {
  // ” " ’ ' 」 』 ） ) ] and a space
  return c === 0x201d || c === 0x22 || c === 0x2019 || c === 0x27 || c === 0x300d || c === 0x300f || c === 0xff09 || c === 0x29 || c === 0x5d || c === 0x20;
}

export function isComma(c: number): boolean {
  // , ， 、 ; ； : ：
  return c === 0x2c || c === 0xff0c || c === 0x3001 || c === 0x3b || c === 0xff1b || c === 0x3a || c === 0xff1a;
}

// Below U+0250 (Latin scripts) a capital is a character that lower-casing changes; a table built
// from toLowerCase keeps exactly that test without a string per character.
const CAPITAL = new Uint8Array(0x250);
for (let c = 0; c < 0x250; c++) {
  const ch = String.fromCharCode(c);
  CAPITAL[c] = ch !== ch.toLowerCase() ? 1 : 0;
}

interface WordCounts {
  readonly words: number;
  readonly latinChars: number;
  readonly stop: number;
}

// Kinds of a code point for the word count, kept per BMP code unit in Matcher.unitKinds.
const WORD = 1;
const CJK_SCRIPT = 2;
const UNKNOWN = 0xff;
const WORD_START = /[\p{L}\p{N}]/u;
const CJK_ONE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function kindOf(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (WORD_START.test(ch) ? WORD : 0) | (CJK_ONE.test(ch) ? CJK_SCRIPT : 0);
}

/**
 * Words of `s` (a letter or digit, then letters, digits and ' ’ -) as a \p{L}\p{N} regex finds
 * them once, when `blankCjk`, every Han, kana and Hangul character is replaced by a space (a
 * Chinese line is not one "word"). A table of unit kinds does what the replacement per CJK
 * character and the match array did.
 */
function countWordsBlanking(s: string, blankCjk: boolean, stopwords: WordTable<true>, kinds: Uint8Array): WordCounts {
  const skip = blankCjk ? CJK_SCRIPT : 0;
  let words = 0;
  let latinChars = 0;
  let stop = 0;
  const n = s.length;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    let kind = 0;
    let width = 1;
    let c = 0;
    if (i < n) {
      c = s.charCodeAt(i);
      const d = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        kind = kindOf(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        width = 2;
      } else {
        kind = kinds[c]!;
        if (kind === UNKNOWN) kinds[c] = kind = c >= 0xd800 && c <= 0xdfff ? 0 : kindOf(c);
      }
      if ((kind & skip) !== 0) kind = 0;
    }
    // Inside a word the marks ' ’ - go on it too; they never start one.
    if ((kind & WORD) !== 0 || (start >= 0 && (c === 0x27 || c === 0x2019 || c === 0x2d))) {
      if (start < 0) start = i;
      i += width - 1;
      continue;
    }
    if (start >= 0) {
      words++;
      latinChars += i - start;
      if (stopwords.find(s, start, i)) stop++;
      start = -1;
    }
  }
  return { words, latinChars, stop };
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
}

/**
 * countWordsBlanking for ASCII text, where the word regex's letters and digits are [A-Za-z0-9]
 * and its inner marks ' and -: no table needed. ASCII holds no CJK to blank out.
 */
function countAsciiWords(s: string, stopwords: WordTable<true>): WordCounts {
  let words = 0;
  let latinChars = 0;
  let stop = 0;
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiAlnum(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i++;
    for (let c = s.charCodeAt(i); i < n && (isAsciiAlnum(c) || c === 0x27 || c === 0x2d); c = s.charCodeAt(++i));
    words++;
    latinChars += i - start;
    if (stopwords.find(s, start, i)) stop++;
  }
  return { words, latinChars, stop };
}

/** Index where the run of code units that `inRun` accepts, ending at `end`, begins. */
function skipBack(s: string, end: number, inRun: (c: number) => boolean): number {
  let j = end;
  while (j > 0 && inRun(s.charCodeAt(j - 1))) j--;
  return j;
}

/** The closers ENDS_SENTENCE lets follow a mark: isCloser without the space. */
function isMarkCloser(c: number): boolean {
  return c !== 0x20 && isCloser(c);
}

/** Whether the text ends a sentence: a mark, then closers only; or a colon last. */
function endsWithSentence(s: string): boolean {
  const n = s.length;
  const last = s.charCodeAt(n - 1);
  if (last === 0x3a || last === 0xff1a) return true;
  // isTerminal holds "…"; "..." and "……" end in a mark of the set themselves.
  const j = skipBack(s, n, isMarkCloser);
  return j > 0 && isTerminal(s.charCodeAt(j - 1));
}

/** Whether the text ends with three dots or one ellipsis (not more) before `end`, where only spaces and a closer follow. */
function endsTruncated(s: string, end: number): boolean {
  const c = s.charCodeAt(end - 1);
  let start: number;
  if (c === 0x2026) start = end - 1;
  else if (c === 0x2e && end >= 3 && s.charCodeAt(end - 2) === 0x2e && s.charCodeAt(end - 3) === 0x2e) start = end - 3;
  else return false;
  const before = start > 0 ? s.charCodeAt(start - 1) : 0;
  return before !== 0x2e && before !== 0x2026;
}

function isSpaceCode(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x80 && String.fromCharCode(c).trim() === '');
}

function isTeaserCloser(c: number): boolean {
  // ) ] ） 】 »
  return c === 0x29 || c === 0x5d || c === 0xff09 || c === 0x3011 || c === 0xbb;
}

/** Where TRUNCATED's trailing `\s*[)\]）】»]?` begins: the ellipsis must end right there. */
function truncationEnd(s: string): number {
  const n = s.length;
  const end = n > 0 && isTeaserCloser(s.charCodeAt(n - 1)) ? n - 1 : n;
  return skipBack(s, end, isSpaceCode);
}

/** Every URL match holds "://", "www." or "@": without them the regex need not run. */
function mayHoldUrl(s: string): boolean {
  return s.includes('://') || s.includes('www.') || s.includes('@');
}

// What measure's loop asks of each code unit, in one table: the class (the first test of its
// chain that holds) and whether the unit lets a mark before it end a sentence.
const U_OTHER = 0;
const U_SPACE = 1;
const U_CJK = 2;
const U_DIGIT = 3;
const U_TERMINAL = 4;
const U_COMMA = 5;
const U_CAPITAL = 6;
const U_CLASS = 7;
const U_ENDS_AFTER = 8;

/** The table of UNIT_KIND, from the sets of the predicates above, filled by ranges and lists. */
function unitTable(): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x250; c++) if (CAPITAL[c] === 1) t[c] = U_CAPITAL;
  for (const c of [0x2c, 0xff0c, 0x3001, 0x3b, 0xff1b, 0x3a, 0xff1a]) t[c] = U_COMMA;
  for (const c of [0x2e, 0x21, 0x3f, 0x3002, 0xff01, 0xff1f, 0x2026, 0x3b, 0xff1b, 0xff0e]) t[c] = U_TERMINAL;
  t.fill(U_DIGIT, 0x30, 0x3a);
  t.fill(U_DIGIT, 0xff10, 0xff1a);
  for (const [lo, hi] of [[0x4e00, 0x9fff], [0x3400, 0x4dbf], [0x3040, 0x30ff], [0xac00, 0xd7a3], [0x1100, 0x11ff], [0xf900, 0xfaff], [0x3130, 0x318f]] as const) {
    t.fill(U_CJK | U_ENDS_AFTER, lo, hi + 1);
  }
  for (const c of [32, 9, 0x3000, 0xa0]) t[c] = U_SPACE;
  for (const c of [0x201d, 0x22, 0x2019, 0x27, 0x300d, 0x300f, 0xff09, 0x29, 0x5d, 0x20]) t[c]! |= U_ENDS_AFTER;
  return t;
}

/** Per BMP code unit: its U_ class, and U_ENDS_AFTER (test/core/fast-paths.test.ts holds it to the predicates). */
export const UNIT_KIND = unitTable();

/**
 * Per-block measurements in one pass over the characters, all CJK aware: lengths count characters,
 * never words split on spaces.
 */
export function measure(block: Block, rules: Matcher): Features {
  const { text, norm } = block;
  const functionCodes = rules.functionCodes;
  let chars = 0;
  let cjk = 0;
  let digits = 0;
  let sentences = 0;
  let commas = 0;
  let functionChars = 0;
  let capitals = 0;
  let nonAscii = 0;
  let prevSpace = true;
  const n = text.length;
  const kinds = UNIT_KIND;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    nonAscii |= c;
    const kind = kinds[c]! & U_CLASS;
    if (kind === U_OTHER) {
      chars++;
      prevSpace = false;
      continue;
    }
    if (kind === U_SPACE) {
      prevSpace = true;
      continue;
    }
    chars++;
    if (kind === U_CJK) {
      cjk++;
      functionChars += functionCodes[c]!;
    } else if (kind === U_DIGIT) digits++;
    else if (kind === U_TERMINAL) {
      // A mark that ends a sentence: followed by space, a closer, the end, or CJK text.
      if (i + 1 >= n || (kinds[text.charCodeAt(i + 1)]! & U_ENDS_AFTER) !== 0) sentences++;
    } else if (kind === U_COMMA) commas++;
    else if (prevSpace) capitals++;
    prevSpace = false;
  }
  // Words of space-delimited scripts only: blank out CJK first so a Chinese line is not one "word".
  // The match form of ASCII text is ASCII; a text that is not may still give an ASCII match form
  // ("Ａ" is "a"), which the general count reads as the ASCII one does.
  const { words, latinChars, stop } = nonAscii >= 0x80
    ? countWordsBlanking(norm, cjk > 0, rules.stopTable, rules.unitKinds)
    : countAsciiWords(norm, rules.stopTable);
  const weight = cjk * 3 + latinChars;
  const stopRatio = cjk > 0 && cjk >= latinChars / 3 ? functionChars / cjk : words > 0 ? stop / words : 0;
  const endsSentence = endsWithSentence(text);
  const digitRatio = chars > 0 ? digits / chars : 0;
  return {
    chars,
    cjk,
    words,
    weight,
    endsSentence,
    sentences,
    commas,
    truncated: endsTruncated(text, truncationEnd(text)),
    stopRatio,
    digitRatio,
    titleLike: !endsSentence && weight >= 6 && weight <= 240 && digitRatio < 0.5 && (cjk > 0 || words >= 2),
    capRatio: words > 0 ? Math.min(1, capitals / words) : 0,
    hasUrl: mayHoldUrl(text) && URL.test(text),
  };
}
