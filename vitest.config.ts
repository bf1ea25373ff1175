import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

export default defineConfig({
  define: { __HOLST_VERSION__: JSON.stringify(version) },
  test: {
    // Playwright's *.spec.ts files belong to Playwright; Vitest runs tests/unit only.
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
