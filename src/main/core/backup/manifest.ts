import * as z from 'zod';

/** The layout of a backup, so a later Holst can tell what it reads. */
export const BACKUP_FORMAT = 1;
/** Marks a target as a Holst backup: written first, before anything else goes there. */
export const MARKER = 'holst-backup.json';
export const OBJECTS = 'objects';
export const SNAPSHOTS = 'snapshots';

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
const StoredFileSchema = z.object({ name: z.string().min(1), sha256: Sha256Schema, size: z.number().int().nonnegative() });
export type StoredFile = z.infer<typeof StoredFileSchema>;

/** One picture's or mask's original, stored once by its content hash whatever the snapshots naming it. */
const ObjectSchema = z.object({
  sha256: Sha256Schema,
  size: z.number().int().nonnegative(),
  ext: z.string().regex(/^[a-z0-9]{1,5}$/),
  kind: z.enum(['image', 'mask']),
});
export type BackupObject = z.infer<typeof ObjectSchema>;

export const MarkerSchema = z.looseObject({ format: z.number().int(), app: z.literal('holst') });

/**
 * A snapshot's manifest: written last, so a snapshot without one was cut off and is not a snapshot.
 * Everything it names is checked against these hashes and sizes by verify and restore.
 */
export const ManifestSchema = z.looseObject({
  format: z.number().int(),
  id: z.string().regex(/^[0-9A-Za-z-]+$/),
  createdAt: z.number().int(),
  /** The Holst that wrote it and the database's schema version: a newer one is refused with both named. */
  holstVersion: z.string(),
  schemaVersion: z.number().int(),
  database: StoredFileSchema,
  settings: StoredFileSchema.nullable(),
  objects: z.array(ObjectSchema),
  counts: z.object({
    images: z.number().int(),
    masks: z.number().int(),
    conversations: z.number().int(),
    messages: z.number().int(),
  }),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const objectName = (object: Pick<BackupObject, 'sha256' | 'ext'>): string =>
  `${OBJECTS}/${object.sha256.slice(0, 2)}/${object.sha256}.${object.ext}`;
export const snapshotFile = (id: string, file: string): string => `${SNAPSHOTS}/${id}/${file}`;

/** A new snapshot's id: its time, sortable, and a few random characters so two never clash. */
export function newSnapshotId(now: number, random: string): string {
  return `${new Date(now).toISOString().replace(/[:.]/g, '-')}-${random}`;
}
