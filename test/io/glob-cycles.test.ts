import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/io/glob.js';

const dir = mkdtempSync(join(tmpdir(), 'deboil-cycles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tree(name: string, files: string[], links: [string, string][]): string {
  const root = join(dir, name);
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), f);
  }
  for (const [at, to] of links) symlinkSync(to, join(root, at));
  return root;
}

describe('expandInputs on directory links that loop', () => {
  it('does not walk a link back to an ancestor (in/sub/up -> ..)', async () => {
    const root = tree('up', ['in/a.txt', 'in/sub/b.txt'], [['in/sub/up', '..']]);
    const files = await expandInputs(['in'], { cwd: root });
    expect(files.map((f) => f.rel)).toEqual(['a.txt', join('sub', 'b.txt')]);
  });

  it('does not walk a link to itself, nor two links that point at each other', async () => {
    const root = tree('mutual', ['in/a/x.txt', 'in/b/y.txt'], [
      ['in/self', '.'],
      ['in/a/to-b', '../b'],
      ['in/b/to-a', '../a'],
    ]);
    const files = await expandInputs(['in'], { cwd: root });
    // Each folder is still read under each name it has on a path without a cycle.
    expect(files.map((f) => f.rel)).toEqual([join('a', 'to-b', 'y.txt'), join('a', 'x.txt'), join('b', 'to-a', 'x.txt'), join('b', 'y.txt')]);
  });

  it('still follows a link to a folder outside the input, and globs get the same protection', async () => {
    const root = tree('outside', ['shared/s.txt', 'in/a.txt'], [
      ['in/shared', '../shared'],
      ['shared/back', '../in'],
    ]);
    const files = await expandInputs(['in', 'in/**/*.txt'], { cwd: root });
    expect(files.map((f) => f.display)).toEqual([join('in', 'a.txt'), join('in', 'shared', 's.txt')]);
  });
});
