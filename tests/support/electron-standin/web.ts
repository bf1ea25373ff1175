import { standinEvent, strict, type Recorder } from './strict';

export const IPC_MAIN_MEMBERS = ['handle', 'removeHandler'] as const satisfies readonly (keyof Electron.IpcMain)[];
const IPC_MAIN_HELPERS = ['channels', 'registrations', 'invoke'] as const;

type InvokeListener = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown;

class StandinIpcMain implements Pick<Electron.IpcMain, (typeof IPC_MAIN_MEMBERS)[number]> {
  private readonly handlers = new Map<string, InvokeListener>();
  /** Every `handle` call, duplicates included. */
  readonly registrations: string[] = [];

  constructor(private readonly sender: () => Electron.WebContents | null) {}

  handle(channel: string, listener: InvokeListener): void {
    this.registrations.push(channel);
    // Electron's own refusal, word for word.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** The channels with a handler now. */
  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /**
   * Test-only: `ipcRenderer.invoke(channel, ...args)` from a frame at `frameUrl` (null: a frame
   * already gone). Throws, as Electron's invoke rejects, when nothing handles the channel.
   */
  async invoke(channel: string, frameUrl: string | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    // Only the members the app reads are real; the rest of WebFrameMain is not modelled.
    const senderFrame = frameUrl === null ? null : ({ url: frameUrl, origin: new URL(frameUrl).origin } as Electron.WebFrameMain);
    const event = { ...standinEvent(), type: 'frame', frameId: 1, processId: 1, senderFrame, sender: this.sender() };
    return handler(event as unknown as Electron.IpcMainInvokeEvent, ...args);
  }
}

export type StandinIpcMainHandle = Pick<Electron.IpcMain, (typeof IPC_MAIN_MEMBERS)[number]> &
  Pick<StandinIpcMain, (typeof IPC_MAIN_HELPERS)[number]>;

export function createIpcMain(sender: () => Electron.WebContents | null): StandinIpcMainHandle {
  return strict('ipcMain', new StandinIpcMain(sender), IPC_MAIN_MEMBERS, IPC_MAIN_HELPERS);
}

export const PROTOCOL_MEMBERS = ['handle', 'registerSchemesAsPrivileged'] as const satisfies readonly (keyof Electron.Protocol)[];
const PROTOCOL_HELPERS = ['privileged', 'schemes', 'fetch'] as const;

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

class StandinProtocol implements Pick<Electron.Protocol, (typeof PROTOCOL_MEMBERS)[number]> {
  readonly privileged: Electron.CustomScheme[] = [];
  private readonly handlers = new Map<string, ProtocolHandler>();

  constructor(
    private readonly recorder: Recorder,
    private readonly isReady: () => boolean,
  ) {}

  handle(scheme: string, handler: ProtocolHandler): void {
    this.recorder.record('protocol.handle', scheme);
    if (!this.isReady()) throw new Error('protocol.handle() must be called after the app is ready');
    if (this.handlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
    this.handlers.set(scheme, handler);
  }

  registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
    // Electron only honours this before the app is ready.
    if (this.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged.push(...customSchemes);
  }

  schemes(): string[] {
    return [...this.handlers.keys()];
  }

  /**
   * Test-only: what the page gets for `url`, a real Request answered by the app's handler; null
   * when no handler. Chromium parses only standard schemes (registered privileged as such); any
   * other reaches the handler as written, with `..` and all, which WHATWG's URL would fold away.
   */
  async fetch(url: string, init?: RequestInit): Promise<Response | null> {
    const scheme = url.slice(0, Math.max(0, url.indexOf(':')));
    const handler = this.handlers.get(scheme);
    if (!handler) return null;
    const request = new Request(url, init);
    const standard = this.privileged.some((s) => s.scheme === scheme && s.privileges?.standard);
    if (standard || request.url === url) return handler(request);
    return handler(
      new Proxy(request, {
        get: (target, prop) => {
          if (prop === 'url') return url;
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      }),
    );
  }
}

export type StandinProtocolHandle = Pick<Electron.Protocol, (typeof PROTOCOL_MEMBERS)[number]> &
  Pick<StandinProtocol, (typeof PROTOCOL_HELPERS)[number]>;

export function createProtocol(recorder: Recorder, isReady: () => boolean): StandinProtocolHandle {
  return strict('protocol', new StandinProtocol(recorder, isReady), PROTOCOL_MEMBERS, PROTOCOL_HELPERS);
}

export const SESSION_MEMBERS = [
  'setPermissionRequestHandler',
  'setPermissionCheckHandler',
] as const satisfies readonly (keyof Electron.Session)[];
const SESSION_HELPERS = ['requestPermission', 'checkPermission'] as const;

type RequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];
export type Permission = Parameters<NonNullable<RequestHandler>>[1];

class StandinSession implements Pick<Electron.Session, (typeof SESSION_MEMBERS)[number]> {
  private requestHandler: RequestHandler = null;
  private checkHandler: CheckHandler = null;

  constructor(private readonly contents: () => Electron.WebContents | null) {}

  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler;
  }

  /** Test-only: a page asks for `permission`. Without a handler Electron grants it, so does this. */
  requestPermission(permission: Permission, requestingUrl = 'holst-app://app/index.html'): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(this.contents()!, permission, resolve, { isMainFrame: true, requestingUrl }));
  }

  /** Test-only: a page checks whether it holds `permission`. */
  checkPermission(permission: Permission, requestingOrigin = 'holst-app://app'): boolean {
    if (!this.checkHandler) return true;
    return this.checkHandler(this.contents(), permission, requestingOrigin, { isMainFrame: true, requestingUrl: `${requestingOrigin}/` });
  }
}

export type StandinSessionHandle = Pick<Electron.Session, (typeof SESSION_MEMBERS)[number]> &
  Pick<StandinSession, (typeof SESSION_HELPERS)[number]>;

export const SESSION_MODULE_MEMBERS = ['defaultSession', 'fromPartition'] as const satisfies readonly (keyof typeof Electron.Session)[];

export interface StandinSessionModule {
  defaultSession: StandinSessionHandle;
  /** Electron's parameters; one session per partition name, as Electron keeps them. */
  fromPartition(...args: Parameters<typeof Electron.Session.fromPartition>): StandinSessionHandle;
}

export function createSession(contents: () => Electron.WebContents | null): StandinSessionModule {
  const partitions = new Map<string, StandinSessionHandle>();
  const make = (name: string) => strict(name, new StandinSession(contents), SESSION_MEMBERS, SESSION_HELPERS);
  const module: StandinSessionModule = {
    defaultSession: make('session.defaultSession'),
    fromPartition(partition) {
      let found = partitions.get(partition);
      if (!found) partitions.set(partition, (found = make(`session.fromPartition('${partition}')`)));
      return found;
    },
  };
  return strict('session', module, SESSION_MODULE_MEMBERS);
}
