import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempRoot } from '../temp.js';
import { commitFile, OutsideError, pendingTempFiles, releaseTemp, reserveTemp, writeAtomic, type WriteFs } from '../../src/io/write.js';

const { tempDir, cleanup } = tempRoot('deboil-write-');
afterAll(cleanup);

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** A disk that fills up after `room` bytes: the temp file gets a part of the data, then ENOSPC. */
function fullDisk(room: number): Partial<WriteFs> {
  return {
    async writeFile(path, data) {
      await writeFile(path, typeof data === 'string' ? data.slice(0, room) : data.subarray(0, room), { flag: 'wx' });
      throw errno('ENOSPC');
    },
  };
}

describe('writeAtomic', () => {
  it('writes the whole file under its name and nothing else', async () => {
    const dir = tempDir();
    await writeAtomic(join(dir, 'sub', 'a.json'), '{"ok":true}\n');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['a.json']);
    expect(readFileSync(join(dir, 'sub', 'a.json'), 'utf8')).toBe('{"ok":true}\n');
  });

  it('on a full disk throws ENOSPC, removes its half-written temp file and keeps the old output', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), 'old\n');
    const err = await writeAtomic(join(dir, 'a.json'), 'x'.repeat(10_000), { fs: fullDisk(4096) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ENOSPC' });
    expect(readdirSync(dir)).toEqual(['a.json']);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('old\n');
    expect(pendingTempFiles().size).toBe(0);
  });

  it('when the rename fails, removes the temp file and leaves no output', async () => {
    const dir = tempDir();
    const fs: Partial<WriteFs> = { rename: () => Promise.reject(errno('EXDEV')) };
    await expect(writeAtomic(join(dir, 'a.md'), 'text', { fs })).rejects.toMatchObject({ code: 'EXDEV' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports the write error, not a cleanup error after it', async () => {
    const dir = tempDir();
    const fs: Partial<WriteFs> = { ...fullDisk(1), rm: () => Promise.reject(errno('EIO')) };
    await expect(writeAtomic(join(dir, 'a.md'), 'text', { fs })).rejects.toMatchObject({ code: 'ENOSPC' });
  });
});

describe('reserveTemp and commitFile (an output a batch worker writes)', () => {
  it('counts the temp name as pending until released, so a signal handler in this thread can remove it', () => {
    const dir = tempDir();
    const tmp = reserveTemp(join(dir, 'a.json'));
    expect([tmp.startsWith(join(dir, '.a.json.')), tmp.endsWith('.tmp'), pendingTempFiles().has(tmp)]).toEqual([true, true, true]);
    commitFile(tmp, join(dir, 'a.json'), '{}\n');
    releaseTemp(tmp);
    expect(pendingTempFiles().has(tmp)).toBe(false);
    expect([readdirSync(dir), readFileSync(join(dir, 'a.json'), 'utf8')]).toEqual([['a.json'], '{}\n']);
  });

  it('when the rename fails, removes the temp file, keeps what was at the target and throws', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a.json', 'inside'), { recursive: true });
    const tmp = reserveTemp(join(dir, 'a.json'));
    expect(() => commitFile(tmp, join(dir, 'a.json'), '{}\n')).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    releaseTemp(tmp);
    expect([readdirSync(dir), readdirSync(join(dir, 'a.json'))]).toEqual([['a.json'], ['inside']]);
  });

  it('never writes through a file already at the temp name', () => {
    const dir = tempDir();
    const tmp = reserveTemp(join(dir, 'a.json'));
    writeFileSync(tmp, 'not ours');
    expect(() => commitFile(tmp, join(dir, 'a.json'), '{}\n')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    releaseTemp(tmp);
    expect(existsSync(join(dir, 'a.json'))).toBe(false);
  });
});

describe('writeAtomic within an out-dir', () => {
  it('refuses to write through a link in the out-dir that leads outside it, and creates nothing there', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out'));
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'out', 'sub'));
    for (const target of ['out/sub/a.json', 'out/sub/deep/er/b.json']) {
      const err = await writeAtomic(join(dir, target), '{}', { within: join(dir, 'out') }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OutsideError);
      expect((err as Error).message).toBe(`${join(dir, 'out', 'sub')} leads outside the out-dir (to ${join(dir, 'elsewhere')}); not writing through it`);
    }
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual([]);
  });

  it('refuses a target that is not under the out-dir, such as one with ..', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out'));
    await expect(writeAtomic(join(dir, 'out', '..', 'a.json'), '{}', { within: join(dir, 'out') })).rejects.toBeInstanceOf(OutsideError);
    await expect(writeAtomic('/tmp/a.json', '{}', { within: join(dir, 'out') })).rejects.toBeInstanceOf(OutsideError);
    expect(existsSync(join(dir, 'a.json'))).toBe(false);
  });

  it('writes through a link that stays inside the out-dir, and into an out-dir that is itself a link', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real', 'inner'), { recursive: true });
    symlinkSync(join(dir, 'real'), join(dir, 'out'));
    symlinkSync(join(dir, 'real', 'inner'), join(dir, 'real', 'alias'));
    await writeAtomic(join(dir, 'out', 'alias', 'a.json'), '{}', { within: join(dir, 'out') });
    expect(readdirSync(join(dir, 'real', 'inner'))).toEqual(['a.json']);
  });

  it('replaces an output that is a link to a file outside, never the file it points to', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'precious.txt'), 'keep me');
    symlinkSync(join(dir, 'precious.txt'), join(dir, 'out', 'a.json'));
    await writeAtomic(join(dir, 'out', 'a.json'), '{}', { within: join(dir, 'out') });
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(dir, 'out', 'a.json'), 'utf8')).toBe('{}');
  });
});
