// `holst library trash|restore|favorite|tag|untag` by ids or by filters, as a user runs them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHolst } from '../../support/cli';
import { solidImage } from '../../support/images';
import { testKeychainService } from '../../support/keychain';
import { withLibrary } from '../../support/seed-library';
import { removeTempDirs, tempDir } from '../../support/temp-dir';

const env = { HOLST_KEYCHAIN_SERVICE: testKeychainService() };
let dataDir = '';

beforeAll(async () => {
  dataDir = await tempDir();
  await withLibrary(dataDir, async (library) => {
    for (let i = 1; i <= 6; i++)
      await library.ingest(
        { bytes: await solidImage(i + 40) },
        { source: 'generated', prompt: i % 2 ? `a red fox ${i}` : `a lighthouse ${i}`, provider: 'givon' },
      );
  });
});
afterAll(removeTempDirs);

const holst = (...args: string[]) => runHolst(['--data-dir', dataDir, '--json', 'library', ...args], { env });
const listed = async (...filters: string[]) =>
  ((await holst('list', ...filters)).json() as { items: Array<{ id: number }> }).items.map((i) => i.id);

describe('holst library bulk commands', () => {
  it('trashes by id and restores by filter, printing how many changed', async () => {
    expect((await holst('trash', '1', '--ids', '2,3')).json()).toEqual({ count: 3 });
    expect(await listed('--trash')).toEqual([3, 2, 1]);
    // Restore's filters choose among the trash: the foxes (1 and 3) only.
    expect((await holst('restore', '--query', 'fox')).json()).toEqual({ count: 2 });
    expect(await listed('--trash')).toEqual([2]);
    const text = await runHolst(['--data-dir', dataDir, 'library', 'restore', '2'], { env });
    expect(text.stdout.trim()).toBe('1 image changed');
  });

  it('tags and untags by filter or id, and sets favourites', async () => {
    expect((await holst('tag', 'sea', '--query', 'lighthouse')).json()).toEqual({ count: 3 });
    expect(await listed('--tag', 'SEA')).toEqual([6, 4, 2]);
    expect((await holst('untag', 'Sea', '4')).json()).toEqual({ count: 1 });
    expect(await listed('--tag', 'sea')).toEqual([6, 2]);
    expect((await holst('favorite', '--ids', '1,2')).json()).toEqual({ count: 2 });
    expect((await holst('favorite', '--off', '1')).json()).toEqual({ count: 1 });
    expect(await listed('--favourites')).toEqual([2]);
  });

  it('refuses what does not say which images, or says it twice', async () => {
    for (const [args, says] of [
      [['trash'], 'Say which images'],
      [['trash', '1', '--query', 'fox'], 'not both'],
      [['tag'], 'Name the tag'],
      [['trash', '--tag', 'mountains'], 'no tag "mountains"'],
      [['trash', 'x1'], '"x1"'],
      [['restore', '--off', '1'], '--off'],
    ] as const) {
      const run = await holst(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.json(), args.join(' ')).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining(says) } });
    }
    expect(await listed('--trash')).toEqual([]);
  });
});
