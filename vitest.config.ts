import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Snapshots must be committed: CI never writes a missing golden file.
    update: false,
  },
});
