import fs from 'node:fs/promises';
import os from 'node:os';
import type { AppInfo } from '../../shared/contract';
import { say } from '../../shared/core-messages';
import { HolstError } from '../../shared/errors';
import { DEMO_SAMPLES_ENV } from '../../demo/demo-folder';
import { ConversationStore } from './conversations/conversation-store';
import { ChatService } from './generation/chat-service';
import type { DesktopCapabilities } from './desktop';
import { CoreEvents } from './events';
import type { Dispatch } from './ipc/dispatcher';
import { BackgroundJobs } from './jobs/background-jobs';
import { ImageLibrary } from './library/image-library';
import type { HandlerCore } from './ipc/handler-core';
import type { FileLog } from './logging/file-log';
import { createStderrLogger, type Logger } from './logging/log';
import { Notices } from './notices';
import { JobStore } from './queue/job-store';
import { ProviderSettings } from './providers/provider-settings';
import type { StringEncryptor } from './secrets/backend';
import { keepKeychainNoticeTrue } from './secrets/keychain-notice';
import { SecretStore } from './secrets/secret-store';
import { SettingsStore, type InvalidSettingsPolicy } from './settings/settings-store';

export const APP_VERSION: string = __HOLST_VERSION__;

export interface CoreOptions {
  dataDir: string;
  shell: AppInfo['shell'];
  /** The app recovers from a bad settings file; the CLI refuses to run with one. */
  settingsPolicy: InvalidSettingsPolicy;
  env?: NodeJS.ProcessEnv;
  /** Electron's safeStorage, for the encrypted-file fallback when there is no keychain. */
  encryptor?: StringEncryptor;
  /** Dialogs, clipboard and the like: only the Electron shell has them. */
  desktop?: DesktopCapabilities;
  /** better-sqlite3 built for Electron's ABI, when running inside Electron. */
  sqliteBinding?: string;
  /** The app's rotating log file; without it, messages go to `logger` (stderr by default). */
  log?: FileLog;
  logger?: Logger;
  /**
   * When to probe the keychain: at start (the app, which says at once whether keys can be saved),
   * or when a key is first needed (the CLI: a command that reads no key never waits on it).
   */
  keychainProbe?: 'at-start' | 'on-first-use';
}

/**
 * Everything behind the IPC contract, with no Electron in it: the app, the CLI and the harness
 * open this. This file only builds the services and wires them; each takes the few it uses.
 */
export interface AppCore extends HandlerCore {
  /** Generations running in conversations (the app's chat). */
  readonly chat: ChatService;
  readonly dispatch: Dispatch;
  close(): void;
}

export async function openCore(options: CoreOptions): Promise<AppCore> {
  const env = options.env ?? process.env;
  const logger = options.log ?? options.logger ?? createStderrLogger();
  const versions = [`Node ${process.versions.node}`, ...(process.versions.electron ? [`Electron ${process.versions.electron}`] : [])];
  logger.info(
    `Holst ${APP_VERSION} starting (${options.shell}; ${process.platform} ${os.release()} ${process.arch}; ${versions.join(', ')})`,
  );
  try {
    await fs.mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw HolstError.said('storage', say('dataFolderFailed', { folder: options.dataDir, reason: (error as Error).message }), {
      cause: error,
    });
  }
  const events = new CoreEvents();
  const notices = new Notices(events);
  const { store: settings, report } = await SettingsStore.open(options.dataDir, options.settingsPolicy);
  if (report.recoveredFrom) {
    const { backupFile, reason, notice } = report.recoveredFrom;
    logger.warn(`settings file was unusable (${reason}); kept as ${backupFile}, defaults restored`);
    notices.add({ id: 'settings-recovered', level: 'warning', ...notice });
  }
  const secrets = SecretStore.onFirstUse({
    dataDir: options.dataDir,
    env,
    ...(env.HOLST_KEYCHAIN_SERVICE ? { keychainService: env.HOLST_KEYCHAIN_SERVICE } : {}),
    ...(options.encryptor ? { encryptor: options.encryptor } : {}),
  });
  keepKeychainNoticeTrue({ secrets, settings, notices, logger });
  if (options.keychainProbe !== 'on-first-use') await secrets.ready();
  settings.onChange((next) => events.emit('settings.changed', next));
  const library = await ImageLibrary.open(options.dataDir, {
    maxImageBytes: () => settings.get().library.maxImageBytes,
    logger,
    ...(options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {}),
  });
  const services = {
    dataDir: options.dataDir,
    settings,
    secrets,
    events,
    notices,
    library,
    conversations: new ConversationStore(library.db),
    jobs: new BackgroundJobs(logger),
    desktop: options.desktop ?? null,
    logger,
    log: options.log ?? null,
  };
  // Pausing is the window's: the CLI's core runs what it sends, and leaves the app's queue to the app.
  const chat = new ChatService(services, { jobs: new JobStore(library.db, logger), honourPause: options.shell !== 'cli' });
  const info = async (): Promise<AppInfo> => {
    await secrets.ready();
    return {
      version: APP_VERSION,
      platform: process.platform,
      shell: options.shell,
      dataDir: options.dataDir,
      settingsFile: settings.file,
      secretBackend: secrets.backendKind,
    };
  };
  const handlerCore: HandlerCore = { ...services, chat, providers: new ProviderSettings(services), info };
  // The handlers (and the provider code they reach) load with the first request: a CLI command that
  // only reads the library never loads them.
  let dispatcher: Promise<Dispatch> | undefined;
  const dispatch: Dispatch = async (channel, input) => {
    dispatcher ??= Promise.all([import('./ipc/dispatcher'), import('./ipc/handlers')]).then(([{ createDispatcher }, { createHandlers }]) =>
      createDispatcher(createHandlers(handlerCore), logger),
    );
    return (await dispatcher)(channel, input);
  };
  const core: AppCore = {
    ...handlerCore,
    chat,
    dispatch,
    close: () => {
      chat.cancelAll();
      services.jobs.cancelAll();
      library.close();
    },
  };
  // Jobs the app left queued take their turn; those it was running are interrupted (never sent again by themselves).
  if (options.shell !== 'cli') chat.queue.recover();
  // `npm run demo`: the folder's sample library, made by the app's own requests while the window opens
  // (loaded only then: the plan, and sharp for its masks, are no part of an ordinary start)
  if (options.shell !== 'cli' && env[DEMO_SAMPLES_ENV] === '1') {
    const { startDemoSamples } = await import('../../demo/sample-library');
    startDemoSamples(core);
  }
  return core;
}
