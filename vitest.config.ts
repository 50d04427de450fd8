import { defineConfig } from 'vitest/config';

// Deux projets : « unit » (modules purs, sans navigateur ni LibreOffice) et « word »
// (documents générés ouverts dans LibreOffice headless, plus lents, exécutés un par un).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 20_000 } },
      { test: { name: 'word', include: ['tests/word/**/*.test.ts'], testTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
