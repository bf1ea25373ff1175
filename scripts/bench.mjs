// `npm run bench`: bundles each bench/*.bench.ts with esbuild and runs it; each prints its figures
// beside their targets. Benchmarks measure; they never fail the test suite. `npm run bench grid`
// runs one (by name: `npm run bench cli` is bench/cli.bench.ts alone). grid.bench.ts drives the
// built harness in Chromium: `npm run build` first.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const only = process.argv[2];
const all = readdirSync('bench').filter((f) => f.endsWith('.bench.ts'));
// A whole name (`cli`) picks that bench alone; otherwise every bench whose name holds the word.
const benches = only ? (all.includes(`${only}.bench.ts`) ? [`${only}.bench.ts`] : all.filter((f) => f.includes(only))) : all;
console.log(`Holst benchmarks on ${process.platform}/${process.arch}, Node ${process.version}`);
for (const file of benches) {
  const outfile = `out/bench/${file.replace(/\.ts$/, '.mjs')}`;
  await build({
    entryPoints: [`bench/${file}`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: { __HOLST_VERSION__: JSON.stringify(version) },
    external: ['keytar', 'better-sqlite3', 'sharp', 'bufferutil', 'utf-8-validate', '@playwright/test', 'playwright-core'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  console.log(`\n# ${file}`);
  const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
  if (run.status !== 0) process.exitCode = 1;
}
