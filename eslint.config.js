import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import i18next from 'eslint-plugin-i18next';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noElectron = {
  name: 'electron',
  message: 'Only src/main/electron and src/preload may import Electron; the core must run in plain Node.',
};

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.tools/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['bin/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            ...nodeModules.map((name) => ({ name, message: 'The renderer is web code: ask the main process through the contract.' })),
          ],
        },
      ],
    },
  },
  {
    // Every user-facing string goes through the i18n catalogues (src/renderer/i18n/locales/).
    // Strings that cannot be prose are let through: no letters, identifiers and keys (one
    // lower-case word, dotted or dashed), CONSTANTS, class lists (hyphenated words), the app's name.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/i18n/**'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'all',
          words: {
            exclude: [
              '^[^A-Za-zА-Яа-яЁё]*$',
              '^[a-z0-9][\\w.:/#@+\\-]*$',
              '^[A-Z0-9_]+$',
              '^(?=.*-)[a-z][a-z0-9-]*( [a-z][a-z0-9-]*)+$',
              '^Holst$',
              // addresses: a scheme or an absolute path
              '^[a-z][a-z0-9+.-]*://\\S*$',
              '^/\\S*$',
            ],
          },
          'jsx-attributes': {
            exclude: [
              'className',
              'type',
              'role',
              'key',
              'id',
              'htmlFor',
              'href',
              'src',
              'rel',
              'target',
              'name',
              'autoComplete',
              'inputMode',
              'dir',
              'lang',
              'data-\\w+',
              'aria-keyshortcuts',
              'aria-haspopup',
              'aria-live',
              'aria-current',
              'accept',
              'form',
              'method',
              'viewBox',
              'd',
              'fill',
              'stroke',
              'strokeLinecap',
              'strokeLinejoin',
              'points',
              'transform',
            ],
          },
          callees: {
            exclude: [
              't',
              'i18n\\.t',
              'i18next\\.t',
              'holst\\..+',
              'console\\..+',
              'addEventListener',
              'removeEventListener',
              'querySelector(All)?',
              'closest',
              'getData',
              'setData',
              'includes',
              'startsWith',
              'endsWith',
              'classList\\..+',
              'go',
              'createElement',
              'Intl\\..+',
              'matchMedia',
              'getContext',
              'toBlob',
              'toDataURL',
              'split',
              'join',
              'replace',
              'useTranslation',
              'Symbol',
              'getItem',
              'setItem',
            ],
          },
          'object-properties': { exclude: ['type', 'kind', 'role', 'mode', 'className', 'key'] },
          'should-validate-template': true,
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, ...nodeModules.map((name) => ({ name, message: 'Shared code runs in the renderer too.' }))] },
      ],
    },
  },
  {
    files: ['src/main/core/**/*.ts', 'src/main/server/**/*.ts', 'src/cli/**/*.ts', 'src/demo/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    // `import { z } from 'zod'` names zod's namespace re-export, which bundlers cannot shake: each
    // bundle would carry all of zod, every locale included (about 600 KB more in the CLI).
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']",
          message: "Write `import * as z from 'zod'`: the `z` re-export keeps all of zod, every locale, in each bundle.",
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
