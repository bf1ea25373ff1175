import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HolstError } from '../../../../../src/shared/errors';
import { SettingsStore } from '../../../../../src/main/core/settings/settings-store';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

const provider = { id: 'giga', kind: 'gigachat', baseUrl: 'https://gigachat.example/api/v1' } as const;

describe('SettingsStore', () => {
  it('starts with defaults when there is no file, and writes nothing until a change', async () => {
    const dir = await tempDir();
    const { store, report } = await SettingsStore.open(dir, 'recover');
    expect(store.get()).toEqual({
      version: 1,
      providers: [],
      appearance: { theme: 'system', language: 'system' },
      library: { maxImageBytes: 100 * 1024 * 1024, saveFolder: null, allowedFolders: [] },
      network: { connectTimeoutSec: 15, responseTimeoutSec: 120 },
      queue: { maxConcurrent: 6 },
    });
    expect(report.recoveredFrom).toBeUndefined();
    await expect(fs.access(path.join(dir, 'settings.json'))).rejects.toThrow();
  });

  it('writes changes atomically: valid JSON on disk, no temp files left, reopened as written', async () => {
    const dir = await tempDir();
    const { store } = await SettingsStore.open(dir, 'recover');
    await Promise.all([
      store.update((s) => ({ ...s, providers: [provider] })),
      store.update((s) => ({ ...s, appearance: { ...s.appearance, theme: 'dark' } })),
    ]);
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8'));
    expect(onDisk.providers).toEqual([provider]);
    expect(onDisk.appearance.theme).toBe('dark');
    const reopened = await SettingsStore.open(dir, 'fail');
    expect(reopened.store.get()).toEqual(store.get());
    if (process.platform !== 'win32') expect((await fs.stat(path.join(dir, 'settings.json'))).mode & 0o777).toBe(0o600);
  });

  it('keeps a corrupt file aside, restores defaults and reports it (app policy)', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    await fs.writeFile(file, '{"providers": [');
    const { store, report } = await SettingsStore.open(dir, 'recover');
    expect(store.get().providers).toEqual([]);
    expect(report.recoveredFrom?.reason).toMatch(/not valid JSON/);
    // The notice the app raises, as a sentence of the core's catalogue for the window's language.
    expect(report.recoveredFrom?.notice).toMatchObject({
      key: 'settingsRecoveredNotJson',
      params: { backupFile: report.recoveredFrom!.backupFile },
    });
    expect(report.recoveredFrom?.notice.message).toMatch(
      /^Your settings file could not be read \(it is not valid JSON \(.+\)\)\. It was kept as /,
    );
    const backup = report.recoveredFrom!.backupFile;
    expect(path.dirname(backup)).toBe(dir);
    expect(await fs.readFile(backup, 'utf8')).toBe('{"providers": [');
    expect(JSON.parse(await fs.readFile(file, 'utf8')).providers).toEqual([]);
  });

  it('treats a file that fails the schema like a corrupt one, naming the field', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify({ providers: [{ ...provider, baseUrl: 'ftp://x' }] }));
    const { report } = await SettingsStore.open(dir, 'recover');
    expect(report.recoveredFrom?.reason).toContain('providers.0.baseUrl');
    expect(report.recoveredFrom?.notice).toMatchObject({ key: 'settingsRecoveredInvalid', params: { field: 'providers.0.baseUrl' } });
  });

  it('refuses a bad file with a config error and leaves it untouched (CLI policy)', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    await fs.writeFile(file, 'not json');
    const error = await SettingsStore.open(dir, 'fail').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HolstError);
    expect((error as HolstError).code).toBe('config');
    expect((error as HolstError).message).toContain(file);
    expect((error as HolstError).said).toMatchObject({ key: 'settingsFileNotJson', params: { file } });
    expect(await fs.readFile(file, 'utf8')).toBe('not json');
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  });

  it('keeps unknown top-level keys that a newer version may have written', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify({ version: 1, futureFeature: { on: true } }));
    const { store } = await SettingsStore.open(dir, 'fail');
    await store.update((s) => ({ ...s, appearance: { ...s.appearance, theme: 'light' } }));
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8'));
    expect(onDisk.futureFeature).toEqual({ on: true });
  });

  it('rejects an invalid change with invalid_input and keeps the previous settings', async () => {
    const dir = await tempDir();
    const { store } = await SettingsStore.open(dir, 'recover');
    await store.update((s) => ({ ...s, providers: [provider] }));
    const error = await store.update((s) => ({ ...s, providers: [provider, provider] })).catch((e: unknown) => e);
    expect((error as HolstError).code).toBe('invalid_input');
    expect((error as HolstError).message).toBe('These settings are not valid: "providers.1.id": duplicate provider id "giga"');
    expect(error).toMatchObject({ field: 'providers.1.id', said: { key: 'settingsInvalid', params: { field: 'providers.1.id' } } });
    expect(store.get().providers).toHaveLength(1);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')).providers).toHaveLength(1);
  });

  it('notifies listeners after a change is saved', async () => {
    const dir = await tempDir();
    const { store } = await SettingsStore.open(dir, 'recover');
    const seen: string[] = [];
    store.onChange((s) => seen.push(s.appearance.theme));
    await store.update((s) => ({ ...s, appearance: { ...s.appearance, theme: 'dark' } }));
    expect(seen).toEqual(['dark']);
  });
});
