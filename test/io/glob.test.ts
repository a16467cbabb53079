import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs, isMultiInput } from '../../src/io/glob.js';

const dir = mkdtempSync(join(tmpdir(), 'deboil-glob-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
writeFileSync(join(dir, 'in', 'a.txt'), 'a');
writeFileSync(join(dir, 'in', 'sub', 'c.txt'), 'c');
symlinkSync(join(dir, 'missing'), join(dir, 'in', 'b.txt'));
mkdirSync(join(dir, 'in', 'd.txt'));

describe('expandInputs', () => {
  it('keeps a broken link so the batch can name it, and leaves out directories that look like files', async () => {
    const files = await expandInputs(['in'], { cwd: dir });
    expect(files.map((f) => f.rel)).toEqual(['a.txt', 'b.txt', join('sub', 'c.txt')]);
  });
});

describe('isMultiInput', () => {
  it('is true for a directory or a glob, false for a file or a missing name', async () => {
    const answers = await Promise.all(['in', 'in/*.txt', 'in/a.txt', 'nope.txt'].map((i) => isMultiInput(i, dir)));
    expect(answers).toEqual([true, true, false, false]);
  });
});
