import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { configPack, validateConfig } from '../../src/cli/options.js';
import { UsageError } from '../../src/cli/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'deboil-config-re-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeIo(stdin = ''): Io & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout,
    stderr,
    env: { NO_COLOR: '1' },
    cwd: dir,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
    out: () => out,
    err: () => err,
  };
}

/** Runs `deboil --config <file>` on a dump from stdin. */
async function withConfig(config: unknown, dump = '正文。\n'): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(config));
  const io = fakeIo(dump);
  const code = await main(['--config', file, '-f', 'text'], io);
  return { code, stdout: io.out(), stderr: io.err().replaceAll(file, '<config>') };
}

describe('config patterns', () => {
  it('refuse a nested quantifier such as (a+)+$ as a usage error that names the key, exit 2', async () => {
    const r = await withConfig({ patterns: { endMarkers: ['^ok$', '(a+)+$'] } });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: "deboil: error: <config>: 'patterns.endMarkers[1]': nested quantifiers like (a+)+ can take exponential time; rewrite the pattern\n",
    });
  });

  it('refuse lookarounds and backreferences, which have no linear-time match, naming the key', async () => {
    for (const [pattern, reason] of [
      ['(?<=x)y', 'invalid named capture'],
      ['^(a)\\1$', 'invalid escape sequence'],
    ] as const) {
      const r = await withConfig({ patterns: { boilerplate: [pattern] } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^deboil: error: <config>: 'patterns\\.boilerplate\\[0\\]': ${reason}.*lookarounds and backreferences are not available\\)\\n$`, 'u'));
    }
  });

  it('take JavaScript spellings of Unicode escapes and scripts', () => {
    const config = validateConfig({ patterns: { boilerplate: ['^\\u5206\\u{4eab}\\p{Script=Han}+$', '^\\P{sc=Han}+ only$'] } }, 'c.json');
    const [han, notHan] = configPack(config)!.boilerplate.map((r) => r.pattern!);
    expect([han!.test('分享到'), han!.test('分享x'), notHan!.test('latin only'), notHan!.test('中 only')]).toEqual([true, false, true, false]);
  });

  it('still refuse what JavaScript itself rejects, with its message', () => {
    expect(() => validateConfig({ patterns: { boilerplate: ['(unclosed'] } }, 'c.json')).toThrow(UsageError);
    expect(() => validateConfig({ patterns: { boilerplate: ['(unclosed'] } }, 'c.json')).toThrow("'patterns.boilerplate[0]': Invalid regular expression");
  });
});
