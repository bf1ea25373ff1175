// No key or token leaves the main process: every IPC answer, every pushed event and every log
// line written while GigaChat work succeeds and fails (the provider even echoing the key and the
// token back in its error bodies) is searched for any stretch of them.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type AppCore } from '../../../../../src/main/core/app-core';
import type { Logger } from '../../../../../src/main/core/logging/log';
import type { GenerationEvent } from '../../../../../src/shared/generation';
import { startGigaChatServer, type GigaChatServer } from '../../../../servers/gigachat-server';
import { runHolst } from '../../../../support/cli';
import { testKeychainService } from '../../../../support/keychain';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

let server: GigaChatServer;
let core: AppCore;
let dataDir: string;
let env: NodeJS.ProcessEnv;
const seen: string[] = [];

const logger: Logger = {
  info: (message) => seen.push(`info ${message}`),
  warn: (message) => seen.push(`warn ${message}`),
  error: (message, error) => seen.push(`error ${message} ${error instanceof Error ? `${error.message} ${error.stack}` : String(error)}`),
};

/** Sends a request as a window would and records the answer exactly as it would cross IPC. */
async function ipc(channel: string, input: unknown): Promise<unknown> {
  const result = await core.dispatch(channel, input);
  seen.push(JSON.stringify(result));
  return result;
}

async function finished(generationId: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (seen.some((line) => line.includes(generationId) && line.includes('"finished"'))) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('generation did not finish');
}

async function chat(prompt: string): Promise<void> {
  const started = (await ipc('chat.send', { providerId: 'giga', prompt })) as { ok: boolean; value: { generationId: string } };
  expect(started.ok).toBe(true);
  await finished(started.value.generationId);
}

/** Every 10-character stretch of a secret: finding any of them means part of it leaked. */
function leaks(secret: string, haystack: string): string[] {
  const found = new Set<string>();
  for (let i = 0; i + 10 <= secret.length; i++) {
    const part = secret.slice(i, i + 10);
    if (haystack.includes(part)) found.add(part);
  }
  return [...found];
}

beforeEach(async () => {
  seen.length = 0;
  server = await startGigaChatServer();
  dataDir = await tempDir();
  env = { HOLST_KEYCHAIN_SERVICE: testKeychainService() };
  core = await openCore({ dataDir, shell: 'browser', settingsPolicy: 'recover', env, logger });
  core.events.subscribe((name, payload) => seen.push(`${name} ${JSON.stringify(payload)}`));
  await ipc('providers.save', {
    provider: {
      id: 'giga',
      kind: 'gigachat',
      baseUrl: server.baseUrl,
      authUrl: server.authUrl,
      scope: 'GIGACHAT_API_PERS',
      models: ['GigaChat-2-Max'],
    },
  });
  await ipc('secrets.set', { providerId: 'giga', key: server.authorizationKey });
});
afterEach(async () => {
  await core.dispatch('secrets.clear', { providerId: 'giga' });
  core.close();
  await server.close();
});
afterAll(removeTempDirs);

describe('secrets stay in the main process', () => {
  it('appear in no IPC answer, event or log line, whatever the provider answers', async () => {
    const clientSecret = Buffer.from(server.authorizationKey, 'base64').toString('utf8').split(':')[1]!;

    server.nextAnswerWithImages(1, 'Вот кот');
    await chat('кот');
    const token = [...server.tokens.keys()][0]!;
    expect(token.length).toBeGreaterThan(100);

    // The provider echoes the token back in an error body, then the key in a token error.
    server.quirks.push({ path: '/chat/completions', status: 400, body: { status: 400, message: `Bad request for token ${token}` } });
    await chat('кот снова');
    server.expireTokens();
    server.quirks.push({ path: '/chat/completions', status: 401, body: { status: 401, message: `Token expired: ${token}` } });
    server.quirks.push({
      path: '/oauth',
      status: 401,
      body: { code: 6, message: `Credentials ${server.authorizationKey} are invalid (${clientSecret})` },
    });
    await chat('и ещё');
    // A provider whose connection fails and whose model list is refused, echoing the Authorization header.
    server.quirks.push({ path: '/models', status: 403, body: `Forbidden: Authorization: Bearer ${token}` });
    await ipc('providers.test', { id: 'giga' });
    await ipc('providers.countTokens', { id: 'giga', text: 'кот' });
    await ipc('providers.list', undefined);
    await ipc('secrets.status', { providerId: 'giga' });
    await ipc('conversations.list', {});

    const events = seen.filter((line) => line.startsWith('generation.event')).map((line) => JSON.parse(line.slice(17)) as GenerationEvent);
    expect(events.filter((e) => e.type === 'finished').map((e) => (e as { status: string }).status)).toEqual([
      'complete',
      'error',
      'error',
    ]);
    const errors = events.flatMap((e) => (e.type === 'finished' && e.error ? [e.error.message] : []));
    expect(errors.join(' ')).toMatch(/Bad request for token ••••/);

    const haystack = seen.join('\n');
    for (const secret of [server.authorizationKey, clientSecret, ...server.tokens.keys()]) {
      expect(leaks(secret, haystack), 'stretches of a secret found in IPC, events or logs').toEqual([]);
    }
  });

  it('appear nowhere in the CLI’s output, in JSON or as text, even when the provider echoes them', async () => {
    server.quirks.push({ path: '/oauth', status: 401, body: { code: 6, message: `Credentials ${server.authorizationKey} are invalid` } });
    const json = await runHolst(['generate', '--provider', 'giga', '--prompt', 'кот', '--json', '--data-dir', dataDir], { env });
    server.nextAnswerWithImages(1, 'Вот кот');
    const text = await runHolst(['generate', '--provider', 'giga', '--prompt', 'кот', '--data-dir', dataDir], { env });
    expect(server.quirks.pending, json.stdout + json.stderr).toBe(0);
    expect(json.code).not.toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'auth' } });
    expect(text.code).toBe(0);
    const output = [json.stdout, json.stderr, text.stdout, text.stderr].join('\n');
    for (const secret of [server.authorizationKey, ...server.tokens.keys()]) expect(leaks(secret, output)).toEqual([]);
  });
});
