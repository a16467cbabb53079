import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// STYLE.md §1: src/core is pure. No node:* module, no process, no clock, no randomness, no timers,
// and nothing imported from outside the folder. Comments are dropped first (with the TypeScript
// scanner), so a comment that explains why Date.now is not used does not trip the check.
const CORE = new URL('../../src/core/', import.meta.url);

const FORBIDDEN: readonly [RegExp, string][] = [
  [/\bnode:/u, 'a node: module'],
  [/\bprocess\s*\./u, 'process'],
  [/\bDate\s*\.\s*now\b/u, 'the clock (Date.now)'],
  [/\bnew\s+Date\s*\(\s*\)/u, 'the clock (new Date())'],
  [/\bperformance\s*\.\s*now\b/u, 'the clock (performance.now)'],
  [/\bMath\s*\.\s*random\b/u, 'randomness (Math.random)'],
  [/\bcrypto\s*\./u, 'randomness (crypto)'],
  [/\bset(?:Timeout|Interval|Immediate)\b/u, 'a timer'],
  [/\brequire\s*\(/u, 'require()'],
  [/\bBuffer\b/u, 'Buffer (Node only)'],
  [/\bconsole\s*\./u, 'console output'],
];

/** Source without comments; strings and code stay as they are. */
function stripComments(source: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, source);
  let out = '';
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) continue;
    out += scanner.getTokenText();
  }
  return out;
}

/** Every reason a source file breaks the purity rule, as "<what>: <line>". */
function impurities(source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  for (const line of code.split('\n')) {
    for (const [re, what] of FORBIDDEN) if (re.test(line)) found.push(`${what}: ${line.trim()}`);
    for (const m of line.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/gu)) {
      if (!m[1]!.startsWith('./')) found.push(`an import from outside src/core: ${line.trim()}`);
    }
  }
  return found;
}

const files = readdirSync(CORE).filter((f) => f.endsWith('.ts'));

describe('src/core is pure', () => {
  it('has source files to check', () => {
    expect(files).toContain('pipeline.ts');
  });

  it.each(files)('%s uses no I/O, process, clock, randomness or timers, and imports only from src/core', (file) => {
    expect(impurities(readFileSync(fileURLToPath(new URL(file, CORE)), 'utf8'))).toEqual([]);
  });
});

describe('the purity check itself', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", 'a node: module'],
    ['const n = process.env.X;', 'process'],
    ['const t = Date.now();', 'the clock (Date.now)'],
    ['const d = new Date();', 'the clock (new Date())'],
    ['const r = Math.random();', 'randomness (Math.random)'],
    ['setTimeout(() => 1, 0);', 'a timer'],
    ["import { zh } from '../rules/zh.js';", 'an import from outside src/core'],
    ["const m = await import('chalk');", 'an import from outside src/core'],
  ])('catches %s', (source, what) => {
    expect(impurities(source).join('\n')).toContain(what);
  });

  it('ignores what only a comment says', () => {
    expect(impurities("// Date.now() would make this impure\n/* process.env */ const x = './a';\nimport type { A } from './types.js';")).toEqual([]);
  });
});
