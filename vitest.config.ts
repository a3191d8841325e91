import { defineConfig } from 'vitest/config';

// Unit, use-case and in-process HTTP tests. Browser journeys have their own config (e2e/).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['src/platform/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
