// `npm test`: build, typecheck, lint, security scan, unit tests (Vitest) and browser tests (Playwright), then one
// closing line adding up every runner: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(label, command, args) {
  const ok = run(label, command, args);
  if (ok) passed += 1;
  else failed += 1;
  lines.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
}

step('build', 'node', ['scripts/build.mjs']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
// Electronegativity against security/electronegativity-allowlist.json: one check, fails on any unjustified HIGH/MEDIUM.
step('security scan', 'node', ['scripts/security-scan.mjs']);

rmSync('.vitest.json', { force: true });
run('unit tests (vitest)', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.vitest.json']);
if (existsSync('.vitest.json')) {
  const report = JSON.parse(readFileSync('.vitest.json', 'utf8'));
  // A file that failed with no test results never ran (an import or syntax error): it counts as one failure.
  // (Vitest's numFailedTestSuites also counts every describe block around a failed test, so it is not used.)
  const notRun = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  passed += report.numPassedTests;
  failed += report.numFailedTests + notRun;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  lines.push(`vitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${notRun} files failed to run`);
} else {
  failed += 1;
  lines.push('vitest: did not report');
}

rmSync('.playwright.json', { force: true });
run('browser tests (playwright)', npx, ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: '.playwright.json' });
if (existsSync('.playwright.json')) {
  const { stats, errors } = JSON.parse(readFileSync('.playwright.json', 'utf8'));
  const loadErrors = errors?.length ?? 0;
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected + loadErrors;
  skipped += stats.skipped;
  lines.push(
    `playwright: ${stats.expected + stats.flaky} passed, ${stats.unexpected} failed, ${stats.skipped} skipped${loadErrors ? `, ${loadErrors} errors` : ''}`,
  );
} else {
  failed += 1;
  lines.push('playwright: did not report');
}

console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
