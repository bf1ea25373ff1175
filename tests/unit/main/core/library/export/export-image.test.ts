// Writing one export into a folder: a taken name costs only another name (the bytes are built once),
// nothing is replaced, and a real failure is told as it is; flushing errors name what was being saved.
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImageRecord } from '../../../../../../src/shared/library';
import type { AppCore } from '../../../../../../src/main/core/app-core';
import { exportImageUnique, numberedName } from '../../../../../../src/main/core/library/export/export-image';
import { exportFileName } from '../../../../../../src/main/core/library/export/export-name';
import { syncFile } from '../../../../../../src/main/core/library/ingest/receive-bytes';
import { ZipWriter } from '../../../../../../src/main/core/library/export/zip-writer';
import { openTestCore } from '../../../../../support/core';
import { solidImage } from '../../../../../support/images';
import { removeTempDirs, tempDir } from '../../../../../support/temp-dir';

afterAll(removeTempDirs);

let core: AppCore;
let image: ImageRecord;
let original: Buffer;

beforeEach(async () => {
  core = await openTestCore();
  original = await solidImage(7, 'png', 40, 30);
  ({ image } = await core.library.ingest({ bytes: original }, { source: 'generated', prompt: 'a lighthouse', provider: 'givon' }));
});
afterEach(() => {
  vi.restoreAllMocks();
  core.close();
});

/** A folder whose first `taken` names for the image already hold files of someone else's. */
async function folderWithTaken(taken: number): Promise<string> {
  const dir = await tempDir();
  for (let n = 1; n <= taken; n++) await fs.writeFile(path.join(dir, numberedName(exportFileName(image), n)), `mine ${n}`);
  return dir;
}

const readsOfOriginal = (reads: { mock: { calls: unknown[][] } }) =>
  reads.mock.calls.filter(([file]) => file === core.library.originalPath(image)).length;

describe('exportImageUnique', () => {
  it('reads and embeds once, and writes the picture under the first free name when the first names are taken', async () => {
    const dir = await folderWithTaken(3);
    const reads = vi.spyOn(fs, 'readFile');
    const written = await exportImageUnique(core.library, image, dir);
    expect(readsOfOriginal(reads)).toBe(1);
    expect(written).toBe(path.join(dir, numberedName(exportFileName(image), 4)));
    const bytes = await fs.readFile(written);
    expect(bytes.includes(Buffer.from('holst:prompt\0\0\0\0\0a lighthouse', 'utf8'))).toBe(true);
    const [a, b] = await Promise.all([sharp(bytes).raw().toBuffer(), sharp(original).raw().toBuffer()]);
    expect(Buffer.compare(a, b)).toBe(0);
    for (let n = 1; n <= 3; n++)
      expect(await fs.readFile(path.join(dir, numberedName(exportFileName(image), n)), 'utf8')).toBe(`mine ${n}`);
    expect(await fs.readdir(dir)).toHaveLength(4);
  });

  it('plain: a byte copy under the first free name', async () => {
    const dir = await folderWithTaken(2);
    const written = await exportImageUnique(core.library, image, dir, { plain: true });
    expect(path.basename(written)).toBe(numberedName(exportFileName(image), 3));
    expect(Buffer.compare(await fs.readFile(written), original)).toBe(0);
  });

  it('a failure other than a taken name is thrown as it is, after one try, with nothing written', async () => {
    const file = path.join(await tempDir(), 'a-file');
    await fs.writeFile(file, 'mine');
    for (const plain of [false, true]) {
      const opens = vi.spyOn(fs, 'open');
      const copies = vi.spyOn(fs, 'copyFile');
      const failed = exportImageUnique(core.library, image, path.join(file, 'inside'), { plain });
      await expect(failed).rejects.toMatchObject({
        code: 'storage',
        message: expect.stringContaining(`Could not export image ${image.id}`),
      });
      expect(opens.mock.calls.length + copies.mock.calls.length).toBe(1);
      vi.restoreAllMocks();
    }
    await fs.rm(core.library.originalPath(image));
    const dir = await tempDir();
    await expect(exportImageUnique(core.library, image, dir)).rejects.toMatchObject({
      code: 'storage',
      message: expect.stringContaining(`Could not read image ${image.id}`),
    });
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe('syncFile, shared by ingest and the ZIP writer', () => {
  it('says what could not be saved: the image by default, the ZIP by its path', async () => {
    const missing = path.join(await tempDir(), 'gone.part');
    await expect(syncFile(missing)).rejects.toMatchObject({
      code: 'storage',
      message: expect.stringContaining('Cannot save the image to disk'),
    });

    const dir = await tempDir();
    const target = path.join(dir, 'pictures.zip');
    const zip = await ZipWriter.open(target);
    await zip.add('a.png', original, new Date());
    // The temp file vanishes before the flush: the error names the ZIP, and nothing is left.
    await fs.rm(zip.temp);
    await expect(zip.finish()).rejects.toMatchObject({
      code: 'storage',
      message: expect.stringContaining(`Cannot save ${target} to disk`),
    });
    expect(await fs.readdir(dir)).toEqual([]);
  });
});
