import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partReporters, reporterNames, reporters, type ReporterName } from '../../src/formats/check-reporters.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Finding } from '../../src/core/findings.js';
import { summaryLine, toCheckReport, type FileResult } from '../../src/formats/check-report.js';
import { escapeGithubData, escapeGithubProperty, toCheckGithub } from '../../src/formats/check-github.js';
import { toCheckJunit } from '../../src/formats/check-junit.js';
import { toCheckJson } from '../../src/formats/check-json.js';
import { toCheckText } from '../../src/formats/check-text.js';

const readMore: Finding = { id: 'boilerplate-line', lines: [3, 3], rule: 'zh/read-more', reason: 'read-more', message: 'deboil would remove this line (read-more)', text: '阅读全文' };
const empty: Finding = { id: 'too-short', lines: null, rule: null, reason: null, message: 'empty article', text: null };

function file(path: string, findings: Finding[], error: string | null = null): FileResult {
  return { path, format: error ? null : 'text', encoding: error ? null : 'utf-8', findings, error };
}

const report = toCheckReport([
  file('a/dirty.txt', [readMore, empty]),
  file('a/clean.txt', []),
  file('a/missing.txt', [], 'no such file'),
]);

describe('summary', () => {
  it('counts files, findings, errors and each id', () => {
    expect(report.summary).toMatchObject({ files: 3, filesWithFindings: 1, findings: 2, errors: 1 });
    expect(report.summary.byId['boilerplate-line']).toBe(1);
    expect(report.summary.byId['mojibake']).toBe(0);
  });

  it('says it in one line', () => {
    expect(summaryLine(report.summary)).toBe('check: 2 findings in 1 of 3 files, 1 input error');
    expect(summaryLine(toCheckReport([file('x', [])]).summary)).toBe('check: no findings in 1 file');
  });
});

describe('github reporter', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeGithubData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeGithubProperty('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab%3A c%2C d');
  });

  it('writes one ::error per finding at its file and line, the text on a second line', () => {
    const lines = toCheckGithub(report).trimEnd().split('\n');
    expect(lines[0]).toBe('::error file=a/dirty.txt,line=3,endLine=3,title=deboil check%3A boilerplate-line::deboil would remove this line (read-more) [zh/read-more]%0A阅读全文');
    expect(lines[1]).toBe('::error file=a/dirty.txt,title=deboil check%3A too-short::empty article');
    expect(lines[2]).toBe('::error file=a/missing.txt,title=deboil check%3A input error::no such file');
    expect(lines).toHaveLength(3);
  });

  it('escapes a path that holds a comma or a colon', () => {
    const out = toCheckGithub(toCheckReport([file('x,y:z%.txt', [readMore])]));
    expect(out).toMatch(/^::error file=x%2Cy%3Az%25\.txt,line=3,/u);
  });
});

describe('junit reporter', () => {
  const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['testcase', 'failure'].includes(n) }).parse(xml);

  it('is XML with one testsuite, one testcase per file and one failure per finding', () => {
    const xml = toCheckJunit(report);
    expect(XMLValidator.validate(xml)).toBe(true);
    const suite = parse(xml).testsuites.testsuite;
    expect(suite).toMatchObject({ tests: '3', failures: '1', errors: '1' });
    expect(suite.testcase.map((c: { name: string }) => c.name)).toEqual(['a/dirty.txt', 'a/clean.txt', 'a/missing.txt']);
    expect(suite.testcase[0].failure.map((f: { type: string }) => f.type)).toEqual(['boilerplate-line', 'too-short']);
    expect(suite.testcase[0].failure[0].message).toBe('line 3: deboil would remove this line (read-more) [zh/read-more]');
    expect(suite.testcase[1].failure).toBeUndefined();
    expect(suite.testcase[2].error.message).toBe('no such file');
  });

  it('stays valid XML whatever the text holds', () => {
    const nasty = `<&>"' \u0000\u0008\u000c\u001b \ud800 end \ufffe`;
    const xml = toCheckJunit(toCheckReport([file(`p&<"'.txt`, [{ ...readMore, message: nasty, text: nasty }])]));
    expect(XMLValidator.validate(xml)).toBe(true);
    const failure = parse(xml).testsuites.testsuite.testcase[0].failure[0];
    expect(failure.message).toContain(`<&>"'`);
    expect(failure.message).toContain('\\u001B');
  });
});

describe('json reporter', () => {
  it('is one document with the summary and every file, clean ones included', () => {
    const doc = JSON.parse(toCheckJson(report));
    expect(doc.schema).toBe('deboil-check/1');
    expect(doc.files.map((f: { path: string }) => f.path)).toEqual(['a/dirty.txt', 'a/clean.txt', 'a/missing.txt']);
    expect(doc.files[0].findings[0]).toEqual({ id: 'boilerplate-line', line: 3, endLine: 3, rule: 'zh/read-more', reason: 'read-more', message: readMore.message, text: '阅读全文' });
    expect(doc.files[0].findings[1]).toMatchObject({ id: 'too-short', line: null });
  });
});

describe('text reporter', () => {
  it('groups by file, leaves clean files out and puts the text under its finding', () => {
    expect(toCheckText(report)).toBe(
      [
        'a/dirty.txt',
        '       3  boilerplate-line  deboil would remove this line (read-more) [zh/read-more]',
        '                            阅读全文',
        '       -  too-short         empty article',
        '',
        'a/missing.txt',
        '   error  no such file',
        '',
      ].join('\n'),
    );
  });

  it('styles through the hooks it is given', () => {
    const mark = (tag: string) => (s: string) => `<${tag}>${s}</${tag}>`;
    const out = toCheckText(toCheckReport([file('f.txt', [readMore])]), { path: mark('p'), location: mark('l'), id: mark('i'), detail: mark('d'), error: mark('e') });
    expect(out).toContain('<p>f.txt</p>');
    expect(out).toContain('<i>boilerplate-line');
    expect(out).toContain('<d>阅读全文</d>');
  });

  it('prints nothing when nothing was found', () => {
    expect(toCheckText(toCheckReport([file('x', [])]))).toBe('');
  });
});

describe('reporters one file at a time (what deboil check writes as it goes)', () => {
  const ids = ['boilerplate-line', 'too-short', 'mojibake'] as const;
  const finding = fc.record({
    id: fc.constantFrom(...ids),
    lines: fc.option(fc.tuple(fc.nat(99), fc.nat(99)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const), { nil: null }),
    rule: fc.option(fc.constantFrom('zh/read-more', 'en/share'), { nil: null }),
    reason: fc.option(fc.constantFrom('read-more', 'nav'), { nil: null }),
    message: fc.string({ maxLength: 20 }),
    text: fc.option(fc.string({ unit: fc.constantFrom('a', '中', '"', '<', '&', '\n', '%', ' ', '😀'), maxLength: 30 }), { nil: null }),
  }) as fc.Arbitrary<Finding>;
  const result = fc.record({ path: fc.string({ minLength: 1, maxLength: 8 }), findings: fc.array(finding, { maxLength: 3 }), error: fc.option(fc.string({ maxLength: 10 }), { nil: null }) }).map(({ path, findings, error }) => file(path, error === null ? findings : [], error));
  const reportOf = fc.array(result, { maxLength: 6 }).map(toCheckReport);

  // The parts as check-run puts them out: each after its separator, inside the envelope.
  const streamed = (name: ReporterName, r: ReturnType<typeof toCheckReport>): string => {
    const rep = partReporters[name];
    let out = '';
    let soFar = false;
    const parts: string[] = [];
    for (const f of r.files) {
      const part = rep.part(f);
      const chunk: string = rep.separator(soFar, part) + part;
      soFar ||= chunk !== '';
      if (rep.envelope) parts.push(chunk);
      else out += chunk;
    }
    if (!rep.envelope) return out;
    const [head, tail] = rep.envelope(r.summary, parts.filter((p) => p !== '').length);
    return head + parts.join('') + tail;
  };

  it('give the whole report byte for byte, for every reporter', () => {
    fc.assert(fc.property(reportOf, (r) => reporterNames.every((name) => streamed(name, r) === reporters[name](r))), { numRuns: 300 });
  });

  it('lay out JSON as JSON.stringify does for the whole document, with no files too', () => {
    const whole = (r: ReturnType<typeof toCheckReport>): string =>
      `${JSON.stringify({ schema: 'deboil-check/1', summary: r.summary, files: r.files.map((f) => ({ path: f.path, format: f.format, encoding: f.encoding, error: f.error, findings: f.findings.map((x) => ({ id: x.id, line: x.lines?.[0] ?? null, endLine: x.lines?.[1] ?? null, rule: x.rule, reason: x.reason, message: x.message, text: x.text })) })) }, null, 2)}\n`;
    expect(toCheckJson(toCheckReport([]))).toBe(whole(toCheckReport([])));
    fc.assert(fc.property(reportOf, (r) => toCheckJson(r) === whole(r)), { numRuns: 300 });
  });
});
