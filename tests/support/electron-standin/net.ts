import { EventEmitter } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import { EMITTER_MEMBERS, strict, type Emitter, type Recorder } from './strict';

export const NET_MEMBERS = ['request'] as const satisfies readonly (keyof Electron.Net)[];
export const CLIENT_REQUEST_MEMBERS = ['end', 'abort'] as const satisfies readonly (keyof Electron.ClientRequest)[];
const CLIENT_REQUEST_HELPERS = ['url'] as const;

/** Node's socket errors as Chromium's net stack names them: Electron's requests fail with these messages and no `code`. */
const NET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED',
  ECONNRESET: 'net::ERR_CONNECTION_RESET',
  ENOTFOUND: 'net::ERR_NAME_NOT_RESOLVED',
  EAI_AGAIN: 'net::ERR_NAME_NOT_RESOLVED',
  ETIMEDOUT: 'net::ERR_CONNECTION_TIMED_OUT',
  EHOSTUNREACH: 'net::ERR_ADDRESS_UNREACHABLE',
};

type Options = Electron.ClientRequestConstructorOptions;

function urlOf(options: Options | string): URL {
  if (typeof options === 'string') return new URL(options);
  if (options.url) return new URL(options.url);
  const host = options.host ?? `${options.hostname ?? 'localhost'}${options.port ? `:${options.port}` : ''}`;
  return new URL(`${options.protocol ?? 'http:'}//${host}${options.path ?? '/'}`);
}

/**
 * Electron's `net` ClientRequest over Node's http(s): `response` gets a Readable with statusCode,
 * statusMessage and lower-case headers, as Electron's IncomingMessage; errors carry Chromium's names.
 * `redirect: 'manual'` emits `redirect` as Electron does; following redirects is not modelled.
 */
class StandinClientRequest extends EventEmitter implements Pick<Electron.ClientRequest, 'abort'>, Emitter {
  readonly url: URL;
  private node: http.ClientRequest | null = null;
  private aborted = false;

  constructor(private readonly options: Options | string) {
    super();
    this.url = urlOf(options);
    if (this.url.protocol !== 'http:' && this.url.protocol !== 'https:') throw new TypeError(`Invalid URL: ${this.url.href}`);
  }

  /** Electron's parameters; it answers the request itself, as Electron's does. */
  end(...[chunk]: Parameters<Electron.ClientRequest['end']>): this {
    const options = typeof this.options === 'string' ? {} : this.options;
    const client = this.url.protocol === 'https:' ? https : http;
    const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k, v]));
    const request = client.request(this.url, { method: options.method ?? 'GET', headers });
    this.node = request;
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        if (options.redirect === 'manual') {
          response.resume();
          this.emit('redirect', status, options.method ?? 'GET', new URL(location, this.url).href, response.headers);
          return;
        }
        response.resume();
        this.emit(
          'error',
          new Error('the stand-in follows no redirects: implement it in tests/support/electron-standin/net.ts if the app now needs it'),
        );
        return;
      }
      this.emit('response', response);
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (this.aborted) return;
      this.emit('error', new Error(NET_ERRORS[error.code ?? ''] ?? `net::ERR_FAILED (${error.message})`));
    });
    request.end(chunk);
    return this;
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.node?.destroy();
    this.emit('abort');
  }
}

export type StandinClientRequestHandle = Pick<
  StandinClientRequest,
  (typeof CLIENT_REQUEST_MEMBERS)[number] | (typeof CLIENT_REQUEST_HELPERS)[number]
> &
  Emitter;

export function createNet(recorder: Recorder): { request(options: Options | string): StandinClientRequestHandle } {
  const net = {
    request(options: Options | string) {
      const request = new StandinClientRequest(options);
      recorder.record('net.request', request.url.href);
      return strict('ClientRequest', request, [...CLIENT_REQUEST_MEMBERS, ...EMITTER_MEMBERS], CLIENT_REQUEST_HELPERS);
    },
  } satisfies { [K in (typeof NET_MEMBERS)[number]]: (...args: Parameters<Electron.Net[K]>) => unknown };
  return strict('net', net, NET_MEMBERS);
}
