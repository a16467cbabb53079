// Reading the golden cases under fixtures/, shared by the golden and schema tests.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createContext, extract } from '../src/core/pipeline.js';
import type { Mode } from '../src/core/types.js';
import { toRecord, type ArticleRecord } from '../src/formats/record.js';
import { decodeBytes } from '../src/io/decode.js';
import { defaultRules } from '../src/rules/index.js';
import { languageProfiles } from '../src/rules/langs.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** What case.json may say about a case. */
export interface CaseFile {
  /** The phenomenon the case shows, in a sentence or two. */
  readonly shows: string;
  /** Provenance of a corpus page: id, dataset, repo, commit, path, licence, converter, encoding. */
  readonly source?: { readonly id: string; readonly licence: string; readonly [key: string]: unknown };
  /** Snippets the text must contain, and snippets it must not. */
  readonly keep: readonly string[];
  readonly drop: readonly string[];
  /** The image captions, in order, when the case is about them. */
  readonly captions?: readonly string[];
  /** What the tool gets wrong today: run as expected failures. */
  readonly gaps?: { readonly keep?: readonly string[]; readonly drop?: readonly string[]; readonly captions?: readonly string[] };
  readonly mode?: Mode;
}

/** Every folder under fixtures/ with an input.txt, sorted. */
export function caseNames(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/input.txt`, FIXTURES)))
    .map((d) => d.name)
    .sort();
}

export function casePath(name: string, file: string): string {
  return fileURLToPath(new URL(`${name}/${file}`, FIXTURES));
}

export function readCaseJson(name: string): CaseFile {
  const path = casePath(name, 'case.json');
  const raw = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Partial<CaseFile>) : {};
  return { shows: '', keep: [], drop: [], ...raw };
}

/** The JSON record the CLI prints for the case's input bytes, with a path that does not depend on the machine. */
export function cleanCase(name: string): ArticleRecord {
  const bytes = readFileSync(casePath(name, 'input.txt'));
  const decoded = decodeBytes(bytes);
  const ctx = createContext(defaultRules, languageProfiles, readCaseJson(name).mode);
  return toRecord(extract(decoded.text, ctx), {
    path: `fixtures/${name}/input.txt`,
    encoding: decoded.encoding,
    confidence: Math.round(decoded.confidence * 1000) / 1000,
    bytes: bytes.length,
    replacements: decoded.replacements,
  });
}
