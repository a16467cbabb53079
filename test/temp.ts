import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** One temp folder per test file, with a fresh numbered subfolder per test; pass `cleanup` to afterAll. */
export function tempRoot(prefix: string): { work: string; tempDir(): string; cleanup(): void } {
  const work = mkdtempSync(join(tmpdir(), prefix));
  let n = 0;
  return {
    work,
    tempDir() {
      const d = join(work, String(n++));
      mkdirSync(d);
      return d;
    },
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}

/** Writes files (relative name to content) under `dir`, creating their folders. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}
