// Bulk export (`library.exportMany`) to a folder and to a ZIP, read back by independent readers:
// exiftool (Debian's libimage-exiftool-perl) for the embedded prompt, Python's zipfile for the ZIP.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportProgress } from '../../../../../../src/shared/library';
import type { AppCore } from '../../../../../../src/main/core/app-core';
import { exportMany } from '../../../../../../src/main/core/library/export/export-job';
import { allowFolders, call, openTestCore } from '../../../../../support/core';
import { solidImage } from '../../../../../support/images';
import { removeTempDirs, tempDir } from '../../../../../support/temp-dir';

const run = promisify(execFile);
afterAll(removeTempDirs);

const PROMPTS = { png: 'Маяк на рассвете', jpeg: 'A fox & a "cat" <together>', webp: 'Lemons: on a blue table?' };
let core: AppCore;
let originals: Buffer[];
const day = new Date().toISOString().slice(0, 10);
const NAMES = [`${day}_mayak-na-rassvete_1.png`, `${day}_a-fox-a-cat-together_2.jpg`, `${day}_lemons-on-a-blue-table_3.webp`];

beforeEach(async () => {
  core = await openTestCore();
  // The harness has no dialogs: typed targets only where the user allows them (the settings file).
  await allowFolders(core, [os.tmpdir()]);
  originals = [];
  let seed = 1;
  for (const [format, prompt] of Object.entries(PROMPTS)) {
    const bytes = await solidImage(seed++, format as keyof typeof PROMPTS, 40, 30);
    originals.push(bytes);
    await core.library.ingest({ bytes }, { source: 'generated', prompt, provider: 'givon', model: 'nano-banana', params: { n: 1 } });
  }
  const photo = await solidImage(seed, 'png', 20, 20);
  originals.push(photo);
  await core.library.ingest({ bytes: photo }, { source: 'imported', originalName: 'photo.png' });
});
afterEach(() => core.close());

/** Starts an export through the IPC handler and collects its progress events until the final one. */
async function exportThroughIpc(input: Parameters<typeof call<'library.exportMany'>>[2]): Promise<ExportProgress[]> {
  const events: ExportProgress[] = [];
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const unsubscribe = core.events.subscribe((name, payload) => {
    if (name !== 'library.exportProgress') return;
    events.push(payload as ExportProgress);
    if ((payload as ExportProgress).finished) finish();
  });
  const started = await call(core, 'library.exportMany', input);
  expect(started).toMatchObject({ ok: true, value: { jobId: expect.any(String) } });
  await finished;
  unsubscribe();
  return events;
}

/** What exiftool reads from a file, by group and tag. */
async function exiftool(file: string): Promise<Record<string, unknown>> {
  const { stdout } = await run('exiftool', ['-j', '-G1', '-struct', file]);
  return (JSON.parse(stdout) as Array<Record<string, unknown>>)[0]!;
}

/** The ZIP's entries as Python's zipfile reads them: name, stored size, compression method, bytes as base64. */
async function unzip(file: string): Promise<Array<{ name: string; size: number; method: number; data: Buffer }>> {
  const script = [
    'import base64, json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    'print(json.dumps([{"name": i.filename, "size": i.file_size, "method": i.compress_type, "data": base64.b64encode(z.read(i)).decode()} for i in z.infolist()]))',
  ].join('\n');
  const { stdout } = await run('python3', ['-c', script, file], { maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(stdout) as Array<{ name: string; size: number; method: number; data: string }>).map((e) => ({
    ...e,
    data: Buffer.from(e.data, 'base64'),
  }));
}

async function samePixels(a: Buffer, b: Buffer): Promise<boolean> {
  const [x, y] = await Promise.all([sharp(a).raw().toBuffer(), sharp(b).raw().toBuffer()]);
  return x.length > 0 && Buffer.compare(x, y) === 0;
}

describe('bulk export to a folder', () => {
  it('writes readable names with the prompt embedded, as exiftool reads it, and reports done/total', async () => {
    const out = path.join(await tempDir(), 'new folder');
    const events = await exportThroughIpc({ selection: { ids: [1, 2, 3, 4] }, to: out, format: 'folder' });
    const last = events.at(-1)!;
    expect(last).toMatchObject({ finished: true, done: 4, total: 4, path: out, failures: [] });
    expect(events[0]).toMatchObject({ done: 0, total: 4, finished: false });
    expect((await fs.readdir(out)).sort()).toEqual([...NAMES, `${day}_image_4.png`].sort());

    const png = await exiftool(path.join(out, NAMES[0]!));
    expect(png).toMatchObject({
      'PNG:Description': PROMPTS.png,
      'PNG:Holstprompt': PROMPTS.png,
      'PNG:Holstprovider': 'givon',
      'PNG:Holstmodel': 'nano-banana',
      'PNG:Holstparams': '{"n":1}',
      'PNG:Holstid': 1,
    });
    for (const [i, name] of NAMES.slice(1).entries()) {
      const prompt = i === 0 ? PROMPTS.jpeg : PROMPTS.webp;
      expect(await exiftool(path.join(out, name))).toMatchObject({
        'XMP-dc:Description': prompt,
        'XMP-holst:Prompt': prompt,
        'XMP-holst:Provider': 'givon',
        'XMP-holst:Model': 'nano-banana',
        'XMP-holst:Params': '{"n":1}',
        'XMP-holst:Id': i + 2,
      });
    }
    for (const [i, name] of [...NAMES, `${day}_image_4.png`].entries()) {
      expect(await samePixels(await fs.readFile(path.join(out, name)), originals[i]!)).toBe(true);
    }
  });

  it('never overwrites: a taken name gets _2, and overwrite replaces only when asked', async () => {
    const out = await tempDir();
    await fs.writeFile(path.join(out, NAMES[0]!), 'mine');
    const first = (await exportThroughIpc({ selection: { ids: [1] }, to: out, format: 'folder' })).at(-1)!;
    expect(first).toMatchObject({ done: 1, failures: [] });
    expect(await fs.readFile(path.join(out, NAMES[0]!), 'utf8')).toBe('mine');
    const second = NAMES[0]!.replace('.png', '_2.png');
    expect((await exiftool(path.join(out, second)))['PNG:Description']).toBe(PROMPTS.png);

    await exportThroughIpc({ selection: { ids: [1] }, to: out, format: 'folder' });
    expect((await fs.readdir(out)).sort()).toEqual([NAMES[0], second, NAMES[0]!.replace('.png', '_3.png')].sort());

    await exportThroughIpc({ selection: { ids: [1] }, to: out, format: 'folder', overwrite: true });
    expect((await exiftool(path.join(out, NAMES[0]!)))['PNG:Description']).toBe(PROMPTS.png);
    expect(await fs.readdir(out)).toHaveLength(3);
  });

  it('exports a view less its exceptions (images never loaded by a window included)', async () => {
    const out = await tempDir();
    const last = (await exportThroughIpc({ selection: { view: { source: 'generated' }, except: [2] }, to: out, format: 'folder' })).at(-1)!;
    expect(last).toMatchObject({ done: 2, total: 2 });
    expect((await fs.readdir(out)).sort()).toEqual([NAMES[0], NAMES[2]].sort());
  });

  it('reports each image it could not write with the reason, and goes on with the rest', async () => {
    const out = await tempDir();
    await fs.rm(core.library.originalPath(core.library.require(2)));
    const last = (await exportThroughIpc({ selection: { ids: [1, 2, 99, 3] }, to: out, format: 'folder' })).at(-1)!;
    expect(last).toMatchObject({ finished: true, done: 4, total: 4 });
    expect(last.failures!.map((f) => f.id)).toEqual([2, 99]);
    expect(last.failures![0]!.reason).toContain('image 2');
    expect(last.failures![1]!.reason).toContain('no image 99');
    expect((await fs.readdir(out)).sort()).toEqual([NAMES[0], NAMES[2]].sort());
  });
});

describe('bulk export to a ZIP', () => {
  it('stores every picture, unchanged but for its metadata, in a ZIP that Python reads back', async () => {
    const dir = await tempDir();
    const zip = path.join(dir, 'pictures.zip');
    const last = (await exportThroughIpc({ selection: { view: {}, except: [] }, to: zip, format: 'zip' })).at(-1)!;
    expect(last).toMatchObject({ finished: true, done: 4, total: 4, path: zip, failures: [] });
    expect(await fs.readdir(dir)).toEqual(['pictures.zip']);
    const entries = await unzip(zip);
    // Newest first, as the library lists them; stored (method 0), since pictures are compressed already.
    expect(entries.map((e) => e.name)).toEqual([`${day}_image_4.png`, ...[...NAMES].reverse()]);
    expect(entries.every((e) => e.method === 0)).toBe(true);
    const folder = path.join(dir, 'folder');
    await exportThroughIpc({ selection: { view: {}, except: [] }, to: folder, format: 'folder' });
    for (const entry of entries) {
      expect(Buffer.compare(entry.data, await fs.readFile(path.join(folder, entry.name)))).toBe(0);
    }
    // exiftool reads the prompt from the file as it came out of the ZIP.
    const fromZip = path.join(dir, 'from-zip.jpg');
    await fs.writeFile(fromZip, entries.find((e) => e.name.endsWith('.jpg'))!.data);
    expect((await exiftool(fromZip))['XMP-dc:Description']).toBe(PROMPTS.jpeg);
    expect(Buffer.compare(entries[0]!.data, originals[3]!)).toBe(0);
  });

  it('never replaces an existing ZIP unless asked: the new one takes a free _2 name', async () => {
    const dir = await tempDir();
    const zip = path.join(dir, 'pictures.zip');
    await fs.writeFile(zip, 'mine');
    const last = (await exportThroughIpc({ selection: { ids: [3] }, to: zip, format: 'zip' })).at(-1)!;
    expect(last.path).toBe(path.join(dir, 'pictures_2.zip'));
    expect(await fs.readFile(zip, 'utf8')).toBe('mine');
    expect((await unzip(last.path!)).map((e) => e.name)).toEqual([NAMES[2]]);
    const replaced = (await exportThroughIpc({ selection: { ids: [3] }, to: zip, format: 'zip', overwrite: true })).at(-1)!;
    expect(replaced.path).toBe(zip);
    expect((await unzip(zip)).map((e) => e.name)).toEqual([NAMES[2]]);
  });

  it('cancelled half-way, leaves no ZIP and no temp file behind', async () => {
    const dir = await tempDir();
    const zip = path.join(dir, 'pictures.zip');
    const controller = new AbortController();
    const outcome = await exportMany(
      core.library,
      [1, 2, 3, 4],
      { to: zip, format: 'zip' },
      {
        signal: controller.signal,
        onProgress: (done) => {
          if (done === 2) controller.abort();
        },
      },
    );
    expect(outcome).toMatchObject({ cancelled: true, done: 2, total: 4, path: null });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('cancel through IPC ends the job with `cancelled`', async () => {
    const dir = await tempDir();
    const events: ExportProgress[] = [];
    const done = new Promise<void>((resolve) =>
      core.events.subscribe((name, payload) => {
        if (name !== 'library.exportProgress') return;
        events.push(payload as ExportProgress);
        if ((payload as ExportProgress).finished) resolve();
      }),
    );
    const started = await call(core, 'library.exportMany', {
      selection: { ids: [1, 2, 3, 4] },
      to: path.join(dir, 'a.zip'),
      format: 'zip',
    });
    if (!started.ok) throw new Error(started.error.message);
    // Cancelled before the first picture is read: the job stops between files.
    await call(core, 'library.cancelExport', { jobId: started.value.jobId! });
    await done;
    expect(events.at(-1)).toMatchObject({ finished: true, cancelled: true, path: null });
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe('what exportMany refuses', () => {
  it('a relative path, a folder as the ZIP, an empty selection, an unknown tag; without a path it needs the desktop app', async () => {
    const dir = await tempDir();
    const refusals: Array<[Parameters<typeof call<'library.exportMany'>>[2], string, string]> = [
      [{ selection: { ids: [1] }, to: 'relative/out', format: 'folder' }, 'invalid_input', 'to'],
      [{ selection: { ids: [1] }, to: dir, format: 'zip' }, 'invalid_input', 'to'],
      [{ selection: { view: { query: 'nothing-like-this' }, except: [] }, to: dir, format: 'folder' }, 'invalid_input', 'selection'],
      [{ selection: { view: { tag: 'no-such-tag' }, except: [] }, to: dir, format: 'folder' }, 'invalid_input', 'tag'],
      [{ selection: { ids: [1] }, format: 'zip' }, 'config', 'to'],
    ];
    for (const [input, code, field] of refusals) {
      const result = await call(core, 'library.exportMany', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code, field } });
    }
    expect(await fs.readdir(dir)).toEqual([]);
    expect(await call(core, 'library.startDragMany', { ids: [1, 2] })).toMatchObject({
      ok: false,
      error: { code: 'config', message: expect.stringContaining('desktop app') },
    });
  });
});
