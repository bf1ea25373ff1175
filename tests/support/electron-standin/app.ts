import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { EMITTER_MEMBERS, standinEvent, strict, type Emitter, type Recorder } from './strict';

/** The members of Electron's `app` the stand-in implements; the class below is checked against them. */
export const APP_MEMBERS = [
  'whenReady',
  'isReady',
  'requestSingleInstanceLock',
  'quit',
  'exit',
  'setPath',
  'setAppLogsPath',
  'getPreferredSystemLanguages',
  'setAboutPanelOptions',
  'isPackaged',
  'getVersion',
  'getName',
  'getPath',
  'getAppPath',
  'relaunch',
] as const satisfies readonly (keyof Electron.App)[];

const APP_HELPERS = ['ready', 'emit', 'listenerCount', 'exitCode', 'quitting', 'paths'] as const;

export interface AppOptions {
  /** false: another instance holds the lock. */
  singleInstanceLock?: boolean;
  preferredSystemLanguages?: string[];
  /** Run as a packaged app (default: from source, as `npm start`). */
  packaged?: boolean;
  /** `app.getVersion()`; package.json's version by default, as Electron reads it. */
  version?: string;
}

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; productName?: string; name: string };

export interface AppHooks {
  /** Real Electron closes every window between `before-quit` and `will-quit`. */
  closeAllWindows(): void;
}

class StandinApp extends EventEmitter implements Pick<Electron.App, (typeof APP_MEMBERS)[number]>, Emitter {
  readonly isPackaged: boolean;
  /** Set by `exit(code)`. */
  exitCode: number | undefined;
  quitting = false;
  readonly paths = new Map<string, string>();
  private isReadyNow = false;
  private readonly readyPromise: Promise<void>;
  private resolveReady!: () => void;

  constructor(
    private readonly recorder: Recorder,
    private readonly options: AppOptions,
    private readonly hooks: AppHooks,
  ) {
    super();
    this.isPackaged = options.packaged ?? false;
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
  }

  /** Test-only: what Electron does once it has started; `whenReady()` resolves after the event. */
  ready(): void {
    if (this.isReadyNow) return;
    this.isReadyNow = true;
    this.emit('ready', standinEvent(), {});
    this.resolveReady();
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.isReadyNow;
  }

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    this.recorder.record('app.requestSingleInstanceLock', additionalData);
    return this.options.singleInstanceLock ?? true;
  }

  /** Electron's order: before-quit, windows closed, will-quit, quit; each but the last can be prevented. */
  quit(): void {
    this.recorder.record('app.quit');
    if (this.quitting) return;
    this.quitting = true;
    const before = standinEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return void (this.quitting = false);
    this.hooks.closeAllWindows();
    const will = standinEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return void (this.quitting = false);
    this.emit('quit', standinEvent(), 0);
  }

  exit(exitCode?: number): void {
    this.recorder.record('app.exit', exitCode);
    this.exitCode = exitCode ?? 0;
  }

  setPath(name: string, path: string): void {
    this.recorder.record('app.setPath', name, path);
    this.paths.set(name, path);
  }

  setAppLogsPath(path?: string): void {
    this.recorder.record('app.setAppLogsPath', path);
    if (path !== undefined) this.paths.set('logs', path);
  }

  getPreferredSystemLanguages(): string[] {
    return [...(this.options.preferredSystemLanguages ?? ['en-US'])];
  }

  setAboutPanelOptions(options: Electron.AboutPanelOptionsOptions): void {
    this.recorder.record('app.setAboutPanelOptions', options);
  }

  getVersion(): string {
    return this.options.version ?? packageJson.version;
  }

  /** Electron takes productName, else name, from package.json. */
  getName(): string {
    return packageJson.productName ?? packageJson.name;
  }

  /** The paths set with setPath, and the system's temp folder; Electron's other defaults are not modelled. */
  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    const path = this.paths.get(name) ?? (name === 'temp' ? os.tmpdir() : undefined);
    if (path === undefined)
      throw new Error(`the stand-in knows no '${name}' path: set it with app.setPath first, or model Electron's default`);
    return path;
  }

  getAppPath(): string {
    return process.cwd();
  }

  relaunch(options?: Electron.RelaunchOptions): void {
    this.recorder.record('app.relaunch', options);
  }
}

export type StandinAppHandle = Pick<Electron.App, (typeof APP_MEMBERS)[number]> & Emitter & Pick<StandinApp, (typeof APP_HELPERS)[number]>;

export function createApp(recorder: Recorder, options: AppOptions, hooks: AppHooks): StandinAppHandle {
  return strict('app', new StandinApp(recorder, options, hooks), [...APP_MEMBERS, ...EMITTER_MEMBERS], APP_HELPERS);
}
