import { defineConfig } from 'vitest/config';

// Projets de test, tous lancés par `npm test` (scripts/test.mjs) :
// - unit  : modules purs et contenu, sans navigateur ni LibreOffice ;
// - word  : documents .docx générés puis ouverts dans LibreOffice headless ;
// - site  : contrôles du site construit (dist/) et de la construction elle-même ;
// - e2e   : le site construit servi sur 127.0.0.1, piloté dans Chromium de Debian.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 20_000 } },
      { test: { name: 'word', include: ['tests/word/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false } },
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], testTimeout: 240_000, hookTimeout: 240_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
