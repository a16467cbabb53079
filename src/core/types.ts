import type { PrefilterData } from './prefilter.js';
/** What a block turned out to be. Only `body` and `heading` reach the article text. */
export type Label = 'body' | 'heading' | 'caption' | 'dateline' | 'title' | 'boilerplate';

/** Why a block was removed; the keys of `stats.removed`. */
export type Reason =
  | 'read-more'
  | 'trending'
  | 'teaser'
  | 'nav'
  | 'ad'
  | 'decoration'
  | 'footer'
  | 'share'
  | 'comment'
  | 'category'
  | 'duplicate'
  | 'outside'
  | 'short'
  | 'site-template';

export interface Block {
  /** Input order, never renumbered. */
  readonly id: number;
  /** 1-based source lines, first and last (hard-wrapped lines are joined into one block). */
  readonly lines: readonly [first: number, last: number];
  /** NFC, trimmed, inner runs of spaces collapsed; what the output shows. */
  readonly text: string;
  /** NFKC, lower case, zero-width characters removed, spaces collapsed; used for matching only. */
  readonly norm: string;
  /** A blank line (or the start of the dump) precedes this block. */
  readonly gapBefore: boolean;
  /** The block starts with a list bullet (`*`, `•`, `-`, `·`) that the converter drew. */
  readonly bullet: boolean;
}

export interface Verdict {
  readonly label: Label;
  /** Set when label is 'boilerplate'. */
  readonly reason?: Reason;
  /** Stable id of the rule that decided: 'zh/read-more', 'ctx/short-between-body'. */
  readonly rule: string;
  readonly pass: 'classify' | 'revise' | 'dedupe';
}

export interface Features {
  /** Characters that are not white space (CJK counted one each). */
  readonly chars: number;
  /** Han, kana and Hangul characters. */
  readonly cjk: number;
  /** Latin-script (or other space-delimited) words. */
  readonly words: number;
  /** Length in a script-neutral unit: one CJK character weighs about as much as three Latin letters. */
  readonly weight: number;
  /** Ends with sentence-final punctuation (both widths), optionally followed by a closing quote or bracket. */
  readonly endsSentence: boolean;
  /** Sentence-final punctuation marks anywhere in the block. */
  readonly sentences: number;
  /** Commas and other in-sentence punctuation, both widths. */
  readonly commas: number;
  /** Ends with an ellipsis ("..." "…" "……"), as a teaser lead cut short. */
  readonly truncated: boolean;
  /** Share of words that are function words (Latin) or share of function characters (CJK). */
  readonly stopRatio: number;
  /** Share of characters that are digits. */
  readonly digitRatio: number;
  /** Looks like a headline: short, no final punctuation, not all digits. */
  readonly titleLike: boolean;
  /** Share of Latin words that start with a capital letter. */
  readonly capRatio: number;
  /** Contains a URL or an e-mail address. */
  readonly hasUrl: boolean;
}

export interface Labeled extends Block {
  readonly features: Features;
  readonly verdict: Verdict;
}

export interface Dateline {
  readonly raw: string;
  readonly place: string | null;
  readonly day: number | null;
  readonly agency: string | null;
}

export interface ArticleDate {
  /** ISO 8601: date, or date and time without a zone (the page rarely states one). */
  readonly iso: string;
  /** The text it was read from. */
  readonly raw: string;
}

export interface Image {
  readonly caption: string;
  readonly credit: string | null;
  readonly lines: readonly [number, number];
}

export interface Article {
  readonly title: string | null;
  readonly dateline: Dateline | null;
  readonly byline: string | null;
  readonly editor: string | null;
  readonly date: ArticleDate | null;
  readonly lang: string;
  /** All blocks in input order, each with its verdict; formats choose what to show. */
  readonly blocks: readonly Labeled[];
  readonly images: readonly Image[];
  readonly warnings: readonly string[];
  /** Lines in the input, blank ones included. */
  readonly lineCount: number;
}

/** Where the text came from; filled in by the I/O edge. */
export interface Source {
  readonly path: string | null;
  readonly encoding: string;
  readonly confidence: number;
  readonly bytes: number;
  /** U+FFFD characters the decoder had to put in. */
  readonly replacements: number;
}

/** A rule that matches a whole block, by exact normalised text or by a pattern. */
export interface LineRule {
  readonly id: string;
  readonly exact?: readonly string[];
  readonly pattern?: RegExp;
}

export interface RulePack {
  readonly id: string;
  /** Lines that are pure boilerplate wherever they stand, with the reason recorded. */
  readonly boilerplate: readonly (LineRule & { readonly reason: Reason })[];
  /** Headers that open a list of other stories ("热门新闻", "Most read"). */
  readonly trendingHeaders: readonly LineRule[];
  /** Headers after which the article is over (comments, footer). A `soft` one ends it only when
   * post headers (stamps) follow it closely. */
  readonly endMarkers: readonly (LineRule & { readonly reason: Reason; readonly soft?: boolean })[];
  /** Comment and forum post headers: a name with a date and time, "… says:", "3楼". Matched on the
   * match form of short lines only; a run of them after the article marks a comment thread. */
  readonly stamps: readonly LineRule[];
  /** Section labels that teaser lists print under a headline ("国际", "World"). */
  readonly categories: readonly LineRule[];
  /** Caption credits, matched against the display text; the first capture group is the credit. */
  readonly captionCues: readonly LineRule[];
  /** Datelines at the start of a body paragraph, on the display text; named groups place, day, agency. */
  readonly datelines: readonly LineRule[];
  /** Bylines ("记者 …", "By …") on the display text; first capture group is the name. */
  readonly bylines: readonly LineRule[];
  /** Dates; named groups y, m (or mon, a month name), d and optionally H, M, S, ampm. */
  readonly dates: readonly LineRule[];
  /** Editor lines ("责任编辑：…"); first capture group is the name. */
  readonly editors: readonly LineRule[];
  /** Function words (lower case) for the stopword ratio of space-delimited text. */
  readonly stopwords: readonly string[];
  /** Function characters for the density of CJK text. */
  readonly functionChars: string;
  /**
   * Prefilters made ahead from this pack's pattern lists (src/rules/prefilters.ts), each with the
   * key of what it was made from; a list whose key differs (a changed or merged pack) builds its own.
   */
  readonly prefilters?: readonly PrefilterSnapshot[];
}

export interface PrefilterSnapshot {
  readonly key: string;
  readonly data: PrefilterData;
}

/** Thresholds, one documented set per mode. */
export interface Thresholds {
  /** Weight a block needs to count as body on its own. */
  readonly minBodyWeight: number;
  /** Weight under which a block between body blocks may stand as a subheading. */
  readonly maxHeadingWeight: number;
  /** Minimum stopword ratio for Latin prose. */
  readonly minStopRatio: number;
  /** Weight of a block outside the main region that still counts as body. */
  readonly outsideBodyWeight: number;
}

/** What tells one language from another: its script, and function words or telltale characters. */
export interface LanguageProfile {
  readonly code: string;
  readonly script: 'han' | 'kana' | 'hangul' | 'latin' | 'cyrillic';
  readonly stopwords?: readonly string[];
  readonly chars?: string;
}

export type Mode = 'precision' | 'balanced' | 'recall';
