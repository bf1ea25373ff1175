import dns from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';
import { say, type CoreSentence } from '../../../shared/core-messages';
import { toErrorPayload, type ErrorPayload } from '../../../shared/errors';
import type { ConnectionReport } from '../../../shared/generation';
import { caBundle } from '../net/provider-http';
import { openProviderClient, type ProviderClient, type ProviderClientDeps } from './client';
import { requireProvider } from './provider-settings';

type Step = ConnectionReport['steps'][number];

/** A step and what it found, as the core's catalogued sentence (or an error's, with its key when it has one). */
const step = (name: Step['step'], status: Step['status'], found: CoreSentence | ErrorPayload): Step => {
  const { message, key, params, quote } = found;
  return { step: name, status, message, ...(key ? { key } : {}), ...(params ? { params } : {}), ...(quote ? { quote } : {}) };
};

/**
 * "Test connection": each step on its own, so the report says exactly where it breaks: the name
 * of the provider's host (DNS), a TCP connection, the TLS handshake with the trust the provider
 * will really use (system roots plus its caFile), then the key and the model list through the
 * provider's own client. With a proxy, DNS and the connection are checked for the proxy, and
 * TLS inside the tunnel is left to the request.
 */
export async function testConnection(core: ProviderClientDeps, id: string, signal?: AbortSignal): Promise<ConnectionReport> {
  const config = requireProvider(core.settings, id);
  const network = core.settings.get().network;
  const name = config.name ?? config.id;
  const steps: Step[] = [];
  const report = (models: string[] = []): ConnectionReport => ({ ok: steps.every((s) => s.status !== 'failed'), steps, models });
  const skipRest = (from: Step['step'][]) => {
    for (const name of from) steps.push(step(name, 'skipped', say('connectionSkipped', {})));
    return report();
  };

  const target = new URL(network.proxy?.url ?? config.baseUrl);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  const timeoutMs = network.connectTimeoutSec * 1000;

  let address: string;
  try {
    address = net.isIP(host) ? host : (await dns.lookup(host)).address;
    steps.push(step('dns', 'ok', net.isIP(host) ? say('connectionDnsIsAddress', { host }) : say('connectionDnsFound', { host, address })));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const found = network.proxy ? say('connectionDnsFailedProxy', { host, code }) : say('connectionDnsFailed', { name, host, code });
    steps.push(step('dns', 'failed', found));
    return skipRest(['connect', 'tls', 'auth', 'models']);
  }

  const connected = await attempt(timeoutMs, signal, (done) => {
    const socket = net.connect({ host: address, port });
    socket.once('connect', () => done(null, socket));
    socket.once('error', (error) => done(error, socket));
    return socket;
  });
  if (connected) {
    const found = network.proxy
      ? say('connectionConnectFailedProxy', { host, port, code: connected })
      : say('connectionConnectFailed', { name, host, port, code: connected });
    steps.push(step('connect', 'failed', found));
    return skipRest(['tls', 'auth', 'models']);
  }
  steps.push(step('connect', 'ok', say('connectionConnected', { host, port })));

  if (network.proxy) {
    steps.push(step('tls', 'skipped', say('connectionTlsInTunnel', {})));
  } else if (target.protocol !== 'https:') {
    steps.push(step('tls', 'skipped', say('connectionTlsPlainHttp', {})));
  } else {
    let ca: string[] | undefined;
    try {
      ca = config.caFile ? caBundle(config.caFile, name) : undefined;
    } catch (error) {
      steps.push(step('tls', 'failed', toErrorPayload(error)));
      return skipRest(['auth', 'models']);
    }
    const failed = await attempt(timeoutMs, signal, (done) => {
      const socket = tls.connect({ host: address, port, servername: net.isIP(host) ? undefined : host, ...(ca ? { ca } : {}) });
      socket.once('secureConnect', () => done(null, socket));
      socket.once('error', (error) => done(error, socket));
      return socket;
    });
    if (failed) {
      const found = say(config.caFile ? 'connectionTlsUntrustedWithCa' : 'connectionTlsUntrusted', { code: failed, name });
      steps.push(step('tls', 'failed', found));
      return skipRest(['auth', 'models']);
    }
    steps.push(step('tls', 'ok', say(config.caFile ? 'connectionTlsTrustedWithCa' : 'connectionTlsTrusted', {})));
  }

  let client: ProviderClient;
  try {
    client = await openProviderClient(core, id);
  } catch (error) {
    steps.push(step('auth', 'failed', toErrorPayload(error)));
    return skipRest(['models']);
  }
  const { kind, ctx } = client;
  try {
    if (!ctx.apiKey) {
      steps.push(step('auth', 'failed', say('connectionNoKey', { name })));
      return skipRest(['models']);
    }
    if (!kind.checksKey) {
      steps.push(step('auth', 'skipped', say('connectionKeyUnchecked', { name })));
      const models = await kind.listModels(ctx, signal);
      steps.push(step('models', 'ok', say('connectionModelsConfigured', { count: models.length })));
      return report(models);
    }
    try {
      const models = await kind.listModels(ctx, signal);
      steps.push(step('auth', 'ok', say('connectionKeyAccepted', {})));
      steps.push(step('models', 'ok', say('connectionModelsAvailable', { count: models.length })));
      return report(models);
    } catch (error) {
      const payload = toErrorPayload(error);
      if (payload.code === 'auth' || payload.code === 'config') {
        steps.push(step('auth', 'failed', payload));
        return skipRest(['models']);
      }
      steps.push(step('auth', 'skipped', say('connectionKeyNotConfirmed', {})));
      steps.push(step('models', 'failed', payload));
      return report();
    }
  } finally {
    await client.close();
  }
}

/** Runs one socket attempt; resolves to null on success or to the error's code (ETIMEDOUT after `timeoutMs`, ECANCELED). */
function attempt(
  timeoutMs: number,
  signal: AbortSignal | undefined,
  open: (done: (error: Error | null, socket: net.Socket) => void) => net.Socket,
): Promise<string | null> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (reason: string | null, socket: net.Socket) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(reason);
    };
    const socket = open((error, s) => finish(error ? ((error as NodeJS.ErrnoException).code ?? error.message) : null, s));
    const timer = setTimeout(() => finish('ETIMEDOUT', socket), timeoutMs);
    signal?.addEventListener('abort', () => finish('ECANCELED', socket), { once: true });
  });
}
