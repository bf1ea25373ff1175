// `npm run coverage`: the unit tests with V8 coverage, then lines covered per source folder from
// coverage/coverage-summary.json. The renderer counts only what unit tests import (Playwright's runs are not measured).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const FOLDERS = [
  'src/main/electron',
  'src/main/core',
  'src/main/server',
  'src/cli',
  'src/shared',
  'src/preload',
  'src/demo',
  'src/renderer',
];
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const args = ['vitest', 'run', '--coverage', ...process.argv.slice(2)];
const run = spawnSync(npx, args, { stdio: 'inherit' });

const summaryFile = path.resolve('coverage/coverage-summary.json');
if (!existsSync(summaryFile)) {
  console.error('coverage: no coverage/coverage-summary.json was written');
  process.exit(run.status || 1);
}
const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
const root = process.cwd() + path.sep;
const rows = FOLDERS.map((folder) => {
  const files = Object.entries(summary).filter(
    ([file]) => file !== 'total' && path.relative(root, file).split(path.sep).join('/').startsWith(`${folder}/`),
  );
  const sum = (key) =>
    files.reduce((acc, [, f]) => ({ covered: acc.covered + f[key].covered, total: acc.total + f[key].total }), { covered: 0, total: 0 });
  return { folder, files: files.length, lines: sum('lines'), branches: sum('branches'), functions: sum('functions') };
});
const pct = ({ covered, total }) => (total === 0 ? '   -  ' : `${((covered / total) * 100).toFixed(1).padStart(5)} %`);
console.log('\nCoverage per folder (unit tests)');
console.log(`${'folder'.padEnd(20)} files    lines   branches  functions   lines covered`);
for (const r of rows) {
  console.log(
    `${r.folder.padEnd(20)} ${String(r.files).padStart(5)}  ${pct(r.lines)}  ${pct(r.branches)}  ${pct(r.functions)}   ${r.lines.covered}/${r.lines.total}`,
  );
}
console.log(
  `${'all of src/'.padEnd(20)} ${' '.repeat(5)}  ${pct(summary.total.lines)}  ${pct(summary.total.branches)}  ${pct(summary.total.functions)}`,
);
process.exit(run.status ?? 1);
