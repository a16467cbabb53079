import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    // e2e suites spawn the built bin in beforeAll; on a loaded 2-core machine that takes a while.
    hookTimeout: 120_000,
    // Snapshots must be committed: CI never writes a missing golden file.
    update: false,
  },
});
