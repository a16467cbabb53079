import type { Block, Features } from './types.js';
import type { Matcher } from './match.js';

const CJK_G = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD_G = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const TERMINAL_G = /[.!?。！？…;；](?=\s|$|[”"’'」』）)\]]|[\p{Script=Han}])/gu;
const ENDS_SENTENCE = /(?:[.!?。！？;；]|[^.]\.\.\.|…|……)[”"’'」』）)\]]*$|[：:]$/u;
const COMMAS_G = /[,，、;；:：]/gu;
// Three dots or one ellipsis cut a teaser short; six dots or a doubled ellipsis is Chinese prose's own.
const TRUNCATED = /(?<![.…])(?:\.\.\.|…)\s*[)\]）】»]?$/u;
const DIGIT_G = /\p{N}/gu;
const URL = /(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+/u;
const NON_SPACE_G = /\S/gu;

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

/** Per-block measurements, all in characters (CJK aware), never by splitting on spaces alone. */
export function measure(block: Block, rules: Matcher): Features {
  const { text, norm } = block;
  const chars = count(NON_SPACE_G, text);
  const cjk = count(CJK_G, text);
  // Words of space-delimited scripts only: strip CJK first so a Chinese line is not one "word".
  const latin = cjk > 0 ? norm.replace(CJK_G, ' ') : norm;
  const wordList = latin.match(WORD_G) ?? [];
  const words = wordList.length;
  const latinChars = wordList.reduce((n, w) => n + w.length, 0);
  const weight = cjk * 3 + latinChars;
  const sentences = count(TERMINAL_G, text);
  const commas = count(COMMAS_G, text);
  let stopRatio = 0;
  if (cjk >= latinChars / 3 && cjk > 0) {
    let f = 0;
    for (const ch of text) if (rules.functionChars.has(ch)) f++;
    stopRatio = f / cjk;
  } else if (words > 0) {
    let s = 0;
    for (const w of wordList) if (rules.stopwords.has(w)) s++;
    stopRatio = s / words;
  }
  const capitalised = (text.match(/(?:^|\s)[\p{Lu}]/gu) ?? []).length;
  const capRatio = words > 0 ? Math.min(1, capitalised / words) : 0;
  const endsSentence = ENDS_SENTENCE.test(text);
  const truncated = TRUNCATED.test(text);
  const digitRatio = chars > 0 ? count(DIGIT_G, text) / chars : 0;
  return {
    chars,
    cjk,
    words,
    weight,
    endsSentence,
    sentences,
    commas,
    truncated,
    stopRatio,
    digitRatio,
    titleLike: !endsSentence && weight >= 6 && weight <= 240 && digitRatio < 0.5 && (CJK_RUN.test(text) || words >= 2),
    capRatio,
    hasUrl: URL.test(text),
  };
}
