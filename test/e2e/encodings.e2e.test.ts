import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Spawns the built bin (npm test builds first) on copies of fixtures/encoding-* in a temp folder.
const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/deboil');
let tmp = '';

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'deboil-enc-'));
  cpSync(join(ROOT, 'fixtures'), tmp, { recursive: true, filter: (src) => !src.includes('seed-dump') });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  const clean = (s: string): string => stripVTControlCharacters(s).replaceAll(tmp, '<TMP>');
  return { code: r.status, stdout: clean(r.stdout), stderr: clean(r.stderr) };
}
const dump = (name: string, file = 'dump.txt'): string => join(tmp, `encoding-${name}`, file);

describe('deboil on dumps in legacy encodings', () => {
  const CASES = [
    ['big5', 'dump.txt', 'big5'],
    ['gbk', 'dump.txt', 'gb18030'],
    ['gbk-gzip', 'dump.txt.gz', 'gb18030'],
    ['shift-jis', 'dump.txt', 'shift_jis'],
    ['euc-kr', 'dump.txt', 'euc-kr'],
    ['windows-1252', 'dump.txt', 'windows-1252'],
    ['utf16le', 'dump.txt', 'utf-16le'],
    ['utf16be-bom', 'dump.txt', 'utf-16be'],
  ] as const;
  // One batch run for all of them: spawning the bin costs a second or two on a busy machine.
  let batch: ReturnType<typeof run>;
  let records: Record<string, { source: Record<string, unknown>; text: string; warnings: string[] }>;
  beforeAll(() => {
    batch = run(CASES.map(([name, file]) => dump(name, file)));
    // A batch comes out sorted by path, not in argument order: find each case by its path.
    const byPath = new Map(batch.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((rec) => [rec.source.path, rec]));
    records = Object.fromEntries(CASES.map(([name, file]) => [name, byPath.get(`<TMP>/encoding-${name}/${file}`)]));
  });

  it('exits 0 with nothing on stderr but the batch summary', () => {
    expect(batch.stderr).toMatch(/^deboil: 8 files, [^\n]*, 0 errors, [\d.]+ s\n$/u);
    expect(batch.code).toBe(0);
  });

  it.each(CASES)('%s (%s): source.encoding is %s, no replacements, no warnings', (name, file, encoding) => {
    const rec = records[name]!;
    expect(rec.source).toMatchObject({ path: `<TMP>/encoding-${name}/${file}`, encoding, replacements: 0 });
    expect(rec.source['confidence']).toBeGreaterThan(0);
    expect(rec.warnings).toEqual([]);
  });

  it('keeps Traditional characters from a Big5 dump in the output', () => {
    expect(records['big5']!.text).toContain('內政部長在會後記者會上說明');
  });

  it('forced --encoding reports confidence 1', () => {
    const rec = JSON.parse(run(['--encoding', 'big5', dump('big5')]).stdout);
    expect(rec.source).toMatchObject({ encoding: 'big5', confidence: 1 });
  });
});

describe('deboil refuses what it cannot read', () => {
  it('binary: exit 2, one error line naming the file, nothing on stdout', () => {
    const r = run([dump('binary-png')]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'deboil: error: <TMP>/encoding-binary-png/dump.txt: binary file: a PNG image, not a text dump\n',
    });
  });

  it('binary in a batch: the other file is still cleaned, exit 2 outranks success', () => {
    const r = run([dump('gbk'), dump('binary-pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^deboil: error: <TMP>\/encoding-binary-pdf\/dump\.txt: binary file: a PDF document, not a text dump\ndeboil: 2 files, [^\n]*, 1 error, [\d.]+ s\n$/u);
    // Sorted by path: encoding-binary-pdf comes before encoding-gbk.
    const [bad, ok] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(ok.source.encoding).toBe('gb18030');
    expect(bad).toEqual({ schema: 'deboil/1', source: { path: '<TMP>/encoding-binary-pdf/dump.txt' }, error: 'binary file: a PDF document, not a text dump' });
  });

  it('unknown --encoding: usage error, exit 2, one line that lists the known ones', () => {
    const r = run(['--encoding', 'klingon', dump('gbk'), join(tmp, 'missing.txt')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^deboil: error: unknown encoding 'klingon'; known encodings: utf-8, .*gb18030.* \(see https:\/\/encoding\.spec\.whatwg\.org\/#names-and-labels for valid labels\)\n$/u);
  });
});

describe('deboil warns about mojibake', () => {
  it('on stderr and in the JSON warnings, still exit 0', () => {
    const r = run([dump('mojibake')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^deboil: warning: <TMP>\/encoding-mojibake\/dump\.txt: text holds \d+ mojibake sequence\(s\) such as "[^\n]*\n$/u);
    const rec = JSON.parse(r.stdout);
    expect(rec.warnings).toEqual([expect.stringMatching(/^text holds \d+ mojibake sequence\(s\)/u)]);
  });

  it('is silent with --quiet but keeps the JSON warning', () => {
    const r = run(['-q', dump('mojibake')]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).warnings).toHaveLength(1);
  });
});

describe('jschardet stays unloaded for UTF-8', () => {
  it('is required only once a dump is not UTF-8', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { decodeBytes } from ${JSON.stringify(join(ROOT, 'dist/io/decode.js'))};
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('jschardet'));
      decodeBytes(Buffer.from('héllo 中文 news\\n'));
      const afterUtf8 = loaded();
      decodeBytes(Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xca, 0xc0, 0xbd, 0xe7, 0x0a]));
      console.log(JSON.stringify([afterUtf8, loaded()]));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([false, true]);
  });
});
