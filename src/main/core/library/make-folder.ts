import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * `mkdir -p` one level at a time. Node's own recursive mkdir can spin forever where a parent
 * exists but refuses new entries (seen in /proc), and a typed path may lead anywhere.
 */
export async function makeFolder(target: string): Promise<void> {
  const missing: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const stat = await fs.stat(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
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
