// Builds Holst: the main process, preload, harness server, CLI and demo with esbuild (one CommonJS
// file each, native modules left external; the CLI in two, so `holst --version` reads only the
// small one), then the renderer with Vite.
// Usage: node scripts/build.mjs [--node-only]. HOLST_OUT=dir builds into another folder than out/
// (the browser tests follow it), so two people can test different builds on one machine.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
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

// main.ts holds only what --version and --help need, and loads ./run for a command: run.ts (the
// commands, the core, the errors and their schemas) is built as a file of its own, read only then,
// through require() (an import() of a CommonJS file would have Node scan all of it for exports).
const cliRunApart = {
  name: 'cli-run-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/run(\.cjs)?$/ }, (args) => {
      if (args.namespace === 'cli-run') return { path: './run.cjs', external: true };
      return args.importer.endsWith(path.join('src', 'cli', 'main.ts')) ? { path: 'run', namespace: 'cli-run' } : undefined;
    });
    // run.cjs is compiled through V8's code cache (src/cli/code-cache.ts).
    b.onLoad({ filter: /.*/, namespace: 'cli-run' }, () => ({
      contents: "module.exports = require('./code-cache').loadWithCodeCache(require('node:path').join(__dirname, 'run.cjs'));",
      resolveDir: path.resolve('src/cli'),
      loader: 'js',
    }));
  },
};

// undici is a megabyte that only the commands that go to the network use: run.cjs requires it from a
// file of its own (undici.cjs, bundled here), read when a provider's code first loads, so `library
// list` and the other offline commands never read it.
const cliUndiciApart = {
  name: 'cli-undici-apart',
  setup(b) {
    b.onResolve({ filter: /^undici$/ }, () => ({ path: './undici.cjs', external: true }));
  },
};

for (const dir of ['main', 'preload', 'server', 'cli', 'demo']) await rm(`${out}/${dir}`, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: ['src/main/electron/main.ts'], outfile: `${out}/main/index.cjs` }),
  // The sandboxed preload may require nothing but electron: everything else is bundled in.
  build({ ...common, entryPoints: ['src/preload/index.ts'], outfile: `${out}/preload/index.cjs`, external: ['electron'] }),
  build({ ...common, entryPoints: ['src/main/server/serve.ts'], outfile: `${out}/server/serve.cjs` }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: `${out}/cli/holst.cjs`, plugins: [cliRunApart] }),
  // No import() in run.cjs: each becomes a require, as a script compiled from V8's code cache
  // loses Node 20's dynamic import callback (src/cli/code-cache.ts).
  build({
    ...common,
    entryPoints: ['src/cli/run.ts'],
    outfile: `${out}/cli/run.cjs`,
    supported: { 'dynamic-import': false },
    plugins: [cliUndiciApart],
  }),
  build({
    ...common,
    stdin: { contents: "module.exports = require('undici');", resolveDir: path.resolve('.'), loader: 'js' },
    outfile: `${out}/cli/undici.cjs`,
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
