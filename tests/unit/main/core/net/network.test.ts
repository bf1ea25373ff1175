// The user's network settings in action: a real CONNECT proxy with credentials (the password from
// the keychain, never in settings.json), the configured timeouts, and "Test connection" naming the
// step that failed, each against a real server on 127.0.0.1.
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../../../src/main/core/app-core';
import { generate } from '../../../../../src/main/core/generation/generate';
import { startGigaChatServer, type GigaChatServer } from '../../../../servers/gigachat-server';
import { startOpenAIChatServer, type OpenAIChatServer } from '../../../../servers/openai-chat-server';
import { startProxyServer, type ProxyServer } from '../../../../servers/proxy-server';
import { runHolst } from '../../../../support/cli';
import { call, openTestCore } from '../../../../support/core';
import { failure } from '../../../../support/failure';
import { removeTempDirs } from '../../../../support/temp-dir';

let server: OpenAIChatServer;
let core: AppCore;
let proxy: ProxyServer | undefined;
const closers: Array<() => Promise<unknown>> = [];

beforeEach(async () => {
  server = await startOpenAIChatServer();
  core = await openTestCore(undefined, { HOLST_API_KEY_AGG: server.apiKey });
  await core.settings.update((s) => ({
    ...s,
    providers: [{ id: 'agg', kind: 'openai-chat', baseUrl: server.baseUrl, models: ['gpt-4o-image'] }],
  }));
});
afterEach(async () => {
  await call(core, 'network.save', { network: { connectTimeoutSec: 15, responseTimeoutSec: 120 }, proxyPassword: null });
  core.close();
  await server.close();
  await proxy?.close();
  proxy = undefined;
  for (const close of closers.splice(0)) await close();
});
afterAll(removeTempDirs);

const saveNetwork = (network: Parameters<typeof call<'network.save'>>[2]['network'], proxyPassword?: string | null) =>
  call(core, 'network.save', { network, ...(proxyPassword !== undefined ? { proxyPassword } : {}) });

describe('proxy', () => {
  it('sends provider requests through the proxy with its credentials; the password stays out of settings.json', async () => {
    proxy = await startProxyServer({ username: 'alice', password: 'proxy-pass-0001' });
    const saved = await saveNetwork(
      { proxy: { url: proxy.url, username: 'alice' }, connectTimeoutSec: 15, responseTimeoutSec: 120 },
      'proxy-pass-0001',
    );
    expect(saved).toMatchObject({ ok: true, value: { proxyPasswordSet: true, network: { proxy: { url: proxy.url, username: 'alice' } } } });
    const file = await fs.readFile(core.settings.file, 'utf8');
    expect(file).toContain(proxy.url);
    expect(file).not.toContain('proxy-pass-0001');

    const result = await generate(core, { providerId: 'agg', prompt: 'a fox' });
    expect(result.images.length).toBeGreaterThan(0);
    expect(proxy.tunnels.length).toBeGreaterThan(0);
    expect(proxy.tunnels.every((t) => t.allowed && t.credentials === 'alice:proxy-pass-0001')).toBe(true);
    expect(proxy.tunnels[0]!.target).toBe(new URL(server.baseUrl).host);
  });

  it('says so when the proxy refuses the credentials, without showing them', async () => {
    proxy = await startProxyServer({ username: 'alice', password: 'right-password' });
    await saveNetwork({ proxy: { url: proxy.url, username: 'alice' }, connectTimeoutSec: 15, responseTimeoutSec: 120 }, 'wrong-password');
    const error = await failure(generate(core, { providerId: 'agg', prompt: 'a fox' }));
    expect(error).toMatchObject({ code: 'network' });
    expect(error!.message).toMatch(/proxy/i);
    expect(error!.message).not.toContain('wrong-password');
    expect(core.library.list({}).items).toHaveLength(0);
  });

  it('keeps the password only while there is a proxy user, and refuses a password without one', async () => {
    const noUser = await saveNetwork(
      { proxy: { url: 'http://127.0.0.1:3128' }, connectTimeoutSec: 15, responseTimeoutSec: 120 },
      'pw-123456',
    );
    expect(noUser).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'network.proxy.username', key: 'proxyPasswordNeedsUser' },
    });
    await saveNetwork(
      { proxy: { url: 'http://127.0.0.1:3128', username: 'bob' }, connectTimeoutSec: 15, responseTimeoutSec: 120 },
      'pw-123456',
    );
    expect(await call(core, 'network.get', undefined)).toMatchObject({ ok: true, value: { proxyPasswordSet: true } });
    // Saving again without a password leaves it; removing the proxy removes it.
    await saveNetwork({ proxy: { url: 'http://127.0.0.1:3129', username: 'bob' }, connectTimeoutSec: 15, responseTimeoutSec: 120 });
    expect(await call(core, 'network.get', undefined)).toMatchObject({ ok: true, value: { proxyPasswordSet: true } });
    await saveNetwork({ connectTimeoutSec: 15, responseTimeoutSec: 120 });
    expect(await call(core, 'network.get', undefined)).toMatchObject({ ok: true, value: { proxyPasswordSet: false } });
    const badUrl = await saveNetwork({ proxy: { url: 'socks5://127.0.0.1:1080' }, connectTimeoutSec: 15, responseTimeoutSec: 120 });
    expect(badUrl).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'network.proxy.url' } });
    const badTimeout = await saveNetwork({ connectTimeoutSec: 0, responseTimeoutSec: 120 });
    expect(badTimeout).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'network.connectTimeoutSec' } });
  });
});

describe('timeouts', () => {
  it('gives up on a provider that stays silent longer than the response timeout', async () => {
    await saveNetwork({ connectTimeoutSec: 15, responseTimeoutSec: 5 });
    server.quirks.push({ path: '/chat/completions', delayMs: 6500 });
    const started = Date.now();
    const error = await failure(generate(core, { providerId: 'agg', prompt: 'a fox', stream: false }));
    expect(error).toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(6400);
  }, 15_000);
});

describe('Test connection', () => {
  it('passes every step against a working provider and lists its models', async () => {
    const report = await call(core, 'providers.test', { id: 'agg' });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.ok).toBe(true);
    expect(report.value.steps.map((s) => [s.step, s.status])).toEqual([
      ['dns', 'ok'],
      ['connect', 'ok'],
      ['tls', 'skipped'],
      ['auth', 'ok'],
      ['models', 'ok'],
    ]);
    expect(report.value.models).toContain('gpt-4o-image');
  });

  it('names the failing step: auth, connect, dns, models', async () => {
    const reportFor = async (provider: Record<string, unknown>, env: Record<string, string> = {}) => {
      core.close();
      core = await openTestCore(undefined, env);
      await core.settings.update((s) => ({ ...s, providers: [{ id: 'agg', kind: 'openai-chat', models: ['m'], ...provider } as never] }));
      const report = await call(core, 'providers.test', { id: 'agg' });
      if (!report.ok) throw new Error(report.error.message);
      return report.value;
    };
    const failedStep = (report: { steps: Array<{ step: string; status: string }> }) =>
      report.steps.find((s) => s.status === 'failed')?.step;

    const wrongKey = await reportFor({ baseUrl: server.baseUrl }, { HOLST_API_KEY_AGG: 'sk-wrong-key-000000' });
    expect(failedStep(wrongKey)).toBe('auth');
    expect(JSON.stringify(wrongKey)).not.toContain('sk-wrong-key-000000');

    const noKey = await reportFor({ baseUrl: server.baseUrl });
    expect(failedStep(noKey)).toBe('auth');

    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await reportFor({ baseUrl: `http://127.0.0.1:${port}/v1` }, { HOLST_API_KEY_AGG: server.apiKey });
    expect(failedStep(refused)).toBe('connect');
    expect(refused.steps.at(-1)).toMatchObject({ step: 'models', status: 'skipped' });

    const unknownHost = await reportFor({ baseUrl: 'https://holst-test.invalid/v1' }, { HOLST_API_KEY_AGG: server.apiKey });
    expect(failedStep(unknownHost)).toBe('dns');

    server.quirks.push({ path: '/models', status: 404, body: { error: { message: 'no such route' } } });
    const noModels = await reportFor({ baseUrl: server.baseUrl }, { HOLST_API_KEY_AGG: server.apiKey });
    expect(failedStep(noModels)).toBe('models');
  });

  it('runs from the CLI too: the report as JSON, exit status 6 when a step fails', async () => {
    const env = { HOLST_API_KEY_AGG: server.apiKey, HOLST_KEYCHAIN_SERVICE: 'Holst-test-cli-none' };
    const good = await runHolst(['--json', '--data-dir', core.dataDir, 'providers', 'test', 'agg'], { env });
    expect(good.code).toBe(0);
    expect(good.json()).toMatchObject({ ok: true, models: expect.arrayContaining(['gpt-4o-image']) });
    const bad = await runHolst(['--data-dir', core.dataDir, 'providers', 'test', 'agg'], {
      env: { ...env, HOLST_API_KEY_AGG: 'sk-wrong-000000' },
    });
    expect(bad.code).toBe(6);
    expect(bad.stdout).toMatch(/✗ auth/);
    expect(bad.stdout).not.toContain('sk-wrong-000000');
  });

  it('fails at TLS for a private CA, and passes with the provider’s CA file (GigaChat: key via the token exchange)', async () => {
    const giga: GigaChatServer = await startGigaChatServer({ tls: true });
    closers.push(() => giga.close());
    core.close();
    core = await openTestCore(undefined, { HOLST_API_KEY_GIGA: giga.authorizationKey });
    const provider = { id: 'giga', kind: 'gigachat' as const, baseUrl: giga.baseUrl, authUrl: giga.authUrl, scope: 'GIGACHAT_API_PERS' };
    await core.settings.update((s) => ({ ...s, providers: [provider] }));
    const without = await call(core, 'providers.test', { id: 'giga' });
    expect(without.ok && without.value.steps.find((s) => s.status === 'failed')).toMatchObject({ step: 'tls' });
    expect(without.ok && without.value.steps.find((s) => s.step === 'tls')!.message).toMatch(/caFile|certificate file/);

    await core.settings.update((s) => ({ ...s, providers: [{ ...provider, caFile: giga.caFile! }] }));
    const withCa = await call(core, 'providers.test', { id: 'giga' });
    if (!withCa.ok) throw new Error(withCa.error.message);
    expect(withCa.value.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(withCa.value.models).toContain('GigaChat-2-Max');
  });
});
