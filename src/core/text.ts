// Character-level helpers shared by the stages. Pure, no state.

const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/gu;
// Collapsing every white-space run to one space leaves single plain spaces as they are, so only
// longer runs and other white space need a replacement: same result, far fewer matches on prose.
const SPACES_TO_COLLAPSE = /\s{2,}|[^\S ]/gu;
const NON_ASCII = /[^\x00-\x7f]/u;
const HAN_KANA_HANGUL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const HAN_KANA_HANGUL_G = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
// East Asian wide and fullwidth ranges, enough to reproduce a text browser's column count.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** The WIDE ranges by UTF-16 code unit; all of them lie in the BMP, outside the surrogates. */
function isWideCode(c: number): boolean {
  if (c < 0x1100) return false;
  if (c <= 0x115f) return true;
  if (c < 0x2e80) return false;
  return (
    (c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  );
}

// ASCII is its own NFC and NFKC and holds no zero-width character; skipping the ICU calls for it
// saves most of the work on Latin pages.
function collapse(s: string): string {
  return s.replace(SPACES_TO_COLLAPSE, ' ').trim();
}

/**
 * What the text forms do to a line, from the least work to the most: SELF_FORMS when the line is
 * its own display form (but for white space, see COLLAPSES) and its match form is its lower case;
 * NFKC_FORM when its match form is the lower case of its NFKC; OTHER_FORMS when only displayForm
 * and matchForm can tell. A line's form is the largest of its units' forms (unitFacts), with
 * COLLAPSES when it holds white space but single spaces (joinForms).
 */
export const SELF_FORMS = 1;
export const NFKC_FORM = 2;
export const OTHER_FORMS = 3;
export const FORM_BITS = 3;
export const WIDE_BIT = 4;
const KNOWN_BIT = 8;
/** A unit of white space, or a line holding white space to collapse: a tab, a run, a no-break space. */
export const COLLAPSES = 16;

// A code point that canonical composition may join to the one before it (the second of a
// composed pair: combining marks, Hangul vowel and final jamo), or that canonical ordering may
// move: every such code point is a mark (\p{M}) or a jamo of U+1160-U+11FF.
const JOINS_BACK = /^[\p{M}\u1160-\u11ff]/u;
const WHITE_OR_ZERO_WIDTH = /[\s\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/u;
const WHITE = /^\s+$/u;
const HAS_ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/u;

/**
 * Per BMP code unit above 0x7f: its form (FORM_BITS), whether it is wide (WIDE_BIT, as isWideCode),
 * white space (COLLAPSES) and known yet (KNOWN_BIT); surrogates have OTHER_FORMS. Filled as units
 * are met, not up front: normalising all 63,000 would cost every run tens of milliseconds, and a
 * page meets a few thousand. A memo of fixed facts, not state.
 */
const UNIT_FACTS = new Uint8Array(0x10000);

/**
 * The quick check of UAX #15: a string of code points that no normalisation changes alone, none
 * of which joins the one before it, is its own NFC, and the same holds for NFKC. A code point that
 * NFKC alone maps to text without white space or zero-width characters leaves the NFKC of such a
 * string the concatenation of its code points' NFKC, so collapsing and trimming change nothing.
 * White space that NFC keeps white space and that joins nothing ends up one space either way.
 */
export function unitFacts(c: number): number {
  let facts = UNIT_FACTS[c]!;
  if (facts !== 0) return facts;
  const ch = String.fromCharCode(c);
  facts = KNOWN_BIT | (isWideCode(c) ? WIDE_BIT : 0) | OTHER_FORMS;
  const isSurrogate = c >= 0xd800 && c <= 0xdfff;
  // The first code point of each decomposition too: NFKC turns the half-width "ﾞ" into a mark.
  const joins = JOINS_BACK.test(ch) || JOINS_BACK.test(ch.normalize('NFD')) || JOINS_BACK.test(ch.normalize('NFKD'));
  if (!isSurrogate && !joins && WHITE.test(ch) && !HAS_ZERO_WIDTH.test(ch) && WHITE.test(ch.normalize('NFC'))) {
    facts = (facts & ~FORM_BITS) | SELF_FORMS | COLLAPSES;
  } else if (!isSurrogate && !joins && ch.normalize('NFC') === ch && !WHITE_OR_ZERO_WIDTH.test(ch)) {
    const folded = ch.normalize('NFKC');
    if (folded === ch) facts = (facts & ~FORM_BITS) | SELF_FORMS;
    else if (!WHITE_OR_ZERO_WIDTH.test(folded)) facts = (facts & ~FORM_BITS) | NFKC_FORM;
  }
  UNIT_FACTS[c] = facts;
  return facts;
}

/** The form of two pieces of text joined (with one space or none): the larger, and COLLAPSES of either. */
export function joinForms(a: number, b: number): number {
  return Math.max(a & FORM_BITS, b & FORM_BITS) | ((a | b) & COLLAPSES);
}

/** displayForm(s) and matchForm of that, for a trimmed s of the given form (see SELF_FORMS). */
export function formsOf(s: string, form: number): [shown: string, norm: string] {
  const base = form & FORM_BITS;
  if (base === OTHER_FORMS) return displayAndMatchForms(s);
  const shown = (form & COLLAPSES) !== 0 ? collapse(s) : s;
  return [shown, base === SELF_FORMS ? shown.toLowerCase() : shown.normalize('NFKC').toLowerCase()];
}

/** Text as the output shows it: NFC, zero-width characters removed, spaces collapsed, trimmed. */
export function displayForm(s: string): string {
  if (!NON_ASCII.test(s)) return collapse(s);
  return collapse(s.normalize('NFC').replace(ZERO_WIDTH, ''));
}

/** Text as rules match it: NFKC (full-width to half-width), lower case, no zero-width characters. */
export function matchForm(s: string): string {
  if (!NON_ASCII.test(s)) return collapse(s).toLowerCase();
  return collapse(s.normalize('NFKC').replace(ZERO_WIDTH, '')).toLowerCase();
}

/**
 * displayForm(s) and matchForm of that, as segment needs both: text that comes out of displayForm
 * as ASCII is already collapsed, so its match form is its lower case.
 */
export function displayAndMatchForms(s: string): [shown: string, norm: string] {
  if (!NON_ASCII.test(s)) {
    const shown = collapse(s);
    return [shown, shown.toLowerCase()];
  }
  const shown = collapse(s.normalize('NFC').replace(ZERO_WIDTH, ''));
  return [shown, matchForm(shown)];
}

export const LETTER_BIT = 1;
export const HAN_BIT = 2;
const LETTER = /\p{L}/u;
const HAN = /\p{Script=Han}/u;
// Per BMP code unit: LETTER_BIT | HAN_BIT, plus 4 once known (a memo of fixed facts, filled as met).
const LETTER_FACTS = new Uint8Array(0x10000);

/** Whether a code point is a letter (\p{L}, LETTER_BIT) and of the Han script (HAN_BIT). */
export function letterBits(cp: number): number {
  if (cp > 0xffff) {
    const ch = String.fromCodePoint(cp);
    return (LETTER.test(ch) ? LETTER_BIT : 0) | (HAN.test(ch) ? HAN_BIT : 0);
  }
  let bits = LETTER_FACTS[cp]!;
  if (bits === 0) {
    const ch = String.fromCharCode(cp);
    // A lone surrogate is no letter: the u-flag regexes read it as a code point of its own.
    const isSurrogate = cp >= 0xd800 && cp <= 0xdfff;
    bits = 4 | (!isSurrogate && LETTER.test(ch) ? LETTER_BIT : 0) | (!isSurrogate && HAN.test(ch) ? HAN_BIT : 0);
    LETTER_FACTS[cp] = bits;
  }
  return bits & 3;
}

export function isCjkChar(ch: string): boolean {
  return HAN_KANA_HANGUL.test(ch);
}

export function countCjk(s: string): number {
  return s.match(HAN_KANA_HANGUL_G)?.length ?? 0;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Code points in the string, a lone surrogate counting as one, as `[...s].length` counts. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i + 1 < s.length; i++) {
    if (isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1))) {
      n--;
      i++;
    }
  }
  return n;
}

/**
 * Whether the string has more than `max` code points (codePointLength(s) > max), reading at most
 * the first 2 * max + 2 units: a length guard fails fast, and counting a whole 2,000-unit block for
 * a 100-character guard cost more than the regex's own scan did.
 */
export function exceedsCodePoints(s: string, max: number): boolean {
  if (s.length <= max) return false;
  if (s.length > 2 * max + 1) return true;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (isHigh(s.charCodeAt(i)) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) i++;
    if (++n > max) return true;
  }
  return false;
}

/** Columns a text browser gives the string: wide characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHigh(c) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) i++;
    else if (isWideCode(c)) w++;
    w++;
  }
  return w;
}

/** The first code point of the string as a string ('' for ''), as `[...s][0]` gives it. */
function firstCodePoint(s: string): string {
  return s.length >= 2 && isHigh(s.charCodeAt(0)) && isLow(s.charCodeAt(1)) ? s.slice(0, 2) : s.slice(0, 1);
}

/** The last code point of the string as a string ('' for ''), as `[...s].at(-1)` gives it. */
function lastCodePoint(s: string): string {
  const n = s.length;
  return n >= 2 && isLow(s.charCodeAt(n - 1)) && isHigh(s.charCodeAt(n - 2)) ? s.slice(n - 2) : s.slice(n - 1);
}

// A letter then a hyphen at the end: the last two code points, so three code units at most.
const LETTER_HYPHEN_END = /\p{L}-$/u;

/** Whether joining two wrapped fragments wants a space: none between CJK characters. */
export function joinWrapped(left: string, right: string): string {
  const a = lastCodePoint(left);
  const b = firstCodePoint(right);
  if (a === '' || b === '') return left + right;
  if (isCjkChar(a) || isCjkChar(b) || WIDE.test(a) || WIDE.test(b)) return left + right;
  // lynx/w3m break after a hyphen in compounds ("well-\nknown"): keep the hyphen, no space.
  if (a === '-' && /\p{L}/u.test(b) && LETTER_HYPHEN_END.test(left.slice(-3))) return left + right;
  return `${left} ${right}`;
}
