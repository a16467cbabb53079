// Io.onePage: the CLI tells the runtime when a run cleans one small input and nothing else (the
// bin then compiles regexes without V8's optimisation passes). Here a fake Io counts the calls.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { tempRoot, writeTree } from '../temp.js';

const { tempDir, cleanup } = tempRoot('deboil-one-page-');
afterAll(cleanup);

const PAGE = '外长会谈\n\n朝鲜外长周三在平壤欢迎到访的俄罗斯外长。两国将加强合作。\n\n阅读全文\n';

async function run(args: string[], stdin = ''): Promise<{ code: number; calls: number; out: string }> {
  let calls = 0;
  let out = '';
  const stdout = new PassThrough();
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  const io: Io = {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout,
    stderr: new PassThrough(),
    env: { NO_COLOR: '1' },
    cwd: tempDir(),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
    onePage: () => calls++,
  };
  const code = await main(args, io);
  return { code, calls, out };
}

describe('Io.onePage', () => {
  it('is called once for one page from stdin or a file, before the output is written', async () => {
    const fromStdin = await run(['-f', 'text'], PAGE);
    expect(fromStdin).toMatchObject({ code: 0, calls: 1 });
    expect(fromStdin.out).toContain('两国将加强合作');
    const dir = tempDir();
    writeFileSync(join(dir, 'page.txt'), PAGE);
    expect(await run([join(dir, 'page.txt')])).toMatchObject({ code: 0, calls: 1 });
  });

  it('is not called for a page longer than a news page, nor for batches and records', async () => {
    const long = `${PAGE}${'两国将在经济、文化和教育领域加强合作，双方同意继续保持高层交往。\n\n'.repeat(1200)}`;
    expect(long.length).toBeGreaterThan(32_000);
    expect(await run(['-f', 'text'], long)).toMatchObject({ code: 0, calls: 0 });
    const dir = tempDir();
    writeTree(dir, { 'in/a.txt': PAGE, 'in/b.txt': PAGE });
    expect(await run([join(dir, 'in'), '-o', join(dir, 'out'), '-j', '1', '-q'])).toMatchObject({ code: 0, calls: 0 });
    const records = `${JSON.stringify({ id: 'a', text: PAGE })}\n`;
    expect(await run(['--input-format', 'jsonl', '-j', '1'], records)).toMatchObject({ code: 0, calls: 0 });
  });
});
