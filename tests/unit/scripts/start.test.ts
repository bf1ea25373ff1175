// `npm start` where Electron's binary cannot be had: one line says so, and the app is served to the browser.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../../support/temp-dir';

afterAll(removeTempDirs);

const electronInstalled = (() => {
  const pathFile = path.resolve('node_modules/electron/path.txt');
  return existsSync(pathFile) && existsSync(path.resolve('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()));
})();

const LOCALES = [
  { lang: 'en_US.UTF-8', why: 'Electron is not available here', running: /running in your browser at (\S+)/ },
  { lang: 'ru_RU.UTF-8', why: 'Electron здесь недоступен', running: /Holst открыт в браузере: (\S+)/ },
];

describe.each(LOCALES)('npm start without an Electron binary (LANG=$lang)', ({ lang, why, running }) => {
  it.skipIf(electronInstalled)('says why in one line, in the system language, and serves the app on 127.0.0.1 with a token', async () => {
    const dataDir = await tempDir();
    const child = spawn(process.execPath, ['scripts/start.mjs', '--data-dir', dataDir], {
      env: {
        ...process.env,
        HOLST_START_SKIP_BUILD: '1',
        // A mirror that refuses connections: the download fails at once, as it does without GitHub.
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: path.join(dataDir, 'electron-cache'),
        ELECTRON_SKIP_BINARY_DOWNLOAD: '',
        LANG: lang,
        LC_ALL: '',
        LC_MESSAGES: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines: string[] = [];
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).on('line', (line) => {
          lines.push(line);
          const match = running.exec(line);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`start exited with ${code}: ${lines.join('\n')}`)));
      });
      expect(lines.filter((l) => l.includes(why))).toHaveLength(1);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
      const first = await fetch(url, { redirect: 'manual' });
      expect(first.status).toBe(303);
      const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
      const page = await fetch(new URL('/', url), { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"></div>');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
