// Checks of what `npm run build` wrote: the renderer is web code only, the preload is sandbox-safe.
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
