// Checks of what `npm run build` wrote: the renderer is web code only, the preload is sandbox-safe, the
// CLI's way to --version and --help reads no command, no core and no heavy package.
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

describe('built CLI', () => {
  it('reads only a small entry before it knows the command (--version, --help); the rest is out/cli/run.cjs', async () => {
    const entry = await fs.readFile(path.join(out, 'cli', 'holst.cjs'), 'utf8');
    const required = new Set([...entry.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    // Node's built-ins, and the rest of the CLI: no package, and no import() (Node would scan run.cjs for its exports).
    expect(required).toContain('./run.cjs');
    for (const name of required) expect(name === './run.cjs' || name!.startsWith('node:'), `${name}`).toBe(true);
    expect(entry).not.toMatch(/\bimport\(/);
    // What it holds: the help text and the flags. esbuild names each bundled source in a comment:
    // none of the core, the commands or the errors module, nor zod, undici or yazl.
    expect(entry).toContain('Usage: holst [--data-dir DIR] [--json] COMMAND [ARGS]');
    expect(entry).toMatch(/\/\/ src\/cli\/flags\.ts/);
    expect(entry).not.toMatch(/\/\/ src\/(main\/|cli\/commands\/|cli\/run|shared\/errors)/);
    expect(entry).not.toMatch(/node_modules\/(zod|undici|yazl)\//);
    expect(entry.length).toBeLessThan(20_000);
    // The commands are in the other file.
    const rest = await fs.readFile(path.join(out, 'cli', 'run.cjs'), 'utf8');
    for (const command of ['settings', 'providers', 'library', 'generate', 'conversations'])
      expect(rest).toContain(`// src/cli/commands/${command}.ts`);
  });
});
