// What `npm start` and `npm run demo` share: build (unless HOLST_START_SKIP_BUILD), then run Holst in
// Electron, fetching its binary once; where it cannot be had, one line says why and the same app is
// served to the browser on 127.0.0.1 instead.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinary, electronSqlite } from './electron-binary.mjs';
import { launchLanguage } from './launch-language.mjs';

/** Builds out/, exiting with the build's status when it fails. */
export function buildUnlessSkipped() {
  // Tests that already built set HOLST_START_SKIP_BUILD, so they do not rewrite out/ under other tests.
  if (process.env.HOLST_START_SKIP_BUILD) return;
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** Whether the lines printed before the app's own are in Russian: the app's language setting for this data folder, else the system's. */
export const russianLaunch = (args) => launchLanguage(args) === 'ru';

/** The Electron binary, fetched once when missing; or null and the reason it cannot be had. */
function findElectron(russian) {
  let binary = electronBinary();
  if (binary) return { binary, reason: '' };
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  console.log(russian ? 'Загружаю Electron (один раз)…' : 'Fetching the Electron binary (once)…');
  const fetched = spawnSync(process.execPath, [path.join('node_modules', 'electron', 'install.js')], {
    env,
    encoding: 'utf8',
    timeout: 300_000,
  });
  binary = electronBinary();
  if (binary) return { binary, reason: '' };
  const output = `${fetched.stderr ?? ''}${fetched.stdout ?? ''}`;
  const reason =
    output
      .split('\n')
      .find((line) => /error|fail|ENOTFOUND|ECONN|timed out/i.test(line))
      ?.trim() ??
    (fetched.error?.message || 'unknown error');
  return { binary: null, reason };
}

/**
 * Runs the app with `args` (e.g. `--data-dir DIR`) and `env` added to the environment. Ctrl+C and
 * SIGTERM go to the app; when it exits, `onExit` runs (the demo stops its servers) and so does this process.
 */
export function launchHolst(args, { env = {}, onExit = async () => {} } = {}) {
  const run = (command, commandArgs, extraEnv = {}) => {
    const child = spawn(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env, ...extraEnv } });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code) => {
      onExit()
        .catch((error) => console.error(error))
        .finally(() => process.exit(code ?? 0));
    });
  };

  const russian = russianLaunch(args);
  const { binary, reason } = findElectron(russian);
  if (binary) {
    run(binary, [path.resolve('out/main/index.cjs'), ...args], { HOLST_SQLITE_BINDING: electronSqlite() });
    return;
  }
  // The one line a user sees before the app's own, in the app's language.
  console.log(
    russian
      ? `Electron здесь недоступен (${reason}); Holst откроется в браузере.`
      : `Electron is not available here (${reason}); serving Holst to your browser instead.`,
  );
  run(process.execPath, [path.resolve('out/server/serve.cjs'), ...args]);
}
