/**
 * Loads the CLI's command side (out/cli/run.cjs, about 0.6 MB) with V8's code cache: compiling it
 * is most of what a command costs before it starts, and Node 20 keeps no cache of its own (Node 22's
 * module.enableCompileCache). The cache is a file in the user's cache folder named by the V8
 * version and the bundle's size and time, so a new build or Node never reads an old one; V8 checks
 * it again and ignores one that does not fit. Writing one removes all but the newest few others
 * (two installed builds, say the app's and a checkout's, keep theirs). Anything unusual falls back
 * to a plain require.
 */
import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

function cacheFolder(env: NodeJS.ProcessEnv): string {
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'holst');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'Holst', 'Cache');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'Holst');
  return path.join(os.homedir(), '.cache', 'holst');
}

/** The module of the CommonJS file `file`, compiled from the code cache when there is a fitting one. */
export function loadWithCodeCache(file: string, env: NodeJS.ProcessEnv = process.env): unknown {
  const plain = () => Module.createRequire(file)(file) as unknown;
  if (env.HOLST_CODE_CACHE === '0') return plain();
  let source: string;
  let cacheFile: string;
  try {
    source = fs.readFileSync(file, 'utf8');
    const stat = fs.statSync(file);
    cacheFile = path.join(cacheFolder(env), `cli-${process.versions.v8}-${stat.size}-${Math.round(stat.mtimeMs)}.code`);
  } catch {
    return plain();
  }
  const cachedData = readOrNull(cacheFile);
  // The bundle has no import(): the build turns each into require (Node 20 loses the dynamic import
  // callback of a script compiled from a cache).
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = new Module(file);
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  const run = script.runInThisContext() as (exports: unknown, req: NodeJS.Require, mod: Module, file: string, dir: string) => void;
  run(module.exports, Module.createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  if (!cachedData || script.cachedDataRejected) {
    // Made once the command has run, so the functions it compiled are in the cache too.
    process.once('beforeExit', () => {
      writeQuietly(cacheFile, () => script.createCachedData());
      pruneQuietly(path.dirname(cacheFile), path.basename(cacheFile));
    });
  }
  return module.exports;
}

function readOrNull(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

/** How many cache files a folder keeps: the one just written and the newest others. */
export const KEPT_CACHE_FILES = 3;
const CACHE_FILE = /^cli-.+\.code$/;
/** A write that has not finished in this long died with its process. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** Removes the folder's older cache files beyond the newest few, and temp files left by dead writes. */
export function pruneQuietly(folder: string, written: string, now = Date.now()): void {
  try {
    const others: Array<{ name: string; mtimeMs: number }> = [];
    for (const name of fs.readdirSync(folder)) {
      if (name === written) continue;
      const isTemp = name.startsWith('cli-') && name.endsWith('.tmp');
      if (!isTemp && !CACHE_FILE.test(name)) continue;
      const mtimeMs = fs.statSync(path.join(folder, name), { throwIfNoEntry: false })?.mtimeMs;
      if (mtimeMs === undefined) continue; // removed meanwhile by another command
      if (isTemp) {
        if (now - mtimeMs > STALE_TEMP_MS) fs.rmSync(path.join(folder, name), { force: true });
      } else others.push({ name, mtimeMs });
    }
    others.sort((a, b) => b.mtimeMs - a.mtimeMs);
    for (const { name } of others.slice(KEPT_CACHE_FILES - 1)) fs.rmSync(path.join(folder, name), { force: true });
  } catch {
    // Another process pruning at the same time, a folder we may not list: the next write tries again.
  }
}

/** A cache that cannot be written is no error: the next command compiles again. */
function writeQuietly(file: string, data: () => Buffer): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, data());
    fs.renameSync(temp, file);
  } catch {
    // Read-only home, full disk: nothing to tell.
  }
}
