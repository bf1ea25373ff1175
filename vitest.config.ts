import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

export default defineConfig({
  define: { __HOLST_VERSION__: JSON.stringify(version) },
  plugins: [
    {
      // main.ts finds out/renderer and the preload beside its bundle (out/main); run from source in
      // tests, it is told that folder instead (tests/support/electron-main.ts). Same length: lines and columns stay.
      name: 'holst-electron-main-dir',
      enforce: 'pre',
      transform(code, id) {
        if (!id.endsWith('/src/main/electron/main.ts')) return null;
        const dir = '\nfunction __hdir_() { return globalThis.__HOLST_MAIN_DIR__ ?? __dirname; }\n';
        return { code: code.replaceAll('__dirname', '__hdir_()') + dir, map: null };
      },
    },
  ],
  test: {
    // Playwright's *.spec.ts files belong to Playwright; Vitest runs tests/unit and tests/renderer.
    include: ['tests/unit/**/*.test.ts', 'tests/renderer/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // `npm run coverage` (scripts/coverage.mjs): every source file counts, loaded by a test or not.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}'],
      exclude: ['src/**/*.d.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      // The figures are wanted even while some test fails; the exit status still says it failed.
      reportOnFailure: true,
    },
  },
});
