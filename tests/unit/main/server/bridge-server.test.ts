// The browser harness's server: real HTTP and WebSocket on 127.0.0.1, the real core behind it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openCore } from '../../../../src/main/core/app-core';
import { silentLogger } from '../../../../src/main/core/logging/log';
import { startBridgeServer, type BridgeServer } from '../../../../src/main/server/bridge-server';
import { testKeychainService } from '../../../support/keychain';
import { removeTempDirs, tempDir } from '../../../support/temp-dir';

let server: BridgeServer;

beforeAll(async () => {
  const dataDir = await tempDir();
  const rendererDir = path.join(dataDir, 'renderer');
  await fs.mkdir(rendererDir);
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Holst</title>');
  const core = await openCore({
    dataDir,
    shell: 'browser',
    settingsPolicy: 'recover',
    env: { HOLST_KEYCHAIN_SERVICE: testKeychainService() },
    logger: silentLogger,
  });
  server = await startBridgeServer({ core, rendererDir });
});

afterAll(async () => {
  await server.close();
  await removeTempDirs();
});

const cookie = () => `holst_token_${server.port}=${server.token}`;

function connect(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/bridge`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function request(ws: WebSocket, frame: unknown): Promise<{ t: string; id: number; result: { ok: boolean; error?: { code: string } } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString());
      if (message.t === 'res') {
        ws.off('message', onMessage);
        resolve(message);
      }
    };
    ws.on('message', onMessage);
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  });
}

describe('harness HTTP', () => {
  it('binds to 127.0.0.1 and prints a URL carrying the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('refuses pages without the token', async () => {
    const res = await fetch(`${server.origin}/`);
    expect(res.status).toBe(401);
    const wrong = await fetch(`${server.origin}/?token=wrong`, { redirect: 'manual' });
    expect(wrong.status).toBe(401);
  });

  it('swaps the URL token for an HttpOnly cookie, then serves the app with a strict CSP', async () => {
    const res = await fetch(server.url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await fetch(`${server.origin}/`, { headers: { cookie: cookie() } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Holst</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
  });

  it('refuses other Host headers (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: 'evil.example', cookie: cookie() } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
    });
    expect(status).toBe(421);
  });
});

describe('harness WebSocket bridge', () => {
  it('refuses connections without the token or from another origin', async () => {
    await expect(connect({ origin: server.origin })).rejects.toThrow(/403/);
    await expect(connect({ origin: 'https://evil.example', cookie: cookie() })).rejects.toThrow(/403/);
  });

  it('answers requests through the contract, with typed errors for bad input', async () => {
    const ws = await connect({ origin: server.origin, cookie: cookie() });
    const info = await request(ws, { t: 'req', id: 1, channel: 'app.info' });
    expect(info).toMatchObject({ t: 'res', id: 1, result: { ok: true, value: { shell: 'browser' } } });
    const bad = await request(ws, { t: 'req', id: 2, channel: 'settings.setTheme', input: { theme: 42 } });
    expect(bad.result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await request(ws, { t: 'req', id: 3, channel: 'shell.exec', input: 'rm -rf /' });
    expect(unknown.result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const malformed = await request(ws, { t: 'req', id: 4, channel: { nested: true } });
    expect(malformed.result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    ws.close();
  });

  it('pushes core events to connected pages', async () => {
    const ws = await connect({ origin: server.origin, cookie: cookie() });
    const event = new Promise<{ t: string; event: string; payload: { appearance: { theme: string } } }>((resolve) =>
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString());
        if (message.t === 'evt') resolve(message);
      }),
    );
    await request(ws, { t: 'req', id: 1, channel: 'settings.setTheme', input: { theme: 'dark' } });
    expect(await event).toMatchObject({ event: 'settings.changed', payload: { appearance: { theme: 'dark' } } });
    ws.close();
  });
});
