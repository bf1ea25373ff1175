import type { BackupTarget } from './backup-target';
import { ManifestSchema, objectName, OBJECTS, SNAPSHOTS, snapshotFile, type Manifest } from './manifest';

/** The snapshots a target holds, newest first: each a manifest that reads; ones cut off before their manifest, apart. */
export async function readSnapshots(target: BackupTarget): Promise<{ complete: Manifest[]; unreadable: string[]; cutOff: string[] }> {
  const files = await target.list(SNAPSHOTS);
  const ids = new Set<string>();
  for (const name of files.keys()) ids.add(name.split('/')[1]!);
  const complete: Manifest[] = [];
  const unreadable: string[] = [];
  const cutOff: string[] = [];
  for (const id of ids) {
    const name = snapshotFile(id, 'manifest.json');
    if (!files.has(name)) {
      cutOff.push(id);
      continue;
    }
    const manifest = parseManifest(await target.readBytes(name));
    if (manifest && manifest.id === id) complete.push(manifest);
    else unreadable.push(id);
  }
  complete.sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
  return { complete, unreadable, cutOff };
}

export function parseManifest(bytes: Buffer | null): Manifest | null {
  if (!bytes) return null;
  try {
    const read = ManifestSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return read.success ? read.data : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the newest `keep` snapshots (and `current`), removes the rest and the files of runs cut off
 * before their manifest, then removes originals no kept snapshot names. An unreadable manifest is
 * left alone, and while one is there no original is removed (it may name them).
 */
export async function pruneSnapshots(target: BackupTarget, keep: number, current: string): Promise<{ snapshots: number; files: number }> {
  const { complete, unreadable, cutOff } = await readSnapshots(target);
  const kept = complete.filter((manifest, index) => index < keep || manifest.id === current);
  const dropped = [
    ...complete.filter((manifest) => !kept.includes(manifest)).map((manifest) => manifest.id),
    ...cutOff.filter((id) => id !== current),
  ];
  let files = 0;
  const snapshotFiles = await target.list(SNAPSHOTS);
  for (const id of dropped) {
    for (const name of snapshotFiles.keys()) {
      if (name.startsWith(`${SNAPSHOTS}/${id}/`)) {
        await target.remove(name);
        files += 1;
      }
    }
  }
  if (unreadable.length === 0) {
    const named = new Set(kept.flatMap((manifest) => manifest.objects.map(objectName)));
    for (const name of (await target.list(OBJECTS)).keys()) {
      if (!named.has(name)) {
        await target.remove(name);
        files += 1;
      }
    }
  }
  return { snapshots: complete.length - kept.length, files };
}
