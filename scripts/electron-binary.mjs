// Where the Electron binary is, without `require('electron')` (which starts a download when it is missing).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export function electronBinary(root = process.cwd()) {
  const dir = path.join(root, 'node_modules', 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * better-sqlite3 is not N-API: node_modules holds the build for Node (tests, CLI). Electron gets
 * its own build, made once per Electron version in .electron-native/, loaded via nativeBinding.
 */
export function electronSqlite(root = process.cwd()) {
  const version = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const dir = path.join(root, '.electron-native', `electron-${version}`, 'better-sqlite3');
  const built = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(built)) return built;
  console.log(`Building better-sqlite3 for Electron ${version} (once)…`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(root, 'node_modules', 'better-sqlite3'), dir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  });
  const gyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const result = spawnSync(
    process.execPath,
    [gyp, 'rebuild', `--target=${version}`, '--dist-url=https://electronjs.org/headers', '--release'],
    { cwd: dir, stdio: 'inherit' },
  );
  if (result.status !== 0 || !existsSync(built))
    throw new Error(`could not build better-sqlite3 for Electron ${version} (see the output above)`);
  return built;
}
