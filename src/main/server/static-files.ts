import fs from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Maps a URL path to a file inside `root`, or null for anything that could leave it
 * (`..`, encoded separators, NUL bytes, absolute paths).
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = path.posix.normalize(`/${decoded}`).slice(1);
  if (relative.split('/').includes('..')) return null;
  const resolvedRoot = path.resolve(root);
  const full = path.resolve(resolvedRoot, relative === '' ? 'index.html' : relative);
  if (full !== resolvedRoot && !full.startsWith(resolvedRoot + path.sep)) return null;
  return full;
}

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** Hashed asset names from Vite can be cached for good; the HTML cannot. */
  immutable: boolean;
}

/** Reads a renderer file; paths without an extension fall back to index.html (client routing). */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const file = resolveStaticPath(root, urlPath);
  if (file === null) return null;
  const target = path.extname(file) === '' ? path.join(path.resolve(root), 'index.html') : file;
  let body: Buffer;
  try {
    body = await fs.readFile(target);
  } catch {
    return null;
  }
  const ext = path.extname(target).toLowerCase();
  return {
    body,
    contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream',
    immutable: target.includes(`${path.sep}assets${path.sep}`),
  };
}
