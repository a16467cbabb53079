import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const BIN = resolve('bin/deboil');
let tmp = '';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built bin in the temp folder; temp paths become <tmp> and colours are stripped. */
function run(args: string[], opts: { env?: Record<string, string>; input?: string; raw?: boolean } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...opts.env };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, env, input: opts.input ?? '', encoding: 'utf8' });
  const clean = (s: string) => (opts.raw ? s : stripVTControlCharacters(s)).replaceAll(tmp, '<tmp>');
  return { code: r.status, stdout: clean(r.stdout), stderr: clean(r.stderr) };
}

beforeAll(() => {
  if (!existsSync('dist/cli/main.js')) throw new Error('build first: npm run build');
  tmp = mkdtempSync(join(tmpdir(), 'deboil-check-'));
  mkdirSync(join(tmp, 'dumps'));
  for (const f of ['dirty.txt', 'damaged.txt', 'gbk.txt']) copyFileSync(`fixtures/check/${f}`, join(tmp, 'dumps', f));
  // deboil's own outputs of two dumps, in every file format: the idempotence contract.
  mkdirSync(join(tmp, 'clean'));
  copyFileSync('fixtures/seed-dump.txt', join(tmp, 'seed.txt'));
  copyFileSync('fixtures/check/dirty.txt', join(tmp, 'dirty.txt'));
  for (const name of ['seed', 'dirty']) {
    for (const [format, ext] of [['text', 'txt'], ['md', 'md'], ['json', 'json']] as const) {
      const r = run([`${name}.txt`, '-f', format]);
      expect(r.code).toBe(0);
      writeFileSync(join(tmp, 'clean', `${name}.${ext}`), r.stdout);
    }
  }
  rmSync(join(tmp, 'seed.txt'));
  rmSync(join(tmp, 'dirty.txt'));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('deboil check reporters (golden reports)', () => {
  it('text: grouped by file, coloured only when asked, same layout once colours are stripped', async () => {
    const coloured = run(['check', 'dumps', 'clean'], { env: { FORCE_COLOR: '1' }, raw: true });
    expect(coloured.stdout).not.toBe(stripVTControlCharacters(coloured.stdout));
    const r = run(['check', 'dumps', 'clean']);
    expect(r.stdout).toBe(stripVTControlCharacters(coloured.stdout));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('deboil: check: 8 findings in 2 of 9 files\n');
    await expect(r.stdout).toMatchFileSnapshot('golden/check-report.txt');
  });

  it('json: one document that parses, clean files included', async () => {
    const r = run(['check', 'dumps', 'clean', '--reporter', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toMatchObject({ files: 9, filesWithFindings: 2, findings: 8, errors: 0 });
    await expect(r.stdout).toMatchFileSnapshot('golden/check-report.json');
  });

  it('github: one workflow command per finding', async () => {
    const r = run(['check', 'dumps', 'clean', '-r', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').every((l) => l.startsWith('::error file=dumps/'))).toBe(true);
    await expect(r.stdout).toMatchFileSnapshot('golden/check-report.github.txt');
  });

  it('junit: valid XML, one testcase per file, one failure per finding', async () => {
    const r = run(['check', 'dumps', 'clean', '-r', 'junit']);
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testcase' || n === 'failure' }).parse(r.stdout);
    const suite = parsed.testsuites.testsuite;
    expect(suite.tests).toBe('9');
    expect(suite.testcase).toHaveLength(9);
    const failures = suite.testcase.flatMap((c: { failure?: unknown[] }) => c.failure ?? []);
    expect(failures).toHaveLength(8);
    await expect(r.stdout).toMatchFileSnapshot('golden/check-report.junit.xml');
  });
});

describe('deboil check contract and exit codes', () => {
  it('finds nothing in deboil\'s own text, Markdown and JSON outputs: exit 0', () => {
    const r = run(['check', 'clean']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'deboil: check: no findings in 6 files\n' });
  });

  it('exits 1 on findings', () => {
    expect(run(['check', 'dumps/dirty.txt']).code).toBe(1);
  });

  it('exits 2 when an input is missing, even with findings, and still reports the rest', () => {
    const r = run(['check', 'dumps/dirty.txt', 'missing.txt', '-r', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('deboil: error: missing.txt: no such file\n');
    expect(JSON.parse(r.stdout).summary).toMatchObject({ files: 2, findings: 5, errors: 1 });
  });

  it('writes the text report as it goes, and a reader that stops early still gets the exit code of every file', async () => {
    mkdirSync(join(tmp, 'early'), { recursive: true });
    for (let i = 0; i < 30; i++) copyFileSync('fixtures/check/dirty.txt', join(tmp, 'early', `a${String(i).padStart(2, '0')}.txt`));
    writeFileSync(join(tmp, 'early', 'z-last.json'), '{"not": "a record"}');
    const child = spawn(process.execPath, [BIN, 'check', 'early'], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] });
    let first = '';
    child.stdout.once('data', (d: Buffer) => {
      first = d.toString();
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(first).toContain('early/a00.txt');
    expect(code).toBe(2);
  });

  it('exits 2 for a glob that matches nothing', () => {
    const r = run(['check', 'nothing/*.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('deboil: error: nothing/*.txt: no such file, and no files match it\n');
  });

  it('exits 2 for a JSON file that is not a deboil record', () => {
    writeFileSync(join(tmp, 'meta.json'), '{"id": 1}\n');
    try {
      const r = run(['check', 'meta.json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^deboil: error: meta\.json: not a deboil JSON record/mu);
    } finally {
      rmSync(join(tmp, 'meta.json'));
    }
  });

  it.each([
    [['check', 'clean', '--reporter', 'xml'], /argument 'xml' is invalid/u],
    [['check', 'clean', '--ignore', 'nope'], /unknown finding id 'nope'/u],
    [['check', 'clean', '--max-removed', '2'], /--max-removed: '2' is not a share/u],
    [['check'], /no input/u],
  ])('exits 2 on a usage error: %j', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('exits 2 for a bad key in the config file, naming it', () => {
    writeFileSync(join(tmp, 'bad.json'), '{"check": {"colour": true}}\n');
    const r = run(['check', 'clean', '--config', 'bad.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown key 'check.colour'");
  });

  it('takes reporter and ignore list from the config file', () => {
    writeFileSync(join(tmp, 'cfg.json'), '{"check": {"reporter": "json", "ignore": ["boilerplate-line"]}}\n');
    const r = run(['check', 'dumps/dirty.txt', '--config', 'cfg.json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].findings.map((f: { id: string }) => f.id)).toEqual(['duplicate']);
  });

  it('flags a legacy-encoded file only with --require-utf8', () => {
    expect(run(['check', 'dumps/gbk.txt']).code).toBe(0);
    const r = run(['check', 'dumps/gbk.txt', '--require-utf8']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('not-utf8          file is gb18030, not UTF-8');
  });

  it('flags short articles and a large removable share when asked', () => {
    const r = run(['check', 'clean/seed.txt', '--min-chars', '100000', '--max-removed', '0%', '-r', 'json']);
    expect(JSON.parse(r.stdout).files[0].findings.map((f: { id: string }) => f.id)).toEqual(['too-short']);
    const d = run(['check', 'dumps/dirty.txt', '--max-removed', '10%', '--ignore', 'boilerplate-line', '--ignore', 'duplicate']);
    expect(d.stdout).toMatch(/removed-share {5}\d+(\.\d)?% of the text would be removed, more than --max-removed 10%/u);
  });

  it('reads a dump from stdin with -', () => {
    const r = run(['check', '-', '-r', 'json'], { input: readFileSync('fixtures/check/dirty.txt', 'utf8') });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ path: '-', format: 'text' });
  });

  it('--output writes the report to a file and keeps a summary on stderr', () => {
    const r = run(['check', 'dumps', 'clean', '-r', 'junit', '-o', 'reports/check.xml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('deboil: check: 8 findings in 2 of 9 files (report in reports/check.xml)\n');
    expect(readFileSync(join(tmp, 'reports/check.xml'), 'utf8')).toBe(run(['check', 'dumps', 'clean', '-r', 'junit']).stdout);
    expect(readdirSync(join(tmp, 'reports'))).toEqual(['check.xml']);
  });

  it('does not check its own report when it lands in an input folder', () => {
    run(['check', 'clean', '-r', 'json', '-o', 'clean/report.json']);
    try {
      const again = run(['check', 'clean', '-r', 'json', '-o', 'clean/report.json']);
      expect(again.code).toBe(0);
      expect(again.stderr).toBe('deboil: check: no findings in 6 files (report in clean/report.json)\n');
    } finally {
      rmSync(join(tmp, 'clean/report.json'));
    }
  });

  it('documents finding ids and exit codes in --help', () => {
    const r = run(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('boilerplate-line');
    expect(r.stdout).toMatch(/Exit codes:\n {2}0 {2}no findings\n {2}1 {2}findings\n {2}2 {2}usage error/u);
  });
});
