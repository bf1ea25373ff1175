// The lines `npm start` and `npm run demo` print before the app's own follow the app's language
// setting in the data folder they run on, and the system's language where the setting says 'system'
// or cannot be read (scripts/launch-language.mjs).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { languageSetting, launchDataDir, launchLanguage, resolveLaunchLanguage } from '../../../scripts/launch-language.mjs';
import { systemLanguagesFromEnv } from '../../../src/main/core/i18n/main-text';
import { resolveDataDir } from '../../../src/main/core/paths/data-dir';
import { resolveLanguage } from '../../../src/shared/i18n';
import { removeTempDirs, tempDir } from '../../support/temp-dir';

afterAll(removeTempDirs);

const noLocale = { LC_ALL: '', LC_MESSAGES: '', LANG: '', LANGUAGE: '' };

async function folderWith(settings: string | undefined): Promise<string> {
  const dir = await tempDir();
  if (settings !== undefined) await fs.writeFile(path.join(dir, 'settings.json'), settings);
  return dir;
}

describe('the launch lines’ language', () => {
  it('is the app’s own choice between setting and system, for every case the app tells apart', () => {
    const settings = [undefined, '', 'system', 'en', 'ru', 'ru-RU', 'de', 'RU'];
    const envs = [
      noLocale,
      { ...noLocale, LANG: 'ru_RU.UTF-8' },
      { ...noLocale, LANG: 'en_US.UTF-8' },
      { ...noLocale, LC_ALL: 'C', LANG: 'ru_RU.UTF-8' },
      { ...noLocale, LC_MESSAGES: 'en_GB.UTF-8', LANG: 'ru_RU.UTF-8' },
      { ...noLocale, LANG: 'de_DE.UTF-8', LANGUAGE: 'ru:en' },
    ];
    for (const setting of settings)
      for (const env of envs)
        expect(resolveLaunchLanguage(setting, env), `${setting} ${JSON.stringify(env)}`).toBe(
          resolveLanguage(setting, systemLanguagesFromEnv(env)),
        );
  });

  it('reads the data folder the app will open: --data-dir, then HOLST_DATA_DIR, then the default', () => {
    const cases: { argv: string[]; env: NodeJS.ProcessEnv }[] = [
      { argv: ['--data-dir', '/tmp/a'], env: { HOLST_DATA_DIR: '/tmp/b' } },
      { argv: ['--data-dir=/tmp/c'], env: {} },
      { argv: ['--data-dir', 'relative/dir'], env: {} },
      { argv: [], env: { HOLST_DATA_DIR: '/tmp/b' } },
      { argv: [], env: { XDG_CONFIG_HOME: '/tmp/config' } },
      { argv: [], env: { HOME: process.env.HOME } },
    ];
    for (const { argv, env } of cases) expect(launchDataDir(argv, env)).toBe(resolveDataDir({ argv, env }));
  });

  it('follows the folder’s setting over the environment, and the environment where the setting says system', async () => {
    const ru = await folderWith(JSON.stringify({ version: 1, appearance: { language: 'ru' } }));
    const en = await folderWith(JSON.stringify({ version: 1, appearance: { language: 'en', theme: 'dark' } }));
    const system = await folderWith(JSON.stringify({ version: 1, appearance: { language: 'system' } }));
    expect(launchLanguage(['--data-dir', ru], { ...noLocale, LANG: 'en_US.UTF-8' })).toBe('ru');
    expect(launchLanguage(['--data-dir', en], { ...noLocale, LANG: 'ru_RU.UTF-8' })).toBe('en');
    expect(launchLanguage(['--data-dir', system], { ...noLocale, LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(launchLanguage(['--data-dir', system], { ...noLocale, LANG: 'en_US.UTF-8' })).toBe('en');
    // no --data-dir: the folder HOLST_DATA_DIR names
    expect(launchLanguage([], { ...noLocale, HOLST_DATA_DIR: ru, LANG: 'en_US.UTF-8' })).toBe('ru');
  });

  it('falls back to the environment when the settings file is missing, broken or says nothing', async () => {
    for (const settings of [
      undefined,
      '{ not json',
      '[]',
      'null',
      JSON.stringify({ version: 1 }),
      JSON.stringify({ appearance: { language: 7 } }),
    ]) {
      const dir = await folderWith(settings);
      expect(languageSetting(dir)).toBeUndefined();
      expect(launchLanguage(['--data-dir', dir], { ...noLocale, LANG: 'ru_RU.UTF-8' })).toBe('ru');
      expect(launchLanguage(['--data-dir', dir], { ...noLocale, LANG: 'en_US.UTF-8' })).toBe('en');
    }
    // a folder that is not there at all
    expect(launchLanguage(['--data-dir', path.join(await tempDir(), 'missing')], { ...noLocale, LANG: 'ru_RU.UTF-8' })).toBe('ru');
  });
});

const electronInstalled = (() => {
  const pathFile = path.resolve('node_modules/electron/path.txt');
  return existsSync(pathFile) && existsSync(path.resolve('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()));
})();

/** What the script prints, on an English system, up to a line matching `until`. */
async function linesUntil(script: string, dataDir: string, until: RegExp): Promise<string[]> {
  const child = spawn(process.execPath, [script, '--data-dir', dataDir], {
    env: {
      ...process.env,
      HOLST_START_SKIP_BUILD: '1',
      // A mirror that refuses connections: the download fails at once, as it does without GitHub.
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: path.join(await tempDir(), 'electron-cache'),
      ELECTRON_SKIP_BINARY_DOWNLOAD: '',
      ...noLocale,
      LANG: 'en_US.UTF-8',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const lines: string[] = [];
      createInterface({ input: child.stdout! }).on('line', (line) => {
        lines.push(line);
        if (until.test(line)) resolve(lines);
      });
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${lines.join('\n')}`)));
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

describe.skipIf(electronInstalled)('npm start and npm run demo on a folder set to Russian, on an English system', () => {
  const russianFolder = () => folderWith(JSON.stringify({ version: 1, appearance: { language: 'ru' } }));

  it('npm start says in Russian that it serves the app to the browser', async () => {
    const lines = await linesUntil('scripts/start.mjs', await russianFolder(), /Holst открыт в браузере/);
    expect(lines[0]).toBe('Загружаю Electron (один раз)…');
    expect(lines[1]).toMatch(/^Electron здесь недоступен \(.+\); Holst откроется в браузере\.$/);
  });

  it('npm run demo says in Russian what it runs', async () => {
    const lines = await linesUntil('scripts/demo.mjs', await russianFolder(), /Holst открыт в браузере/);
    expect(lines[0]).toMatch(/^Демо Holst: Demo GigaChat, .* — на 127\.0\.0\.1; данные в папке /);
    expect(lines[1]).toBe('Загружаю Electron (один раз)…');
  });
});
