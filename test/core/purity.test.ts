import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const files = readdirSync('src/core').filter((f) => f.endsWith('.ts'));

describe('src/core stays pure', () => {
  it.each(files)('%s imports no node: module and touches no process', (f) => {
    const code = readFileSync(`src/core/${f}`, 'utf8');
    expect(code).not.toMatch(/from ['"]node:|require\(|\bprocess\./u);
  });
});
