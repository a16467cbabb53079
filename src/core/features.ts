import type { Block, Features } from './types.js';
import type { Matcher } from './match.js';

const WORD_G = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const CJK_G = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const ENDS_SENTENCE = /(?:[.!?。！？;；．]|[^.]\.\.\.|…|……)[”"’'」』）)\]]*$|[：:]$/u;
// Three dots or one ellipsis cut a teaser short; six dots or a doubled ellipsis is Chinese prose's own.
const TRUNCATED = /(?<![.…])(?:\.\.\.|…)\s*[)\]）】»]?$/u;
const URL = /https?:\/\/|www\.|\w@[\w-]+\.\w/u;

/** Han, kana and Hangul, by UTF-16 code unit ranges (BMP; the rare astral Han count as other). */
function isCjkCode(c: number): boolean {
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

const TERMINALS = new Set(['.', '!', '?', '。', '！', '？', '…', ';', '；', '．']);
const CLOSERS = new Set(['”', '"', '’', "'", '」', '』', '）', ')', ']', ' ']);
const COMMAS = new Set([',', '，', '、', ';', '；', ':', '：']);

/**
 * Per-block measurements in one pass over the characters, all CJK aware: lengths count characters,
 * never words split on spaces.
 */
export function measure(block: Block, rules: Matcher): Features {
  const { text, norm } = block;
  let chars = 0;
  let cjk = 0;
  let digits = 0;
  let sentences = 0;
  let commas = 0;
  let functionChars = 0;
  let capitals = 0;
  let prevSpace = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0x3000 || c === 0xa0) {
      prevSpace = true;
      continue;
    }
    chars++;
    if (isCjkCode(c)) {
      cjk++;
      if (rules.functionChars.has(ch)) functionChars++;
    } else if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) digits++;
    else if (TERMINALS.has(ch)) {
      // A mark that ends a sentence: followed by space, a closer, the end, or CJK text.
      const next = text.charCodeAt(i + 1);
      if (Number.isNaN(next) || CLOSERS.has(text[i + 1]!) || isCjkCode(next)) sentences++;
    } else if (COMMAS.has(ch)) commas++;
    else if (prevSpace && c < 0x250 && ch !== ch.toLowerCase()) capitals++;
    prevSpace = false;
  }
  // Words of space-delimited scripts only: blank out CJK first so a Chinese line is not one "word".
  const latin = cjk > 0 ? norm.replace(CJK_G, ' ') : norm;
  const wordList = latin.match(WORD_G) ?? [];
  const words = wordList.length;
  let latinChars = 0;
  let stop = 0;
  for (const w of wordList) {
    latinChars += w.length;
    if (rules.stopwords.has(w)) stop++;
  }
  const weight = cjk * 3 + latinChars;
  const stopRatio = cjk > 0 && cjk >= latinChars / 3 ? functionChars / cjk : words > 0 ? stop / words : 0;
  const endsSentence = ENDS_SENTENCE.test(text);
  const digitRatio = chars > 0 ? digits / chars : 0;
  return {
    chars,
    cjk,
    words,
    weight,
    endsSentence,
    sentences,
    commas,
    truncated: TRUNCATED.test(text),
    stopRatio,
    digitRatio,
    titleLike: !endsSentence && weight >= 6 && weight <= 240 && digitRatio < 0.5 && (cjk > 0 || words >= 2),
    capRatio: words > 0 ? Math.min(1, capitals / words) : 0,
    hasUrl: URL.test(text),
  };
}
