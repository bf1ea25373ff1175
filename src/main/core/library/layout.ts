import path from 'node:path';

/** Where everything of the library lives inside the data folder. Files are named by content hash. */
export class LibraryLayout {
  readonly database: string;
  readonly originals: string;
  readonly thumbs: string;
  readonly previews: string;
  /** Temp files: on the same disk as the library, so a rename moves them into place atomically. */
  readonly tmp: string;

  constructor(readonly dataDir: string) {
    this.database = path.join(dataDir, 'library.sqlite');
    this.originals = path.join(dataDir, 'library');
    this.thumbs = path.join(dataDir, 'thumbs');
    this.previews = path.join(dataDir, 'previews');
    this.tmp = path.join(dataDir, 'tmp');
  }

  original(sha256: string, ext: string): string {
    return path.join(this.originals, sha256.slice(0, 2), `${sha256}.${ext}`);
  }

  thumb(sha256: string): string {
    return path.join(this.thumbs, sha256.slice(0, 2), `${sha256}.webp`);
  }

  preview(sha256: string): string {
    return path.join(this.previews, sha256.slice(0, 2), `${sha256}.webp`);
  }
}

export const EXT_BY_MIME: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };
