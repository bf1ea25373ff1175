/**
 * Where a backup goes: a folder (an external disk, a NAS, a cloud-sync folder), later WebDAV or S3.
 * Names are relative and '/'-separated ("objects/ab/<sha256>.png"); a stored file is either absent
 * or whole (written under a temporary name, then renamed), so a reader never sees half a file.
 */
export interface BackupTarget {
  /** How messages name it: a folder's path, a server's address. */
  readonly label: string;
  /**
   * The files under `dir` (recursively) by name, with their sizes where the target tells them
   * without a request per file (null: not asked); an empty map where there is none.
   */
  list(dir: string): Promise<Map<string, number | null>>;
  /** Stores the local `file` as `name`, replacing any file of that name. */
  put(name: string, file: string): Promise<void>;
  putBytes(name: string, bytes: Uint8Array): Promise<void>;
  /** A stored file's bytes, or null where there is none. */
  readBytes(name: string): Promise<Buffer | null>;
  /** Reads a stored file as a stream (to hash it, or copy it to a local file). */
  open(name: string): Promise<NodeJS.ReadableStream>;
  remove(name: string): Promise<void>;
  /** Removes what a run cut off part-way left half-written (only one run writes to a target at a time). */
  removeHalfWritten(): Promise<void>;
}
