import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

// RE2 is loaded on the first config pattern: most runs have none, and its import cost every start
// ~10 ms. Its CommonJS build, so that compiling a pattern stays synchronous.
const require = createRequire(import.meta.url);
let re2js: typeof import('re2js') | undefined;

/**
 * A config pattern that runs on RE2 (re2js), which matches in time linear in the line whatever
 * the pattern: no static check catches every catastrophic regex ('((a)+)+$', 'a*a*a*a*b' and
 * '(a|aa)+$' pass the nested-quantifier test; the last two hang V8 for minutes on a 2,000-character
 * probe). It stays a RegExp, so the core and the rule validation use it unchanged; exec and test,
 * and with them match and replace, go to RE2.
 */
class LinearRegExp extends RegExp {
  readonly #re2: RE2JS;

  constructor(source: string, re2: RE2JS) {
    super(source, 'u');
    this.#re2 = re2;
  }

  override exec(s: string): RegExpExecArray | null {
    return this.#re2.exec(s) as RegExpExecArray | null;
  }

  override test(s: string): boolean {
    return this.#re2.test(s);
  }
}

/** The JavaScript spellings RE2 writes differently: \uXXXX, \u{X}, \p{Script=Han}. */
function toRe2Syntax(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '\\') {
      out += source[i];
      continue;
    }
    const rest = source.slice(i);
    const braced = /^\\u\{([0-9a-fA-F]{1,6})\}/u.exec(rest);
    const four = /^\\u([0-9a-fA-F]{4})/u.exec(rest);
    const script = /^\\([pP])\{(?:Script|sc|Script_Extensions|scx)=([A-Za-z_]+)\}/u.exec(rest);
    const m = braced ?? four ?? script;
    if (m) {
      out += script ? `\\${script[1]}{${script[2]}}` : `\\x{${m[1]}}`;
      i += m[0].length - 1;
    } else {
      out += source.slice(i, i + 2);
      i++;
    }
  }
  return out;
}

/** What RE2 could not compile, said for a config author. */
export class LinearSyntaxError extends Error {
  override readonly name = 'LinearSyntaxError';
}

/**
 * Compiles a pattern that is valid JavaScript (with the u flag) for RE2. Lookarounds and
 * backreferences have no linear-time match and are refused with LinearSyntaxError.
 */
export function linearRegExp(source: string): RegExp {
  re2js ??= require('re2js') as typeof import('re2js');
  let re2: RE2JS;
  try {
    re2 = re2js.RE2JS.compile(toRe2Syntax(source));
  } catch (e) {
    const reason = (e as Error).message.replace(/^error parsing regexp:\s*/u, '');
    throw new LinearSyntaxError(`${reason} (config patterns run on RE2, in linear time: lookarounds and backreferences are not available)`);
  }
  return new LinearRegExp(source, re2);
}
