import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Returning } from './desktop';
import { EMITTER_MEMBERS, strict, type Emitter, type Recorder } from './strict';

export const SCREEN_MEMBERS = ['getAllDisplays'] as const satisfies readonly (keyof Electron.Screen)[];

/** A display as Electron describes one, from its work area (the bounds add a 30 px task bar below). */
export function display(id: number, workArea: Electron.Rectangle): Electron.Display {
  const bounds = { ...workArea, height: workArea.height + 30 };
  return {
    id,
    label: `Display ${id}`,
    bounds,
    workArea,
    size: { width: bounds.width, height: bounds.height },
    workAreaSize: { width: workArea.width, height: workArea.height },
    scaleFactor: 1,
    rotation: 0,
    internal: id === 1,
    detected: true,
    monochrome: false,
    colorDepth: 24,
    colorSpace: '{primaries:BT709, transfer:SRGB, matrix:RGB, range:FULL}',
    depthPerComponent: 8,
    displayFrequency: 60,
    accelerometerSupport: 'unknown',
    touchSupport: 'unknown',
    maximumCursorSize: { width: 64, height: 64 },
    nativeOrigin: { x: bounds.x, y: bounds.y },
  };
}

export function createScreen(displays: () => Electron.Display[]): Pick<Electron.Screen, 'getAllDisplays'> {
  return strict('screen', { getAllDisplays: () => displays().map((d) => ({ ...d })) }, SCREEN_MEMBERS);
}

export const SAFE_STORAGE_MEMBERS = [
  'isEncryptionAvailable',
  'getSelectedStorageBackend',
  'encryptString',
  'decryptString',
] as const satisfies readonly (keyof Electron.SafeStorage)[];

export type StorageBackend = ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>;

export interface SafeStorageOptions {
  available?: boolean;
  /** Linux's choice; `basic_text` is Chromium's hard-coded password. */
  backend?: StorageBackend;
}

/** A real, reversible cipher (AES-256-GCM under a key of this stand-in's own), with Chromium's `v11` prefix. */
export function createSafeStorage(
  recorder: Recorder,
  options: SafeStorageOptions,
): Pick<Electron.SafeStorage, (typeof SAFE_STORAGE_MEMBERS)[number]> {
  const key = randomBytes(32);
  const available = options.available ?? true;
  const unavailable = () =>
    new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
  return strict(
    'safeStorage',
    {
      isEncryptionAvailable: () => available,
      getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
      encryptString(plainText: string): Buffer {
        recorder.record('safeStorage.encryptString');
        if (!available) throw unavailable();
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', key, iv);
        const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
        return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
      },
      decryptString(encrypted: Buffer): string {
        recorder.record('safeStorage.decryptString');
        if (!available) throw unavailable();
        if (encrypted.subarray(0, 3).toString() !== 'v11')
          throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(3, 15));
        decipher.setAuthTag(encrypted.subarray(15, 31));
        return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
      },
    },
    SAFE_STORAGE_MEMBERS,
  );
}

export const MENU_MEMBERS = ['buildFromTemplate', 'setApplicationMenu'] as const satisfies readonly (keyof typeof Electron.Menu)[];
const MENU_HELPERS = ['application'] as const;

type Template = Parameters<typeof Electron.Menu.buildFromTemplate>[0];

/** A built menu: the template it came from, kept whole so tests can find items and click them. */
export interface StandinMenu {
  readonly template: Template;
}

export interface StandinMenuClass {
  buildFromTemplate: Returning<typeof Electron.Menu.buildFromTemplate, StandinMenu>;
  setApplicationMenu: (typeof Electron.Menu)['setApplicationMenu'];
  /** Test-only: the menu last set, or null. */
  readonly application: StandinMenu | null;
}

export function createMenu(recorder: Recorder): StandinMenuClass {
  let application: StandinMenu | null = null;
  return strict(
    'Menu',
    {
      buildFromTemplate: (template: Template) => strict('Menu', { template }, [], ['template']),
      setApplicationMenu(menu: Electron.Menu | null) {
        recorder.record('Menu.setApplicationMenu', menu);
        application = menu as unknown as StandinMenu | null;
      },
      get application() {
        return application;
      },
    },
    MENU_MEMBERS,
    MENU_HELPERS,
  );
}

export const AUTO_UPDATER_MEMBERS = ['emit'] as const satisfies readonly (keyof Electron.AutoUpdater)[];

/**
 * Electron's own autoUpdater (Squirrel on macOS and Windows). The app updates through
 * electron-updater, which only tells it `before-quit-for-update` on Linux; each event is recorded.
 */
export function createAutoUpdater(recorder: Recorder): Pick<Electron.AutoUpdater, (typeof AUTO_UPDATER_MEMBERS)[number]> & Emitter {
  const emitter = new EventEmitter();
  const emit = emitter.emit.bind(emitter);
  emitter.emit = (event: string | symbol, ...args: unknown[]) => {
    recorder.record('autoUpdater.emit', event, ...args);
    return emit(event, ...args);
  };
  return strict('autoUpdater', emitter, [...AUTO_UPDATER_MEMBERS, ...EMITTER_MEMBERS]);
}
