import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * `mkdir -p` one level at a time. Node's own recursive mkdir can spin forever where a parent
 * exists but refuses new entries (seen in /proc), and a typed path may lead anywhere. A target
 * that exists but is not a folder is refused (ENOTDIR, "it is not a folder").
 */
export async function makeFolder(target: string): Promise<void> {
  const missing: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const stat = await fs.stat(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (stat && missing.length === 0 && !stat.isDirectory()) throw Object.assign(new Error('it is not a folder'), { code: 'ENOTDIR' });
    if (stat) break;
    missing.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of missing) {
    await fs.mkdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}
