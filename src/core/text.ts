// Character-level helpers shared by the stages. Pure, no state.

const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/gu;
const SPACES = /[\s\u3000\u00a0]+/gu;
const HAN_KANA_HANGUL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const HAN_KANA_HANGUL_G = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
// East Asian wide and fullwidth ranges, enough to reproduce a text browser's column count.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Text as the output shows it: NFC, zero-width characters removed, spaces collapsed, trimmed. */
export function displayForm(s: string): string {
  return s.normalize('NFC').replace(ZERO_WIDTH, '').replace(SPACES, ' ').trim();
}

/** Text as rules match it: NFKC (full-width to half-width), lower case, no zero-width characters. */
export function matchForm(s: string): string {
  return s.normalize('NFKC').replace(ZERO_WIDTH, '').replace(SPACES, ' ').trim().toLowerCase();
}

export function isCjkChar(ch: string): boolean {
  return HAN_KANA_HANGUL.test(ch);
}

export function countCjk(s: string): number {
  return s.match(HAN_KANA_HANGUL_G)?.length ?? 0;
}

/** Columns a text browser gives the string: wide characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Whether joining two wrapped fragments wants a space: none between CJK characters. */
export function joinWrapped(left: string, right: string): string {
  const a = [...left].at(-1) ?? '';
  const b = [...right][0] ?? '';
  if (a === '' || b === '') return left + right;
  if (isCjkChar(a) || isCjkChar(b) || WIDE.test(a) || WIDE.test(b)) return left + right;
  // lynx/w3m break after a hyphen in compounds ("well-\nknown"): keep the hyphen, no space.
  if (a === '-' && /\p{L}/u.test(b) && /\p{L}-$/u.test(left)) return left + right;
  return `${left} ${right}`;
}
