import dns from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';
import { toErrorPayload } from '../../../shared/errors';
import type { ConnectionReport } from '../../../shared/generation';
import { caBundle } from '../net/provider-http';
import { openProviderClient, type ProviderClient, type ProviderClientDeps } from './client';
import { requireProvider } from './provider-settings';

type Step = ConnectionReport['steps'][number];

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
    for (const step of from) steps.push({ step, status: 'skipped', message: 'Not tried: an earlier step failed.' });
    return report();
  };

  const target = new URL(network.proxy?.url ?? config.baseUrl);
  const via = network.proxy ? 'the proxy' : name;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  const timeoutMs = network.connectTimeoutSec * 1000;

  let address: string;
  try {
    address = net.isIP(host) ? host : (await dns.lookup(host)).address;
    steps.push({ step: 'dns', status: 'ok', message: net.isIP(host) ? `${host} is an address.` : `${host} is ${address}.` });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    steps.push({
      step: 'dns',
      status: 'failed',
      message: `Cannot find ${via}'s server ${host} (${code}). Check the address and your connection.`,
    });
    return skipRest(['connect', 'tls', 'auth', 'models']);
  }

  const connected = await attempt(timeoutMs, signal, (done) => {
    const socket = net.connect({ host: address, port });
    socket.once('connect', () => done(null, socket));
    socket.once('error', (error) => done(error, socket));
    return socket;
  });
  if (connected) {
    steps.push({
      step: 'connect',
      status: 'failed',
      message: `Cannot connect to ${via} at ${host}:${port} (${connected}). Check the address, the port and any firewall or proxy.`,
    });
    return skipRest(['tls', 'auth', 'models']);
  }
  steps.push({ step: 'connect', status: 'ok', message: `Connected to ${host}:${port}.` });

  if (network.proxy) {
    steps.push({ step: 'tls', status: 'skipped', message: `Checked inside the proxy's tunnel by the next step.` });
  } else if (target.protocol !== 'https:') {
    steps.push({ step: 'tls', status: 'skipped', message: 'Plain HTTP: nothing is encrypted on this connection.' });
  } else {
    let ca: string[] | undefined;
    try {
      ca = config.caFile ? caBundle(config.caFile, name) : undefined;
    } catch (error) {
      steps.push({ step: 'tls', status: 'failed', message: toErrorPayload(error).message });
      return skipRest(['auth', 'models']);
    }
    const failed = await attempt(timeoutMs, signal, (done) => {
      const socket = tls.connect({ host: address, port, servername: net.isIP(host) ? undefined : host, ...(ca ? { ca } : {}) });
      socket.once('secureConnect', () => done(null, socket));
      socket.once('error', (error) => done(error, socket));
      return socket;
    });
    if (failed) {
      const advice = config.caFile
        ? 'The certificate file set for this provider does not vouch for its server.'
        : 'If the provider uses a private or national CA, set its certificate file (caFile) for this provider.';
      steps.push({
        step: 'tls',
        status: 'failed',
        message: `The TLS check failed (${failed}): ${name}'s certificate is not trusted. ${advice}`,
      });
      return skipRest(['auth', 'models']);
    }
    steps.push({
      step: 'tls',
      status: 'ok',
      message: config.caFile ? 'Certificate trusted (with the provider’s CA file).' : 'Certificate trusted.',
    });
  }

  let client: ProviderClient;
  try {
    client = await openProviderClient(core, id);
  } catch (error) {
    steps.push({ step: 'auth', status: 'failed', message: toErrorPayload(error).message });
    return skipRest(['models']);
  }
  const { kind, ctx } = client;
  try {
    if (!ctx.apiKey) {
      steps.push({ step: 'auth', status: 'failed', message: `${name} has no API key. Set it above.` });
      return skipRest(['models']);
    }
    if (!kind.checksKey) {
      steps.push({
        step: 'auth',
        status: 'skipped',
        message: `${name} offers no way to check a key without generating; it is checked on the first request.`,
      });
      const models = await kind.listModels(ctx, signal);
      steps.push({ step: 'models', status: 'ok', message: `${models.length} model${models.length === 1 ? '' : 's'} configured.` });
      return report(models);
    }
    try {
      const models = await kind.listModels(ctx, signal);
      steps.push({ step: 'auth', status: 'ok', message: 'The key was accepted.' });
      steps.push({ step: 'models', status: 'ok', message: `${models.length} model${models.length === 1 ? '' : 's'} available.` });
      return report(models);
    } catch (error) {
      const payload = toErrorPayload(error);
      if (payload.code === 'auth' || payload.code === 'config') {
        steps.push({ step: 'auth', status: 'failed', message: payload.message });
        return skipRest(['models']);
      }
      steps.push({ step: 'auth', status: 'skipped', message: 'Not confirmed: the model list failed first.' });
      steps.push({ step: 'models', status: 'failed', message: payload.message });
      return report();
    }
  } finally {
    await client.close();
  }
}

/** Runs one socket attempt; resolves to null on success or to a short reason (error code, "timed out"). */
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
    const timer = setTimeout(() => finish(`timed out after ${Math.round(timeoutMs / 1000)} s`, socket), timeoutMs);
    signal?.addEventListener('abort', () => finish('cancelled', socket), { once: true });
  });
}
