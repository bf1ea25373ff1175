/** What was dropped, walked: the files inside dropped folders, with their places in them. */

/** A file found in what was dropped, with its place inside a dropped folder ("trip/day 1/a.png"). */
export interface FoundFile {
  file: File;
  path: string;
}

/**
 * The entries of a drop, taken while the drop event lasts (the browser empties the transfer
 * after it). Null when the browser gives none (then `files` is all there is).
 */
export function dropEntries(transfer: DataTransfer): FileSystemEntry[] | null {
  const items = Array.from(transfer.items ?? []).filter((item) => item.kind === 'file');
  const entries = items.map((item) => item.webkitGetAsEntry?.() ?? null);
  return entries.length > 0 && entries.every((entry) => entry !== null) ? (entries as FileSystemEntry[]) : null;
}

const readBatch = (reader: FileSystemDirectoryReader) =>
  new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/**
 * Every file under dropped entries, folders walked recursively (hidden ones left out, as the core's
 * folder import does). `onFound` reports the running total; `stopped` ends the walk early.
 */
export async function walkEntries(
  entries: FileSystemEntry[],
  options: { stopped?: () => boolean; onFound?: (count: number) => void } = {},
): Promise<{ files: FoundFile[]; unreadable: string[] }> {
  const files: FoundFile[] = [];
  const unreadable: string[] = [];
  const walk = async (entry: FileSystemEntry, parent: string): Promise<void> => {
    if (options.stopped?.()) return;
    const path = parent ? `${parent}/${entry.name}` : entry.name;
    try {
      if (entry.isFile) {
        files.push({ file: await fileOf(entry as FileSystemFileEntry), path });
        options.onFound?.(files.length);
      } else if (entry.isDirectory) {
        const reader = (entry as FileSystemDirectoryEntry).createReader();
        // A directory reader answers in batches (100 at a time in Chromium) until an empty one.
        for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
          const sorted = batch.filter((child) => !child.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
          for (const child of sorted) await walk(child, path);
        }
      }
    } catch {
      unreadable.push(path);
    }
  };
  for (const entry of entries) await walk(entry, '');
  return { files, unreadable };
}
