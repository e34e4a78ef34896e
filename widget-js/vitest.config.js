import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.js'],
    setupFiles: ['test/setup.js'],
    restoreMocks: true,
    unstubGlobals: true,
    // The browser test launches Chromium.
    hookTimeout: 30_000,
    testTimeout: 20_000,
  },
});
