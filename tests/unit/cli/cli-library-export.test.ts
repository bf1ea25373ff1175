// `holst library export` to files and folders: readable names, the prompt embedded, nothing overwritten unasked
// (in a folder a taken name gets `_2`, as the app's bulk export does).
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { runHolst } from '../../support/cli';
import { solidImage } from '../../support/images';
import { testKeychainService } from '../../support/keychain';
import { withLibrary } from '../../support/seed-library';
import { removeTempDirs, tempDir } from '../../support/temp-dir';

const env = { HOLST_KEYCHAIN_SERVICE: testKeychainService() };
afterAll(removeTempDirs);

interface ExportRun {
  results: Array<{ id: number; status: string; path?: string; reason?: string }>;
  exported: number;
  failed: number;
}

const PROMPTS = { png: 'Маяк на рассвете', jpeg: 'A fox & a "cat" <together>', webp: 'Lemons: on a blue table?', gif: 'a tiny gif' };

/** A library with one generated image per format (ids 1-4 in PROMPTS order) and one imported photo (id 5). */
async function seeded(): Promise<{ dataDir: string; originals: Buffer[] }> {
  const dataDir = await tempDir();
  const originals: Buffer[] = [];
  await withLibrary(dataDir, async (library) => {
    let seed = 1;
    for (const [format, prompt] of Object.entries(PROMPTS)) {
      const bytes = await solidImage(seed++, format as keyof typeof PROMPTS, 40, 30);
      originals.push(bytes);
      await library.ingest(
        { bytes },
        { source: 'generated', prompt, provider: 'givon', model: format === 'webp' ? 'gpt-image-2' : 'nano-banana', params: { n: 1 } },
      );
    }
    const photo = await solidImage(seed, 'png', 20, 20);
    originals.push(photo);
    await library.ingest({ bytes: photo }, { source: 'imported', originalName: 'photo.png' });
  });
  return { dataDir, originals };
}

const holst = (dataDir: string, ...args: string[]) => runHolst(['--data-dir', dataDir, '--json', 'library', 'export', ...args], { env });

describe('holst library export', () => {
  it('exports --ids into a folder with readable names and the prompt embedded, pixels unchanged', async () => {
    const { dataDir, originals } = await seeded();
    const out = path.join(await tempDir(), 'new folder');
    const run = await holst(dataDir, '--ids', '1,2,3,4,5', '--to', out);
    expect(run.code).toBe(0);
    const result = run.json() as ExportRun;
    expect(result).toMatchObject({ exported: 5, failed: 0 });
    expect(result).not.toHaveProperty('skipped');
    const day = new Date().toISOString().slice(0, 10);
    expect(result.results.map((r) => path.basename(r.path!))).toEqual([
      `${day}_mayak-na-rassvete_1.png`,
      `${day}_a-fox-a-cat-together_2.jpg`,
      `${day}_lemons-on-a-blue-table_3.webp`,
      `${day}_a-tiny-gif_4.gif`,
      `${day}_image_5.png`,
    ]);
    const files = result.results.map((r) => r.path!);
    expect((await fs.readdir(out)).sort()).toEqual(files.map((f) => path.basename(f)).sort());
    const png = await fs.readFile(files[0]!);
    expect(png.includes(Buffer.from(`holst:prompt\0\0\0\0\0${PROMPTS.png}`, 'utf8'))).toBe(true);
    for (const i of [1, 2]) {
      const xmp = (await sharp(await fs.readFile(files[i]!)).metadata()).xmp?.toString('utf8') ?? '';
      expect(xmp).toContain('<holst:provider>givon</holst:provider>');
    }
    expect((await sharp(await fs.readFile(files[1]!)).metadata()).xmp?.toString('utf8')).toContain(
      'A fox &amp; a &quot;cat&quot; &lt;together&gt;',
    );
    // GIF carries nothing, and an imported photo without a prompt is an exact copy.
    expect(Buffer.compare(await fs.readFile(files[3]!), originals[3]!)).toBe(0);
    expect(Buffer.compare(await fs.readFile(files[4]!), originals[4]!)).toBe(0);
    for (const [i, file] of files.entries()) {
      const [a, b] = await Promise.all([sharp(file).raw().toBuffer(), sharp(originals[i]!).raw().toBuffer()]);
      expect(Buffer.compare(a, b)).toBe(0);
    }
  });

  it('never overwrites in a folder: a taken name gets _2 as in the app, --force replaces; reports each file', async () => {
    const { dataDir, originals } = await seeded();
    const out = await tempDir();
    const first = (await holst(dataDir, '--ids', '1,2', '--to', out)).json() as ExportRun;
    const [mine, fox] = first.results.map((r) => r.path!);
    await fs.writeFile(mine!, 'mine');
    const again = await holst(dataDir, '--ids', '2,1,99', '--to', out);
    expect(again.code).toBe(0);
    const result = again.json() as ExportRun;
    expect(result).toMatchObject({ exported: 2, failed: 1 });
    expect(result.results.map((r) => [r.id, r.status, r.path])).toEqual([
      [2, 'exported', fox!.replace('.jpg', '_2.jpg')],
      [1, 'exported', mine!.replace('.png', '_2.png')],
      [99, 'failed', undefined],
    ]);
    expect(result.results[2]!.reason).toContain('no image 99');
    expect(await fs.readFile(mine!, 'utf8')).toBe('mine');
    expect((await sharp(await fs.readFile(result.results[1]!.path!)).metadata()).width).toBe(40);

    const forced = (await holst(dataDir, '--ids', '1,2', '--to', out, '--force')).json() as ExportRun;
    expect(forced).toMatchObject({ exported: 2, failed: 0 });
    expect(forced.results.map((r) => r.path)).toEqual([mine, fox]);
    expect(await fs.readdir(out)).toHaveLength(4);
    // --plain into a folder: byte copies, and a taken name still gets _2.
    const plain = (await holst(dataDir, '--ids', '2', '--to', out, '--plain')).json() as ExportRun;
    expect(plain.results[0]!.path).toBe(fox!.replace('.jpg', '_3.jpg'));
    expect(Buffer.compare(await fs.readFile(plain.results[0]!.path!), originals[1]!)).toBe(0);
  });

  it('refuses a --to for many images that is a file, once, writing nothing', async () => {
    const { dataDir } = await seeded();
    const file = path.join(await tempDir(), 'not-a-folder');
    await fs.writeFile(file, 'mine');
    const run = await holst(dataDir, '--ids', '1,2', '--to', file);
    expect(run.code).toBe(7);
    expect(run.json()).toEqual({ error: { code: 'storage', message: expect.stringContaining('not a folder') } });
    expect(await fs.readFile(file, 'utf8')).toBe('mine');
  });

  it('chooses images by --query and the list filters', async () => {
    const { dataDir } = await seeded();
    const byQuery = (await holst(dataDir, '--query', 'lemons', '--to', await tempDir())).json() as ExportRun;
    expect(byQuery.results.map((r) => r.id)).toEqual([3]);
    const byModel = (await holst(dataDir, '--model', 'nano-banana', '--to', await tempDir())).json() as ExportRun;
    expect(byModel.results.map((r) => r.id)).toEqual([4, 2, 1]);
    const imported = (await holst(dataDir, '--source', 'imported', '--to', await tempDir())).json() as ExportRun;
    expect(imported.results.map((r) => r.id)).toEqual([5]);
    const none = await holst(dataDir, '--query', 'nothing-like-this', '--to', await tempDir());
    expect(none.code).toBe(0);
    expect(none.json()).toMatchObject({ results: [], exported: 0 });
  });

  it('keeps the single-file form: the prompt embedded, or a byte copy with --plain; into a folder when --to is one', async () => {
    const { dataDir, originals } = await seeded();
    const dir = await tempDir();
    const file = path.join(dir, 'fox.jpg');
    expect((await holst(dataDir, '2', '--to', file)).json()).toEqual({ path: file });
    expect((await sharp(await fs.readFile(file)).metadata()).xmp?.toString('utf8')).toContain('<holst:id>2</holst:id>');
    expect((await holst(dataDir, '2', '--to', file)).code).toBe(2);
    const plain = await holst(dataDir, '2', '--to', file, '--plain', '--force');
    expect(plain.json()).toEqual({ path: file });
    expect(Buffer.compare(await fs.readFile(file), originals[1]!)).toBe(0);
    const intoFolder = (await holst(dataDir, '1', '--to', dir)).json() as ExportRun;
    expect(intoFolder.results[0]!.path).toMatch(/_mayak-na-rassvete_1\.png$/);
  });

  it('refuses unclear requests with invalid_input naming the flag, writing nothing', async () => {
    const { dataDir } = await seeded();
    const to = await tempDir();
    const cases: Array<[string[], string]> = [
      [['--ids', '1,x', '--to', to], '--ids'],
      [['--ids', '1', '--query', 'fox', '--to', to], '--ids'],
      [['--to', to], 'which images'],
      [['abc', '--to', to], 'not an image id'],
      [['--ids', '1'], '--to'],
      [['--source', 'stolen', '--to', to], '--source'],
      [['--ids', '1', '--to', to, '--colour', 'red'], 'colour'],
    ];
    for (const [args, named] of cases) {
      const run = await holst(dataDir, ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.json()).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining(named) } });
    }
    expect(await fs.readdir(to)).toEqual([]);
  });
});
