/**
 * Loads the CLI's command side (out/cli/run.cjs, about 2 MB) with V8's code cache: compiling it is
 * most of what a command costs before it starts, and Node 20 keeps no cache of its own (Node 22's
 * module.enableCompileCache). The cache is a file in the user's cache folder named by the V8
 * version and the bundle's size and time, so a new build or Node never reads an old one; V8 checks
 * it again and ignores one that does not fit. Anything unusual falls back to a plain require.
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
    process.once('beforeExit', () => writeQuietly(cacheFile, () => script.createCachedData()));
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
