import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStaticFile, resolveStaticPath } from '../../../../src/main/server/static-files';
import { removeTempDirs, tempDir } from '../../../support/temp-dir';

let root: string;
let outside: string;

beforeAll(async () => {
  const base = await tempDir();
  root = path.join(base, 'renderer');
  await fs.mkdir(path.join(root, 'assets'), { recursive: true });
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><p>app</p>');
  await fs.writeFile(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  outside = path.join(base, 'secret.txt');
  await fs.writeFile(outside, 'secret');
});
afterAll(removeTempDirs);

describe('static renderer files', () => {
  it('serves files inside the root with their content type', async () => {
    const js = await readStaticFile(root, '/assets/app-1234.js');
    expect(js?.contentType).toBe('text/javascript; charset=utf-8');
    expect(js?.immutable).toBe(true);
    const html = await readStaticFile(root, '/');
    expect(html?.body.toString()).toContain('app');
    expect(html?.immutable).toBe(false);
  });

  it('falls back to index.html for client routes', async () => {
    expect((await readStaticFile(root, '/settings'))?.body.toString()).toContain('app');
  });

  it('refuses every path that could leave the root', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00index.html',
      '/%E0%A4%A',
      outside,
    ]) {
      const resolved = resolveStaticPath(root, attempt);
      if (resolved !== null) expect(resolved.startsWith(root + path.sep), attempt).toBe(true);
      const file = await readStaticFile(root, attempt);
      expect(file?.body.toString() ?? '', attempt).not.toBe('secret');
    }
  });

  it('answers null for missing files', async () => {
    expect(await readStaticFile(root, '/assets/missing.js')).toBeNull();
  });
});
