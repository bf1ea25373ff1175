/**
 * Dependencies in node_modules (electron-updater) are CommonJS loaded by Node itself, past
 * `vi.mock`: their `require("electron")` is pointed at the stand-in here, through Node's module cache.
 */
import { createRequire, Module } from 'node:module';

const require = createRequire(import.meta.url);

/** Makes `require("electron")` answer `electron` (the module `electronModule()` builds); the returned function undoes it. */
export function electronForRequire(electron: Record<string, unknown>): () => void {
  const file = require.resolve('electron');
  const previous = require.cache[file];
  const module = new Module(file);
  module.filename = file;
  module.exports = electron;
  module.loaded = true;
  require.cache[file] = module;
  return () => {
    if (previous) require.cache[file] = previous;
    else delete require.cache[file];
  };
}
