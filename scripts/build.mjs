// Builds Holst: the main process, preload, harness server and demo with esbuild (one CommonJS file
// each, native modules left external), the CLI as ES modules split into chunks (each command and the
// core load only when used, so `holst --version` starts fast), then the renderer with Vite.
// Usage: node scripts/build.mjs [--node-only]. HOLST_OUT=dir builds into another folder than out/
// (the browser tests follow it), so two people can test different builds on one machine.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const nodeOnly = process.argv.includes('--node-only');
const out = process.env.HOLST_OUT ?? 'out';
const started = Date.now();

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { __HOLST_VERSION__: JSON.stringify(version) },
  // Native modules load from node_modules at run time; ws's optional speed-ups are not used.
  external: ['electron', 'keytar', 'better-sqlite3', 'sharp', 'bufferutil', 'utf-8-validate'],
};

// ES modules importing a CommonJS package make Node scan the package's files for their exports;
// the CLI's native packages load through require() instead, as the CommonJS bundles do.
const requireNativePackages = {
  name: 'require-native-packages',
  setup(b) {
    b.onResolve({ filter: /^(sharp|better-sqlite3|keytar)$/ }, (args) =>
      args.namespace === 'required' ? { path: args.path, external: true } : { path: args.path, namespace: 'required' },
    );
    b.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

for (const dir of ['main', 'preload', 'server', 'cli', 'demo']) await rm(`${out}/${dir}`, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: ['src/main/electron/main.ts'], outfile: `${out}/main/index.cjs` }),
  // The sandboxed preload may require nothing but electron: everything else is bundled in.
  build({ ...common, entryPoints: ['src/preload/index.ts'], outfile: `${out}/preload/index.cjs`, external: ['electron'] }),
  build({ ...common, entryPoints: ['src/main/server/serve.ts'], outfile: `${out}/server/serve.cjs` }),
  // out/cli/holst.mjs, which bin/holst.cjs imports, and the chunks its dynamic imports load.
  // Bundled CommonJS packages (undici) call require(): the banner gives each chunk one.
  build({
    ...common,
    entryPoints: { holst: 'src/cli/main.ts' },
    outdir: `${out}/cli`,
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [requireNativePackages],
    banner: { js: "import { createRequire as __holstRequire } from 'node:module'; const require = __holstRequire(import.meta.url);" },
  }),
  // `npm run demo` only (the reference servers in tests/servers); the packaged app leaves it out.
  build({ ...common, entryPoints: ['src/demo/main.ts'], outfile: `${out}/demo/main.cjs` }),
]);

if (!nodeOnly) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
console.log(
  `built ${nodeOnly ? 'main, preload, server, cli, demo' : 'main, preload, server, cli, demo, renderer'} in ${Date.now() - started} ms`,
);
