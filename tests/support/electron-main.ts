/**
 * Runs the real src/main/electron/main.ts against the electron stand-in, from its first line to
 * quit. The test file holds the mock (Vitest hoists it there):
 *
 *   vi.mock('electron', async () => (await import('../support/electron-main')).electronModule());
 */
import { readdirSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { vi } from 'vitest';
import { createElectronStandin, type ElectronStandin, type StandinOptions, type StandinWindowHandle } from './electron-standin';
import { testKeychainService } from './keychain';
import { tempDir } from './temp-dir';

type ProcessListener = (...args: unknown[]) => void;
const GUARDED = ['uncaughtException', 'unhandledRejection'] as const;
/** `process` as the plain emitter the crash guard listens on. */
const emitter: NodeJS.EventEmitter = process;

export interface MainRun extends ElectronStandin {
  dataDir: string;
  /** The folder main.ts takes for the build output: renderer/, preload/ (and a file outside both). */
  outDir: string;
  /** The listeners main.ts's crash guard put on `process`, to call directly (emitting would reach Vitest's own). */
  crashGuard: Record<(typeof GUARDED)[number], ProcessListener[]>;
  /** The app's window (the last one opened). */
  window(): StandinWindowHandle;
  /** `ipcRenderer.invoke` from the app's own page. */
  invoke(channel: string, input?: unknown, frameUrl?: string | null): Promise<unknown>;
  /** Runs the real preload (src/preload/index.ts) against this run's main; answers what it put on the page's `window`. */
  loadPreload(): Promise<Record<string, unknown>>;
  /** Quits (if the app has not), and takes the crash guard and environment back. */
  stop(): Promise<void>;
}

export interface RunOptions extends StandinOptions {
  dataDir?: string;
  /** false: main.ts is imported but Electron never reports ready. */
  ready?: boolean;
  /** Extra environment for the run (taken back by stop). */
  env?: Record<string, string | undefined>;
}

/** Where the running stand-in lives: on globalThis, because Vitest keeps the mocked module across `vi.resetModules`. */
const SLOT = '__holstElectronStandin__';
type Slot = { [SLOT]?: ElectronStandin['electron'] };

/** The module `import … from 'electron'` gets: each export read from the stand-in of the current run. */
export function electronModule(): Record<string, unknown> {
  const module: Record<string, unknown> = {};
  for (const name of Object.keys(createElectronStandin().electron)) {
    Object.defineProperty(module, name, {
      enumerable: true,
      get: () => {
        const current = (globalThis as Slot)[SLOT];
        if (!current) throw new Error(`electron.${name} was used outside runMain()`);
        return current[name as keyof typeof current];
      },
    });
  }
  return module;
}

/** settings.json's inode: an atomic write replaces the file, so a new inode means a finished save. */
function settingsFile(dataDir: string): number | null {
  try {
    return statSync(path.join(dataDir, 'settings.json')).ino;
  } catch {
    return null;
  }
}

let quietSince = 0;
function settingsSaved(dataDir: string, before: number | null): void {
  const busy = readdirSync(dataDir).some((f) => f.endsWith('.tmp')) || settingsFile(dataDir) === before;
  if (busy) quietSince = 0;
  else quietSince ||= Date.now();
  // Settled: replaced since the start, and no write begun for 50 ms.
  if (busy || Date.now() - quietSince < 50) throw new Error('the window bounds are not saved yet');
}

/** A stand-in for the build output: a renderer page and asset, and a file the protocol must never serve. */
async function fakeBuildOutput(): Promise<string> {
  const outDir = await tempDir('holst-out-');
  await fs.mkdir(path.join(outDir, 'renderer', 'assets'), { recursive: true });
  await fs.mkdir(path.join(outDir, 'main'));
  await fs.writeFile(
    path.join(outDir, 'renderer', 'index.html'),
    '<!doctype html><title>Holst</title><script type="module" src="./assets/app.js"></script>',
  );
  await fs.writeFile(path.join(outDir, 'renderer', 'assets', 'app.js'), 'console.log("holst");\n');
  await fs.writeFile(path.join(outDir, 'secret.txt'), 'not for the renderer\n');
  return outDir;
}

export async function runMain(options: RunOptions = {}): Promise<MainRun> {
  const standin = createElectronStandin(options);
  const dataDir = options.dataDir ?? (await tempDir());
  const outDir = await fakeBuildOutput();

  const env: Record<string, string | undefined> = {
    HOLST_KEYCHAIN_SERVICE: testKeychainService(),
    HOLST_RENDERER_URL: undefined,
    HOLST_SQLITE_BINDING: undefined,
    ...options.env,
  };
  const savedEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  const before = Object.fromEntries(GUARDED.map((e) => [e, emitter.listeners(e)])) as Record<(typeof GUARDED)[number], unknown[]>;
  const savedArgv = process.argv;

  setEnv(env);
  (globalThis as { __HOLST_MAIN_DIR__?: string }).__HOLST_MAIN_DIR__ = path.join(outDir, 'main');
  process.argv = [...savedArgv, '--data-dir', dataDir];
  (globalThis as Slot)[SLOT] = standin.electron;
  vi.resetModules();
  try {
    await import('../../src/main/electron/main');
  } finally {
    process.argv = savedArgv;
  }
  const crashGuard = Object.fromEntries(
    GUARDED.map((e) => [e, emitter.listeners(e).filter((l) => !before[e].includes(l)) as ProcessListener[]]),
  ) as MainRun['crashGuard'];

  const { app, ipcMain } = standin.electron;
  if (options.ready !== false) {
    app.ready();
    // The start is done when the window has loaded its page, or when the app gave up.
    await vi.waitFor(
      () => {
        if (app.exitCode === undefined && !standin.windows[0]?.webContents.loaded) throw new Error('main.ts has not loaded its window yet');
      },
      { timeout: 15_000, interval: 10 },
    );
  }

  const startedWith = settingsFile(dataDir);
  return {
    ...standin,
    dataDir,
    outDir,
    crashGuard,
    window: () => {
      const win = standin.windows.at(-1);
      if (!win) throw new Error('main.ts opened no window');
      return win;
    },
    invoke: (channel, input, frameUrl = 'holst-app://app/index.html') => ipcMain.invoke(`holst:${channel}`, frameUrl, input),
    async loadPreload() {
      await import('../../src/preload/index');
      return standin.electron.contextBridge.world;
    },
    async stop() {
      // Closing the window saves its bounds (settings.json, replaced atomically): wait for that write.
      if (!app.quitting) app.quit();
      quietSince = 0;
      if (standin.windows.length > 0) await vi.waitFor(() => settingsSaved(dataDir, startedWith), { timeout: 5000, interval: 25 });
      for (const event of GUARDED) for (const listener of crashGuard[event]) emitter.off(event, listener);
      setEnv(savedEnv);
      delete (globalThis as { __HOLST_MAIN_DIR__?: string }).__HOLST_MAIN_DIR__;
    },
  };
}
