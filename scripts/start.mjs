// `npm start`: build, then run Holst in Electron. If Electron's binary is missing it is fetched
// once; where it cannot be had, the same app is served to the browser on 127.0.0.1 instead.
// Extra arguments (e.g. `npm start -- --data-dir DIR`) go to the app.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinary, electronSqlite } from './electron-binary.mjs';

const args = process.argv.slice(2);
// Tests that already built set HOLST_START_SKIP_BUILD, so they do not rewrite out/ under other tests.
if (!process.env.HOLST_START_SKIP_BUILD) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

let binary = electronBinary();
let reason = '';
if (!binary) {
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  console.log('Fetching the Electron binary (once)…');
  const fetched = spawnSync(process.execPath, [path.join('node_modules', 'electron', 'install.js')], {
    env,
    encoding: 'utf8',
    timeout: 300_000,
  });
  binary = electronBinary();
  if (!binary) {
    const output = `${fetched.stderr ?? ''}${fetched.stdout ?? ''}`;
    reason =
      output
        .split('\n')
        .find((line) => /error|fail|ENOTFOUND|ECONN|timed out/i.test(line))
        ?.trim() ??
      (fetched.error?.message || 'unknown error');
  }
}

const run = (command, commandArgs) => {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
};

if (binary) {
  process.env.HOLST_SQLITE_BINDING = electronSqlite();
  run(binary, [path.resolve('out/main/index.cjs'), ...args]);
} else {
  console.log(`Electron is not available here (${reason}); serving Holst to your browser instead.`);
  run(process.execPath, [path.resolve('out/server/serve.cjs'), ...args]);
}
