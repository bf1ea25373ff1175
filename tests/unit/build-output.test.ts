// Checks of what `npm run build` wrote: the renderer is web code only, the preload is sandbox-safe, the
// CLI's way to --version and --help loads no command, no core and no heavy package.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const out = path.resolve('out');

async function filesUnder(dir: string, ext: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true });
  return entries.filter((f) => f.endsWith(ext)).map((f) => path.join(dir, f));
}

describe('built renderer', () => {
  it('imports nothing from Node or Electron', async () => {
    const files = await filesUnder(path.join(out, 'renderer'), '.js');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = await fs.readFile(file, 'utf8');
      expect(code, file).not.toMatch(/\brequire\(\s*["'`]/);
      expect(code, file).not.toMatch(/from\s*["'](node:|electron|fs|path|child_process|os)["']/);
      expect(code, file).not.toMatch(/import\(\s*["'](node:|electron)/);
    }
  });
});

describe('built preload', () => {
  it('requires nothing but electron (a sandboxed preload cannot load other modules)', async () => {
    const code = await fs.readFile(path.join(out, 'preload', 'index.cjs'), 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/exposeInMainWorld\(\s*["']ipcRenderer/);
  });
});

/** The files a built ES module loads before it runs (its static imports, transitively), and the packages they name. */
async function staticImports(entry: string): Promise<{ files: Map<string, string>; packages: Set<string> }> {
  const files = new Map<string, string>();
  const packages = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (files.has(file)) return;
    const code = await fs.readFile(file, 'utf8');
    files.set(file, code);
    for (const match of code.matchAll(/^import\s[^;]*?from\s*["']([^"']+)["'];?$|^import\s*["']([^"']+)["'];?$/gm)) {
      const from = (match[1] ?? match[2])!;
      if (from.startsWith('.')) await visit(path.resolve(path.dirname(file), from));
      else packages.add(from);
    }
  };
  await visit(entry);
  return { files, packages };
}

describe('built CLI', () => {
  it('loads no command, core or heavy package before it knows the command (--version, --help)', async () => {
    const { files, packages } = await staticImports(path.join(out, 'cli', 'holst.mjs'));
    const code = [...files.values()].join('\n');
    expect(files.size).toBeGreaterThan(1);
    // What it does load: the help text and the data folder's default place.
    expect(code).toContain('Usage: holst [--data-dir DIR] [--json] COMMAND [ARGS]');
    expect(code).toMatch(/\/\/ src\/main\/core\/paths\/data-dir\.ts/);
    // esbuild names each bundled source in a comment: none of the core, the commands or zod, undici, yazl.
    expect(code).not.toMatch(/\/\/ src\/(main\/core\/app-core|cli\/commands\/|shared\/errors)/);
    expect(code).not.toMatch(/node_modules\/(zod|undici|yazl)\//);
    for (const name of packages) expect(name, `${name} is a built-in`).toMatch(/^node:/);
    // Each command is one dynamic import away.
    for (const command of ['settings', 'providers', 'library', 'generate', 'conversations'])
      expect(code).toMatch(new RegExp(`import\\(["']\\./chunks/${command}-[A-Z0-9]+\\.mjs["']\\)`));
  });
});
