import type { Block } from './types.js';
import { codePointLength, COLLAPSES, displayForm, displayWidth, FORM_BITS, formsOf, joinForms, joinWrapped, matchForm, NFKC_FORM, OTHER_FORMS, SELF_FORMS, unitFacts, WIDE_BIT } from './text.js';

export interface RawLine {
  readonly no: number;
  readonly indent: number;
  readonly content: string;
  readonly bullet: boolean;
  /** Width in code points and in terminal columns; converters disagree on which they wrap by. */
  readonly chars: number;
  readonly cols: number;
  /** What the text forms do to the content: SELF_FORMS, NFKC_FORM or OTHER_FORMS, with COLLAPSES (see text.ts). */
  readonly form: number;
}

// lynx draws `*`/`+`/`o`/`#` bullets, w3m `•`, html-to-text `*` or `-`. Only the drawn marks are
// dropped from the text; a "-" or "1." may belong to the writer.
const BULLET = /^(?:[*•·▪◦+o#-]|\d{1,3}[.)])\s+(?=\S)/u;
const DRAWN_BULLET = /^[*•·▪◦+o#]\s+(?=\S)/u;

/** Wrap width guess: the width most full lines end near, or null when the dump is not wrapped. */
export interface WrapGuess {
  readonly metric: 'chars' | 'cols';
  readonly width: number;
}

/**
 * What a line loses at either end: white space (JavaScript's \s, which holds U+3000) and the
 * zero-width characters, by code unit, as /[\s\u3000\u200b-\u200f\u2060-\u2064\ufeff]/u tests
 * them; none is a surrogate, so a loop over code units sees what the regex sees.
 */
function isTrimmed(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200f) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || (c >= 0x2060 && c <= 0x2064) || c === 0x3000 || c === 0xfeff
  );
}

/** Where a line's content starts and ends once isTrimmed units are cut from both ends. */
function contentBounds(line: string): [start: number, end: number] {
  let end = line.length;
  while (end > 0 && isTrimmed(line.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < end && isTrimmed(line.charCodeAt(start))) start++;
  return [start, end];
}

/**
 * The form (see SELF_FORMS) of text[start, end), a line's content, which holds no white space at
 * either end; and into `widths` the code points and the columns of text[from, end), the line up to
 * its content's end, as codePointLength and displayWidth count them. One pass over the line: ASCII
 * is its own NFC and NFKC, one column a unit, and only a tab, a line break or a run of spaces
 * collapses; other units ask unitFacts.
 */
function scanLine(text: string, from: number, start: number, end: number, widths: Int32Array): number {
  let form = SELF_FORMS;
  let pairs = 0;
  let wide = 0;
  // The indent is white space and zero-width characters (isTrimmed): no surrogates among them.
  for (let k = from; k < start; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x80 && (unitFacts(c) & WIDE_BIT) !== 0) wide++;
  }
  let prevSpace = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x20) {
      if (prevSpace) form |= COLLAPSES;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c < 0x80) {
      if (c >= 0x09 && c <= 0x0d) form |= COLLAPSES;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < end) {
      const d = text.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++;
        k++;
        form |= OTHER_FORMS;
        continue;
      }
    }
    const facts = unitFacts(c);
    if ((facts & WIDE_BIT) !== 0) wide++;
    if ((facts & FORM_BITS) > (form & FORM_BITS)) form = (form & ~FORM_BITS) | (facts & FORM_BITS);
    form |= facts & COLLAPSES;
  }
  widths[0] = end - from - pairs;
  widths[1] = end - from - pairs + wide;
  return form;
}

/** Whether a line may start with BULLET (its first unit is a mark or a digit); BULLET decides. */
function mayBeBullet(c: number): boolean {
  // * • · ▪ ◦ + o # - and digits
  return c === 0x2a || c === 0x2022 || c === 0xb7 || c === 0x25aa || c === 0x25e6 || c === 0x2b || c === 0x6f || c === 0x23 || c === 0x2d || (c >= 0x30 && c <= 0x39);
}

/** Whether a line may start with DRAWN_BULLET (its first unit is a drawn mark); DRAWN_BULLET decides. */
function mayBeDrawnBullet(c: number): boolean {
  // * • · ▪ ◦ + o #
  return c === 0x2a || c === 0x2022 || c === 0xb7 || c === 0x25aa || c === 0x25e6 || c === 0x2b || c === 0x6f || c === 0x23;
}

/**
 * The lines of the text as `text.split(/\r\n|\r|\n/u)` cuts them, each read where it stands in the
 * text: its bounds are found by index and only its content is cut out.
 */
export function toRawLines(text: string): RawLine[] {
  const out: RawLine[] = [];
  const n = text.length;
  const widths = new Int32Array(2);
  // The next line feed and carriage return at or after the line start (n for none).
  let lf = -1;
  let cr = -1;
  for (let from = 0, no = 1; ; no++) {
    if (lf < from) lf = text.indexOf('\n', from) >>> 0;
    if (cr < from) cr = text.indexOf('\r', from) >>> 0;
    const stop = Math.min(lf, cr, n);
    // Zero-width characters alone do not make a line: a line of them is blank (zero-width-blank-line).
    let end = stop;
    while (end > from && isTrimmed(text.charCodeAt(end - 1))) end--;
    let start = from;
    while (start < end && isTrimmed(text.charCodeAt(start))) start++;
    const form = scanLine(text, from, start, end, widths);
    const content = text.slice(start, end);
    out.push({
      no,
      indent: start - from,
      content,
      bullet: mayBeBullet(content.charCodeAt(0)) && BULLET.test(content),
      chars: widths[0]!,
      cols: widths[1]!,
      form,
    });
    if (stop >= n) return out;
    from = stop === cr && lf === cr + 1 ? stop + 2 : stop + 1;
  }
}

/**
 * Guesses the column a text browser wrapped at. A wrapped dump has a crowd of lines that end just
 * short of one width and almost none beyond it; an unwrapped dump's long lines spread out.
 */
export function guessWrap(lines: readonly RawLine[]): WrapGuess | null {
  let nonBlank = 0;
  let hasWide = false;
  for (const l of lines) {
    if (l.content === '') continue;
    nonBlank++;
    if (l.cols !== l.chars) hasWide = true;
  }
  if (nonBlank < 6) return null;
  let best = bestWrap(lines, 'chars', nonBlank, null);
  // With every line as wide in columns as in code points, columns would score every width as
  // code points did, and a score equal to the best at no greater width displaces nothing.
  if (hasWide) best = bestWrap(lines, 'cols', nonBlank, best);
  return best ? { metric: best.metric, width: best.width } : null;
}

type ScoredWrap = WrapGuess & { score: number };

/** The best wrap by one metric, if it beats `best`: the candidates are scored in order of width. */
function bestWrap(lines: readonly RawLine[], metric: 'chars' | 'cols', nonBlank: number, best: ScoredWrap | null): ScoredWrap | null {
  // Per line, its width by the metric; -1 for a blank line.
  const widths = new Int32Array(lines.length);
  // Text browsers wrap at 72 to 132 columns; wider "wraps" are paragraphs that happen to align.
  let widest = 0;
  lines.forEach((l, i) => {
    const w = l.content === '' ? -1 : metric === 'chars' ? l.chars : l.cols;
    widths[i] = w;
    if (w > widest) widest = w;
  });
  const maxW = Math.min(132, widest);
  // Per width: lines of that width, and those of them the next line continues. A wrapped line
  // goes on in the next line; a line that merely reaches the width in an unwrapped dump
  // (html2text puts a blank line after each block) does not (short-unwrapped-lines-joined).
  const all = new Int32Array(maxW + 2);
  const cont = new Int32Array(maxW + 2);
  for (let i = 0; i < lines.length; i++) {
    const w = widths[i]!;
    if (w < 0 || w > maxW) continue;
    all[w + 1]!++;
    const next = lines[i + 1];
    if (next && next.content !== '' && !next.bullet) cont[w + 1]!++;
  }
  for (let w = 1; w <= maxW + 1; w++) {
    all[w] = all[w]! + all[w - 1]!;
    cont[w] = cont[w]! + cont[w - 1]!;
  }
  const upTo = (sums: Int32Array, w: number): number => sums[Math.max(0, Math.min(w, maxW) + 1)]!;
  for (let w = 40; w <= maxW; w++) {
    // CJK wraps end within a column or two of the width, Latin ones spread by a word's length:
    // a narrow window ranks the true width first, a wide one keeps Latin dumps in the running.
    const near = upTo(all, w) - upTo(all, w - 3);
    const crowd = upTo(all, w) - upTo(all, w - 12);
    const continued = upTo(cont, w) - upTo(cont, w - 12);
    const beyond = nonBlank - upTo(all, w);
    // Long unbreakable tokens (URLs) may pass the width; real paragraphs may not.
    if (beyond > Math.max(2, nonBlank * 0.03)) continue;
    // A wrap leaves a crowd just under the width, clearly above the band just below it, and
    // menus of short lines say nothing: the crowd is judged against the long lines only.
    const below = upTo(all, w - 12) - upTo(all, w - 24);
    const long = nonBlank - upTo(all, 39);
    if (crowd < 4 || (crowd < long * 0.25 && (crowd < 6 || crowd < below * 2))) continue;
    if (continued < 3 || continued * 2 < crowd) continue;
    const score = near + crowd / 4;
    if (!best || score > best.score || (score === best.score && w > best.width)) best = { metric, width: w, score };
  }
  return best;
}

const FIRST_TOKEN = /^[\p{L}\p{N}'’"“(（-]*[^\s]?/u;

function firstTokenWidth(line: RawLine, metric: 'chars' | 'cols'): number {
  const first = FIRST_TOKEN.exec(line.content)?.[0] ?? '';
  return metric === 'chars' ? codePointLength(first) : displayWidth(first);
}

/** Whether `next` continues `line` after a soft wrap at `wrap`. */
function continues(line: RawLine, next: RawLine, wrap: WrapGuess): boolean {
  if (line.content === '' || next.content === '' || next.bullet) return false;
  const contentIndent = line.bullet ? line.indent + (BULLET.exec(line.content)?.[0].length ?? 0) : line.indent;
  // A line filled to the wrap width is a wrapped line whatever follows: w3m pushes the last line of a
  // justified or centred paragraph far to the right (cwce w3m dumps).
  if (line[wrap.metric] >= wrap.width - 2) return true;
  if (next.indent < line.indent || next.indent > contentIndent + 1) return false;
  // Wrapped because the next word would not fit; browsers also keep CJK punctuation off the next
  // line's start, so allow a few columns of slack.
  return line[wrap.metric] + 1 + firstTokenWidth(next, wrap.metric) > wrap.width - 3;
}

/**
 * Splits a dump into blocks: one per line, except that soft-wrapped lines of a text-browser dump are
 * joined back into their paragraph. Blank lines never enter a block; they set `gapBefore`.
 */
export function segment(text: string): Block[] {
  const lines = toRawLines(text);
  const wrap = guessWrap(lines);
  const blocks: Block[] = [];
  let gap = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.content === '') {
      gap = true;
      continue;
    }
    let joined = mayBeDrawnBullet(line.content.charCodeAt(0)) ? line.content.replace(DRAWN_BULLET, '') : line.content;
    let last = i;
    // Lines joined with one space or none: no unit of either joins the other's, no spaces pile up.
    let form = line.form;
    while (wrap && last + 1 < lines.length && continues(lines[last]!, lines[last + 1]!, wrap)) {
      last++;
      joined = joinWrapped(joined, lines[last]!.content);
      form = joinForms(form, lines[last]!.form);
    }
    const [shown, norm] = formsOf(joined, form);
    if (shown !== '') {
      blocks.push({
        id: blocks.length,
        lines: [line.no, lines[last]!.no],
        text: shown,
        norm,
        gapBefore: gap,
        bullet: line.bullet,
      });
    }
    gap = false;
    i = last;
  }
  return blocks;
}

const LINE_BREAK = /[\r\n]/u;

/**
 * What `segment(paragraphs.map((p) => p.text).join('\n\n'))` returns, without reading the text
 * again: settle() re-reads the kept blocks this way every round. With a blank line between every
 * two paragraphs no wrap can join them and every block follows a gap, so each paragraph is one
 * line on its own. A paragraph's `norm` must be matchForm of its `text`, as segment makes it; it
 * is reused when the text comes back unchanged, which is nearly always.
 */
export function segmentParagraphs(paragraphs: readonly Pick<Block, 'text' | 'norm'>[]): Block[] {
  if (paragraphs.some((p) => LINE_BREAK.test(p.text))) return segment(paragraphs.map((p) => p.text).join('\n\n'));
  const blocks: Block[] = [];
  const widths = new Int32Array(2);
  paragraphs.forEach((p, k) => {
    const [start, end] = contentBounds(p.text);
    if (start === end) return;
    const content = start === 0 && end === p.text.length ? p.text : p.text.slice(start, end);
    const form = scanLine(p.text, start, start, end, widths);
    const unmarked = mayBeDrawnBullet(content.charCodeAt(0)) ? content.replace(DRAWN_BULLET, '') : content;
    // A text of SELF_FORMS or NFKC_FORM is its own display form, and so is what is left of it.
    const isShown = form === SELF_FORMS || form === NFKC_FORM;
    const shown = isShown ? unmarked : displayForm(unmarked);
    if (shown === '') return;
    const no = 2 * k + 1;
    blocks.push({
      id: blocks.length,
      lines: [no, no],
      text: shown,
      norm: shown === p.text ? p.norm : isShown ? formsOf(shown, form)[1] : matchForm(shown),
      gapBefore: true,
      bullet: mayBeBullet(content.charCodeAt(0)) && BULLET.test(content),
    });
  });
  return blocks;
}
