// The app's log: secrets taken out (by value and by shape), rotation by size, the crash guard in a
// real process, diagnostics, and — the release check — a log written while a request fails with
// the key in its headers and echoed back holds no part of the key.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../../../src/main/core/app-core';
import { generate } from '../../../../../src/main/core/generation/generate';
import { FileLog } from '../../../../../src/main/core/logging/file-log';
import { redact } from '../../../../../src/main/core/logging/redact';
import { startOpenAIChatServer } from '../../../../servers/openai-chat-server';
import { call } from '../../../../support/core';
import { failure } from '../../../../support/failure';
import { fakeApiKey, testKeychainService } from '../../../../support/keychain';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

/** Every 8-character stretch of `secret` found in `text`. */
const stretches = (secret: string, text: string) =>
  Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8)).filter((part) => text.includes(part));

describe('redact', () => {
  it('takes out known secrets and anything shaped like a credential, and cuts data URIs short', () => {
    const png = `data:image/png;base64,${Buffer.alloc(3000, 7).toString('base64')}`;
    const text = [
      'Authorization: Bearer abcdefghijklmnop',
      '{"authorization":"Basic dXNlcjpwYXNzd29yZA=="}',
      "headers: { 'proxy-authorization': 'Basic Zm9vOmJhcg==' }",
      'key sk-proj-ABCDEF1234567890 in a message',
      'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
      'GET https://api.example.com/v1/x?key=AIzaSecretValue&alt=json',
      'proxy http://alice:hunter22@proxy.local:3128',
      `image ${png}`,
      'a plain secret: my-very-own-secret-value',
    ].join('\n');
    const out = redact(text, ['my-very-own-secret-value']);
    for (const secret of [
      'abcdefghijklmnop',
      'dXNlcjpwYXNzd29yZA',
      'Zm9vOmJhcg',
      'ABCDEF1234567890',
      'eyJhbGciOiJIUzI1NiJ9',
      'AIzaSecretValue',
      'hunter22',
      'my-very-own-secret-value',
    ]) {
      expect(out, secret).not.toContain(secret);
    }
    expect(out).toContain('data:image/png;base64,…(3000 bytes cut)');
    expect(out.length).toBeLessThan(text.length / 4);
    expect(out).toContain('alt=json');
    expect(out).toContain('proxy.local:3128');
  });
});

describe('FileLog', () => {
  it('rotates by size, keeps the newest files, and reads the last lines across a rotation', async () => {
    const dir = await tempDir();
    const log = new FileLog({ dir, maxBytes: 2000, keep: 2 });
    for (let i = 0; i < 200; i++) log.info(`line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`);
    const files = (await fs.readdir(dir)).sort();
    expect(files).toEqual(['holst.1.log', 'holst.2.log', 'holst.log']);
    for (const file of files) expect((await fs.stat(path.join(dir, file))).size).toBeLessThanOrEqual(2000);
    const tail = log.tail(40);
    expect(tail).toHaveLength(40);
    expect(tail.at(-1)).toContain('line 199');
    expect(tail[0]).toContain('line 160');
    // Reopened, it carries on the same file.
    new FileLog({ dir, maxBytes: 2000, keep: 2 }).warn('after a restart');
    expect(log.tail(1)[0]).toMatch(/warn after a restart$/);
  });

  it('writes errors with their stack and causes, on indented lines', async () => {
    const log = new FileLog({ dir: await tempDir() });
    log.error('something failed', new Error('outer', { cause: new Error('inner cause') }));
    const text = await fs.readFile(log.file, 'utf8');
    expect(text).toMatch(/error something failed: Error: outer\n {4,}at /);
    expect(text).toContain('caused by: Error: inner cause');
  });
});

describe('crash guard', () => {
  it('logs and reports an uncaught error and a rejected promise; the process lives on', async () => {
    const dir = await tempDir();
    const script = path.join(dir, 'child.cjs');
    await build({
      entryPoints: ['tests/fixtures/crash-guard-child.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: script,
      logLevel: 'silent',
    });
    const { stdout } = await promisify(execFile)(process.execPath, [script, path.join(dir, 'logs')]);
    expect(stdout.split('\n').filter(Boolean)).toEqual([
      'reported: Holst ran into an unexpected problem',
      'reported: Holst ran into an unexpected problem',
      'still alive',
    ]);
    const text = await fs.readFile(path.join(dir, 'logs', 'holst.log'), 'utf8');
    expect(text).toContain('unexpected error in the main process: Error: boom from a timer');
    expect(text).toContain('unexpected promise rejection in the main process: Error: a rejected promise');
    expect(text).not.toContain('sk-crashguard-0123456789');
  });
});

describe('the app log during provider failures', () => {
  it('holds the failures but no part of the key, even when the provider echoes the Authorization header', async () => {
    // A key of its own, so no stretch of it can turn up by chance (in a temp folder's name, say).
    const server = await startOpenAIChatServer({ apiKey: fakeApiKey('9f3e') });
    const dataDir = await tempDir();
    const log = new FileLog({ dir: path.join(dataDir, 'logs') });
    const core = await openCore({
      dataDir,
      shell: 'browser',
      settingsPolicy: 'recover',
      env: { HOLST_KEYCHAIN_SERVICE: testKeychainService(), HOLST_API_KEY_AGG: server.apiKey },
      log,
    });
    try {
      await core.settings.update((s) => ({
        ...s,
        providers: [{ id: 'agg', kind: 'openai-chat', baseUrl: server.baseUrl, models: ['gpt-4o-image'] }],
      }));
      server.quirks.push({
        path: '/chat/completions',
        status: 401,
        body: { error: { message: `Invalid header Authorization: Bearer ${server.apiKey}` } },
      });
      expect(await failure(generate(core, { providerId: 'agg', prompt: 'a fox' }))).toMatchObject({ code: 'auth' });
      server.quirks.push({ path: '/chat/completions', status: 400, body: `bad request; you sent key=${server.apiKey}` });
      expect(await failure(generate(core, { providerId: 'agg', prompt: 'a fox' }))).toMatchObject({ code: 'bad_request' });
      server.quirks.push({ path: '/chat/completions', destroy: true, times: 4 });
      expect(await failure(generate(core, { providerId: 'agg', prompt: 'a fox' }))).toMatchObject({ code: 'network' });
      // And a message that carries the key outright, as a careless library might log it.
      core.logger.error(
        `request failed with headers {"Authorization":"Bearer ${server.apiKey}"}`,
        new Error(`x-api-key: ${server.apiKey}`),
      );

      const text = await fs.readFile(log.file, 'utf8');
      expect(text).toMatch(/Holst \S+ starting \(browser;/);
      expect(text).toMatch(/POST .*\/chat\/completions \(the chat request\) answered 401 \(auth\)/);
      expect(text).toMatch(/answered 400 \(bad_request\)/);
      expect(stretches(server.apiKey, text)).toEqual([]);

      const diagnostics = await call(core, 'app.diagnostics', undefined);
      if (!diagnostics.ok) throw new Error(diagnostics.error.message);
      expect(diagnostics.value.text).toContain('agg (openai-chat)');
      expect(diagnostics.value.text).toContain('key from env');
      expect(diagnostics.value.text).toMatch(/answered 401/);
      expect(stretches(server.apiKey, diagnostics.value.text)).toEqual([]);
      expect(await call(core, 'app.openLogsFolder', undefined)).toEqual({
        ok: true,
        value: { path: path.join(dataDir, 'logs'), opened: false },
      });
    } finally {
      core.close();
      await server.close();
    }
  });
});
