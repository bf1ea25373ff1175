import { EventEmitter } from 'node:events';
import { EMITTER_MEMBERS, standinEvent, strict, type Emitter, type Recorder } from './strict';

export const WINDOW_MEMBERS = [
  'show',
  'focus',
  'restore',
  'minimize',
  'maximize',
  'isMinimized',
  'isMaximized',
  'isDestroyed',
  'getBounds',
  'getNormalBounds',
  'loadURL',
  'close',
] as const satisfies readonly (keyof Electron.BrowserWindow)[];
const WINDOW_HELPERS = ['webContents', 'options', 'state', 'emit', 'listenerCount'] as const;

export const WEB_CONTENTS_MEMBERS = [
  'setWindowOpenHandler',
  'getURL',
  'isDestroyed',
  'send',
  'startDrag',
  'reload',
] as const satisfies readonly (keyof Electron.WebContents)[];
const WEB_CONTENTS_HELPERS = ['emit', 'listenerCount', 'loaded', 'openWindow', 'navigate', 'redirect', 'attachWebview', 'crash'] as const;

export interface WindowHooks {
  /** What the window's page gets for a URL: the registered protocol handler's answer. */
  load(url: string): Promise<Response | null>;
  closed(win: StandinWindowHandle): void;
}

class StandinWebContents extends EventEmitter implements Pick<Electron.WebContents, (typeof WEB_CONTENTS_MEMBERS)[number]>, Emitter {
  url = '';
  destroyed = false;
  /** The page the last `loadURL` got: its URL and status, or null when no handler answered. */
  loaded: { url: string; status: number | null } | null = null;
  private windowOpenHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null = null;

  constructor(private readonly recorder: Recorder) {
    super();
  }

  setWindowOpenHandler(handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.recorder.record('webContents.send', channel, ...args);
  }

  /** Electron's checks: a file to drag, and (on macOS) an icon it could decode. */
  startDrag(item: Electron.Item): void {
    this.recorder.record('webContents.startDrag', item);
    if (!item.file && !item.files?.length) throw new Error("Must specify either 'file' or 'files' option");
    const icon = item.icon as Electron.NativeImage | string | undefined;
    if (icon === undefined || icon === '') throw new Error("Must specify 'icon' option");
    if (process.platform === 'darwin' && typeof icon !== 'string' && icon.isEmpty())
      throw new Error("Must specify non-empty 'icon' option");
  }

  reload(): void {
    this.recorder.record('webContents.reload');
  }

  /** Test-only: the page calls `window.open(url)`; answers what the app's handler decided. */
  openWindow(url: string): Electron.WindowOpenHandlerResponse {
    if (!this.windowOpenHandler) return { action: 'allow' };
    const referrer: Electron.Referrer = { url: this.url, policy: 'strict-origin-when-cross-origin' };
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'foreground-tab', referrer });
  }

  /** Test-only: the page navigates (a link, `location = …`); true when the app prevented it. */
  navigate(url: string): boolean {
    const event = standinEvent({ url, isSameDocument: false, isMainFrame: true });
    this.emit('will-navigate', event, url, false, true, 1, 1);
    return event.defaultPrevented;
  }

  /** Test-only: a server redirect during navigation; true when the app prevented it. */
  redirect(url: string): boolean {
    const event = standinEvent({ url, isSameDocument: false, isMainFrame: true });
    this.emit('will-redirect', event, url, false, true, 1, 1);
    return event.defaultPrevented;
  }

  /** Test-only: the page adds a `<webview>`; true when the app refused it. */
  attachWebview(src: string): boolean {
    const event = standinEvent();
    this.emit('will-attach-webview', event, {}, { src });
    return event.defaultPrevented;
  }

  /** Test-only: the renderer process ends. */
  crash(details: Electron.RenderProcessGoneDetails): void {
    this.emit('render-process-gone', standinEvent(), details);
  }
}

class StandinWindow extends EventEmitter implements Pick<Electron.BrowserWindow, (typeof WINDOW_MEMBERS)[number]>, Emitter {
  readonly webContents: StandinWebContentsHandle;
  readonly state = { shown: false, focused: false, minimized: false, maximized: false, destroyed: false };
  private bounds: Electron.Rectangle;

  constructor(
    readonly options: Electron.BrowserWindowConstructorOptions,
    private readonly recorder: Recorder,
    private readonly hooks: WindowHooks,
    private readonly self: () => StandinWindowHandle,
  ) {
    super();
    const contents = new StandinWebContents(recorder);
    this.webContents = strict(
      'webContents',
      contents,
      [...WEB_CONTENTS_MEMBERS, ...EMITTER_MEMBERS],
      [...WEB_CONTENTS_HELPERS, 'url', 'destroyed'],
    );
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
  }

  show(): void {
    this.recorder.record('BrowserWindow.show');
    this.state.shown = true;
  }

  focus(): void {
    this.recorder.record('BrowserWindow.focus');
    this.state.focused = true;
  }

  restore(): void {
    this.recorder.record('BrowserWindow.restore');
    this.state.minimized = false;
  }

  minimize(): void {
    this.state.minimized = true;
    this.state.focused = false;
  }

  maximize(): void {
    this.recorder.record('BrowserWindow.maximize');
    this.state.maximized = true;
  }

  isMinimized(): boolean {
    return this.state.minimized;
  }

  isMaximized(): boolean {
    return this.state.maximized;
  }

  isDestroyed(): boolean {
    return this.state.destroyed;
  }

  getBounds(): Electron.Rectangle {
    return { ...this.bounds };
  }

  getNormalBounds(): Electron.Rectangle {
    return { ...this.bounds };
  }

  /** Loads through the registered protocol handler, as Chromium would, then the page is ready to show. */
  async loadURL(url: string, options?: Electron.LoadURLOptions): Promise<void> {
    this.recorder.record('BrowserWindow.loadURL', url, options);
    const contents = this.webContents as unknown as StandinWebContents;
    contents.url = url;
    const response = await this.hooks.load(url);
    contents.loaded = { url, status: response?.status ?? null };
    if (!this.state.destroyed) this.emit('ready-to-show', standinEvent());
  }

  /** `close` may be prevented; then the window and its page are destroyed and `closed` follows. */
  close(): void {
    if (this.state.destroyed) return;
    const event = standinEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.state.destroyed = true;
    const contents = this.webContents as unknown as StandinWebContents;
    contents.destroyed = true;
    contents.emit('destroyed', standinEvent());
    this.emit('closed', standinEvent());
    this.hooks.closed(this.self());
  }

  /** Test-only: the user moves or resizes the window. */
  moveTo(bounds: Electron.Rectangle): void {
    this.bounds = { ...bounds };
    this.emit('move', standinEvent());
  }
}

export type StandinWebContentsHandle = Pick<Electron.WebContents, (typeof WEB_CONTENTS_MEMBERS)[number]> &
  Emitter &
  Pick<StandinWebContents, (typeof WEB_CONTENTS_HELPERS)[number]>;
export type StandinWindowHandle = Pick<Electron.BrowserWindow, (typeof WINDOW_MEMBERS)[number]> &
  Emitter &
  Pick<StandinWindow, (typeof WINDOW_HELPERS)[number] | 'moveTo'>;

/** `new BrowserWindow(options)`: the constructor Electron's type declares, answering the narrowed window. */
export type StandinBrowserWindowClass = new (options?: Electron.BrowserWindowConstructorOptions) => StandinWindowHandle;

export function createBrowserWindowClass(
  recorder: Recorder,
  hooks: WindowHooks,
  windows: StandinWindowHandle[],
): StandinBrowserWindowClass {
  return class BrowserWindow {
    constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
      recorder.record('BrowserWindow.new', options);
      // The window tells its hooks about itself as the app sees it: the strict proxy.
      const target: StandinWindow = new StandinWindow(options, recorder, hooks, () => handle);
      const handle: StandinWindowHandle = strict(
        'BrowserWindow',
        target,
        [...WINDOW_MEMBERS, ...EMITTER_MEMBERS],
        [...WINDOW_HELPERS, 'moveTo'],
      );
      windows.push(handle);
      return handle;
    }
  } as unknown as StandinBrowserWindowClass;
}
