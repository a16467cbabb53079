// schema/deboil-1.schema.json is the published contract of the JSON output (issue 2). Every output we
// pin (the sample, each golden case and its committed expected.json) must satisfy it, and the schema
// must be tight enough to refuse what the output must never look like.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { caseNames, casePath, cleanCase } from './golden-cases.js';
import { ZH_BODY } from './helpers.js';

const schema = JSON.parse(readFileSync(new URL('../schema/deboil-1.schema.json', import.meta.url), 'utf8')) as {
  required: string[];
  properties: Record<string, unknown>;
  $defs: { reason: { enum: string[] } };
};

/** The members of the Reason union in src/core/types.ts: a type has no run-time list to compare with. */
function reasonsInTypes(): string[] {
  const source = readFileSync(new URL('../src/core/types.ts', import.meta.url), 'utf8');
  const union = /export type Reason =([^;]+);/u.exec(source)?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/gu)].map((m) => m[1]!);
}
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);

function errorsOf(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

const sample = JSON.parse(JSON.stringify(cleanCase('seed-sample'))) as Record<string, unknown>;

describe('schema/deboil-1.schema.json', () => {
  it('is a valid draft 2020-12 schema in Ajv strict mode', () => {
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it('names exactly the fields the output has, all required', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(sample).sort());
    expect([...schema.required].sort()).toEqual(Object.keys(sample).sort());
  });

  it('lists the same removal reasons as the Reason type of src/core/types.ts', () => {
    expect(reasonsInTypes().length).toBeGreaterThan(5);
    expect([...schema.$defs.reason.enum].sort()).toEqual(reasonsInTypes().sort());
  });

  it.each(caseNames())('accepts the output for fixtures/%s', (name) => {
    expect(errorsOf(JSON.parse(JSON.stringify(cleanCase(name))))).toEqual([]);
  });

  it.each(caseNames())('accepts the committed fixtures/%s/expected.json', (name) => {
    expect(errorsOf(JSON.parse(readFileSync(casePath(name, 'expected.json'), 'utf8')))).toEqual([]);
  });

  it('accepts what clean() returns for any string', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom(...ZH_BODY, '阅读全文', '(平壤19日讯)', '')), { maxLength: 30 }), (lines) => {
        expect(errorsOf(JSON.parse(JSON.stringify(clean(lines.join('\n')))))).toEqual([]);
      }),
      { numRuns: 200, seed: 20_240_519 },
    );
  });

  const broken: [string, (r: Record<string, any>) => void][] = [
    ['another schema version', (r) => (r['schema'] = 'deboil/2')],
    ['a missing text', (r) => delete r['text']],
    ['a field the contract does not name', (r) => (r['html'] = '<p>')],
    ['a caption among the blocks', (r) => (r['blocks'][0].kind = 'caption')],
    ['a block with a line 0', (r) => (r['blocks'][0].lines = [0, 1])],
    ['a block with three line numbers', (r) => (r['blocks'][0].lines = [1, 2, 3])],
    ['a dateline day 45', (r) => (r['dateline'].day = 45)],
    ['an empty title', (r) => (r['title'] = '')],
    ['a removal reason deboil does not have', (r) => (r['stats'].removed.ads = 1)],
    ['a text with a leading blank line', (r) => (r['text'] = `\n${String(r['text'])}`)],
    ['a confidence over 1', (r) => (r['source'].confidence = 1.5)],
  ];
  it.each(broken)('refuses %s', (_what, breakIt) => {
    const r = structuredClone(sample);
    breakIt(r);
    expect(errorsOf(r)).not.toEqual([]);
  });
});
