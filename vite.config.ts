import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Fails the build if renderer code imports Node or Electron: the renderer is web code only. */
function webOnly(): Plugin {
  return {
    name: 'holst-web-only',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'electron' || source.startsWith('electron/') || nodeBuiltins.has(source)) {
        this.error(
          `The renderer must not import "${source}" (imported by ${importer ?? 'an entry'}); ask the main process through the contract.`,
        );
      }
      return null;
    },
  };
}

/**
 * Code in a worker has no `document`: micromark decodes character references with the package's
 * DOM build in a page (`browser` condition), which the worker swaps for its plain build (the one its
 * `worker` condition names).
 */
function workerBuilds(): Plugin {
  return {
    name: 'holst-worker-builds',
    enforce: 'pre',
    resolveId(source) {
      if (source === 'decode-named-character-reference') return path.resolve('node_modules/decode-named-character-reference/index.js');
      return null;
    },
  };
}

export default defineConfig({
  root: path.resolve('src/renderer'),
  base: '/',
  plugins: [webOnly(), react()],
  define: { __HOLST_VERSION__: JSON.stringify(version) },
  // The Markdown parse worker is an ES module, as the page's code is.
  worker: { format: 'es', plugins: () => [workerBuilds()] },
  build: {
    outDir: path.resolve(process.env.HOLST_OUT ?? 'out', 'renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    // HOLST_NOMINIFY=1 keeps names readable in a CPU profile of the window.
    minify: process.env.HOLST_NOMINIFY ? false : 'esbuild',
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
  },
});
