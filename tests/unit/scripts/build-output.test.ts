// Checks of what `npm run build` wrote: the renderer is web code only, the preload is sandbox-safe, the
// CLI's way to --version and --help reads no command, no core and no heavy package.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
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
  it("compiles run.cjs from V8's code cache after the first command, with the same answer", async () => {
    const cache = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-code-cache-'));
    const data = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-code-cache-data-'));
    const run = () =>
      execFileSync(process.execPath, [path.join(out, 'cli', 'holst.cjs'), '--json', '--data-dir', data, 'settings', 'show'], {
        env: { ...process.env, XDG_CACHE_HOME: cache, HOLST_API_KEY_X: '' },
        encoding: 'utf8',
      });
    const first = run();
    const files = await fs.readdir(path.join(cache, 'holst'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^cli-${process.versions.v8.replace(/[.]/g, '\\.')}-\\d+-\\d+\\.code$`));
    expect((await fs.stat(path.join(cache, 'holst', files[0]!))).size).toBeGreaterThan(10_000);
    expect(run()).toBe(first);
    // A newer build's cache replaces the older ones beyond the newest few (src/cli/code-cache.ts).
    for (let i = 0; i < 4; i++) {
      const old = path.join(cache, 'holst', `cli-${process.versions.v8}-1-${i}.code`);
      await fs.writeFile(old, 'old');
      await fs.utimes(old, new Date(Date.now() - (i + 1) * 60_000), new Date(Date.now() - (i + 1) * 60_000));
    }
    await fs.rm(path.join(cache, 'holst', files[0]!));
    run();
    const after = (await fs.readdir(path.join(cache, 'holst'))).sort();
    expect(after).toEqual([files[0], `cli-${process.versions.v8}-1-0.code`, `cli-${process.versions.v8}-1-1.code`].sort());
    await fs.rm(cache, { recursive: true, force: true });
    await fs.rm(data, { recursive: true, force: true });
  });

  it('reads only a small entry before it knows the command (--version, --help); the rest is out/cli/run.cjs', async () => {
    const entry = await fs.readFile(path.join(out, 'cli', 'holst.cjs'), 'utf8');
    const required = new Set([...entry.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    // Node's built-ins only, and no import() (Node would scan run.cjs for its exports): run.cjs is
    // compiled through V8's code cache (src/cli/code-cache.ts), named beside the entry's folder.
    expect(required.size).toBeGreaterThan(0);
    for (const name of required) expect(name!.startsWith('node:'), `${name}`).toBe(true);
    expect(entry).toMatch(/loadWithCodeCache\(require\("node:path"\)\.join\(__dirname, "run\.cjs"\)\)/);
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
    // Its packages loaded on first use come through require: a script from the code cache has no import() to call on Node 20.
    expect(rest).not.toMatch(/\bimport\(\s*["'`](keytar|sharp|yazl|better-sqlite3)["'`]\s*\)/);
    expect(rest).toMatch(/require\(["']keytar["']\)/);
    // undici (a megabyte) is a file of its own, read when a provider's code first loads; zod comes
    // in without its locales (the `import * as z` the lint rule asks for).
    expect(rest).not.toMatch(/node_modules\/undici\//);
    expect(rest).toMatch(/require\("\.\/undici\.cjs"\)/);
    expect(rest).not.toMatch(/node_modules\/zod\/v4\/locales\/(?!en\b|index\b)/);
    expect(rest.length).toBeLessThan(1_000_000);
    const undici = await fs.readFile(path.join(out, 'cli', 'undici.cjs'), 'utf8');
    expect(undici).toMatch(/node_modules\/undici\//);
  });
});
