import { HTML_WARNING, looksLikeHtml } from './html.js';
import { mojibakeWarning } from './mojibake.js';

/**
 * What is wrong with a decoded input as a whole, for stderr and the record's `warnings`: no text at
 * all, a web page instead of a dump, mojibake. None of them stops the cleaning.
 */
export function inputWarnings(text: string): string[] {
  if (text === '') return ['the input is empty'];
  if (text.trim() === '') return ['the input holds only white space'];
  const warnings: string[] = [];
  if (looksLikeHtml(text)) warnings.push(HTML_WARNING);
  const mojibake = mojibakeWarning(text);
  if (mojibake) warnings.push(mojibake);
  return warnings;
}
