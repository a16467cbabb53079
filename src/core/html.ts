// Spotting a saved web page given where a text dump was expected. Pure: string in, boolean out.

/** How much of the start of the text is looked at: a page's doctype and head come first. */
const SAMPLE_CHARS = 4096;
const DOCUMENT_TAG = /^\s*<!doctype\s+html\b|<(?:html|head|body)(?:\s[^<>]*)?>/iu;
const TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/giu;
/** Tags that make up this share of the sample's characters mark markup, not prose quoting a `<div>`. */
const TAG_SHARE = 0.2;
const MIN_TAGS = 10;

/**
 * Whether the text is HTML rather than a text dump: an HTML doctype, an <html>, <head> or <body>
 * tag, or a high density of tags, in the first few KB. A dump that mentions a tag in passing is not.
 */
export function looksLikeHtml(text: string): boolean {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (DOCUMENT_TAG.test(sample)) return true;
  let tags = 0;
  let tagChars = 0;
  for (const m of sample.matchAll(TAG)) {
    tags++;
    tagChars += m[0].length;
  }
  return tags >= MIN_TAGS && tagChars >= sample.trim().length * TAG_SHARE;
}

export const HTML_WARNING = 'input looks like HTML, not a text dump: convert it first (e.g. lynx -dump, w3m -dump, html-to-text)';
