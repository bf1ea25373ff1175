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

export default defineConfig({
  root: path.resolve('src/renderer'),
  base: '/',
  plugins: [webOnly(), react()],
  define: { __HOLST_VERSION__: JSON.stringify(version) },
  build: {
    outDir: path.resolve(process.env.HOLST_OUT ?? 'out', 'renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
  },
});
