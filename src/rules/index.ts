import type { LineRule, RulePack } from '../core/types.js';
import { common } from './common.js';
export { partialPack } from './partial.js';
import { en } from './en.js';
import { zh } from './zh.js';
import { prefilters } from './prefilters.js';

export const packs: readonly RulePack[] = [common, zh, en];

/** A pack that breaks one of the invariants below; the message names the rule. */
export class RuleError extends Error {
  override readonly name = 'RuleError';
}

function rulesOf(pack: RulePack): { list: string; rule: LineRule }[] {
  const lists = ['boilerplate', 'trendingHeaders', 'endMarkers', 'stamps', 'categories', 'captionCues', 'datelines', 'bylines', 'dates', 'editors'] as const;
  return lists.flatMap((list) => pack[list].map((rule) => ({ list, rule })));
}

/**
 * Checks what the matcher relies on: unique ids, no empty exact string, no stateful (g/y) regex and
 * no pattern that matches the empty string (it would fire on every block).
 */
export function validatePack(pack: RulePack): RulePack {
  const seen = new Set<string>();
  for (const { list, rule } of rulesOf(pack)) {
    const where = `rule pack '${pack.id}', ${list} rule '${rule.id}'`;
    if (!/^[a-z0-9-]+\/[a-z0-9-]+$/u.test(rule.id)) throw new RuleError(`${where}: id must look like 'pack/short-name'`);
    if (seen.has(rule.id)) throw new RuleError(`${where}: duplicate id`);
    seen.add(rule.id);
    if (!rule.exact && !rule.pattern) throw new RuleError(`${where}: needs 'exact' or 'pattern'`);
    if (rule.exact?.some((s) => s.trim() === '')) throw new RuleError(`${where}: empty exact string`);
    if (rule.pattern) {
      if (/[gy]/u.test(rule.pattern.flags)) throw new RuleError(`${where}: the g and y flags keep state between calls`);
      if (rule.pattern.test('')) throw new RuleError(`${where}: pattern matches the empty string`);
    }
  }
  return pack;
}

/** Merges packs into one: dumps mix languages (an English menu on a Chinese page), so all apply. */
export function mergePacks(list: readonly RulePack[], id = list.map((p) => p.id).join('+')): RulePack {
  const merged = combine(list, id);
  // Each pack was validated on its own (the built-in ones by the tests, a config pack when it
  // loads); what merging can break is only the uniqueness of ids across packs.
  const seen = new Set<string>();
  for (const { list: name, rule } of rulesOf(merged)) {
    if (seen.has(rule.id)) throw new RuleError(`rule pack '${id}', ${name} rule '${rule.id}': duplicate id`);
    seen.add(rule.id);
  }
  return merged;
}

function combine(list: readonly RulePack[], id: string): RulePack {
  return {
    id,
    boilerplate: list.flatMap((p) => p.boilerplate),
    trendingHeaders: list.flatMap((p) => p.trendingHeaders),
    endMarkers: list.flatMap((p) => p.endMarkers),
    stamps: list.flatMap((p) => p.stamps),
    categories: list.flatMap((p) => p.categories),
    captionCues: list.flatMap((p) => p.captionCues),
    datelines: list.flatMap((p) => p.datelines),
    bylines: list.flatMap((p) => p.bylines),
    dates: list.flatMap((p) => p.dates),
    editors: list.flatMap((p) => p.editors),
    stopwords: [...new Set(list.flatMap((p) => p.stopwords))],
    functionChars: [...new Set(list.map((p) => p.functionChars).join(''))].join(''),
  };
}

/**
 * The built-in rules: every language pack. test/rules checks each with validatePack; doing it at
 * every start cost about 25 ms of a single-page run (each pattern compiled against '').
 */
export const defaultRules: RulePack = { ...combine(packs, 'default'), prefilters };
