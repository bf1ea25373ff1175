// `npm run demo` as a user meets it where Electron cannot be had: the printed address serves the app,
// and the demo providers answer through it with real pictures of the prompt, errors on request and
// Givon's job progress. It refuses a data folder that holds a real library.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { GenerationEvent } from '../../../src/shared/generation';
import { openTestCore, call } from '../../support/core';
import { solidImage } from '../../support/images';
import { removeTempDirs, tempDir } from '../../support/temp-dir';

const electronInstalled = (() => {
  const pathFile = path.resolve('node_modules/electron/path.txt');
  return existsSync(pathFile) && existsSync(path.resolve('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()));
})();

async function demoEnv(): Promise<NodeJS.ProcessEnv> {
  return {
    ...process.env,
    HOLST_START_SKIP_BUILD: '1',
    // A mirror that refuses connections: the download fails at once, as it does without GitHub.
    ELECTRON_MIRROR: 'http://127.0.0.1:9/',
    electron_config_cache: path.join(await tempDir(), 'electron-cache'),
    ELECTRON_SKIP_BINARY_DOWNLOAD: '',
    LANG: 'en_US.UTF-8',
    LC_ALL: '',
    LC_MESSAGES: '',
  };
}

/** Resolves with the first capture of `pattern` in the demo's output (stdout). */
function waitForLine(child: ChildProcess, lines: string[], pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const seen = lines.map((line) => pattern.exec(line)).find(Boolean);
    if (seen) return resolve(seen[1]!);
    const reader = createInterface({ input: child.stdout! });
    reader.on('line', (line) => {
      const match = pattern.exec(line);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`demo exited with ${code}: ${lines.join('\n')}`)));
  });
}

interface Bridge {
  request<T>(channel: string, input?: unknown): Promise<T>;
  /** The generation's events up to and including `finished`. */
  generation(generationId: string): Promise<GenerationEvent[]>;
  close(): void;
}

async function openBridge(origin: string, cookie: string): Promise<Bridge> {
  const ws = await new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(`${origin.replace('http', 'ws')}/bridge`, { headers: { origin, cookie } });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
  const events: GenerationEvent[] = [];
  const waiting = new Map<number, (result: { ok: boolean; value?: unknown; error?: { code: string; message: string } }) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (frame.t === 'res') waiting.get(frame.id)?.(frame.result);
    if (frame.t === 'evt' && frame.event === 'generation.event') events.push(frame.payload);
  });
  let next = 1;
  return {
    request: (channel, input) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, (result) => (result.ok ? resolve(result.value as never) : reject(new Error(`${channel}: ${result.error?.code}`))));
        ws.send(JSON.stringify({ t: 'req', id, channel, input }));
      }),
    generation: async (generationId) => {
      for (let i = 0; i < 1200; i++) {
        const mine = events.filter((e) => e.generationId === generationId);
        if (mine.some((e) => e.type === 'finished')) return mine;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`generation ${generationId} did not finish`);
    },
    close: () => ws.close(),
  };
}

/** Share of pixels that are clearly red (JPEG noise allowed). */
async function redShare(bytes: Buffer): Promise<number> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let red = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i]! > 170 && data[i + 1]! < 80 && data[i + 2]! < 80) red++;
  return red / (info.width * info.height);
}

describe.skipIf(electronInstalled)('npm run demo, served to the browser', () => {
  let child: ChildProcess;
  const lines: string[] = [];
  let url: string;
  let dataDir: string;
  let bridge: Bridge;
  let cookie: string;
  const finished = (events: GenerationEvent[]) => events.at(-1) as Extract<GenerationEvent, { type: 'finished' }>;
  const imagesOf = (events: GenerationEvent[]) => events.flatMap((e) => (e.type === 'image' ? [e.image] : []));
  const original = async (id: number) => {
    const res = await fetch(new URL(`/media/original/${id}`, url), { headers: { cookie } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  beforeAll(async () => {
    child = spawn(process.execPath, ['scripts/demo.mjs'], { env: await demoEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
    url = await waitForLine(child, lines, /running in your browser at (\S+)/);
    dataDir = await waitForLine(child, lines, /^Data folder: (.+)$/);
    const first = await fetch(url, { redirect: 'manual' });
    cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    bridge = await openBridge(new URL(url).origin, cookie);
  }, 60_000);

  afterAll(async () => {
    bridge?.close();
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await removeTempDirs();
  });

  it('says it is the demo and where it runs, in a throwaway folder, with the four Demo providers', async () => {
    expect(lines.filter((l) => l.includes('Electron is not available here'))).toHaveLength(1);
    expect(lines[0]).toMatch(/^Holst demo: Demo GigaChat, .*Demo Givon on 127\.0\.0\.1; data in a throwaway folder/);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect(existsSync(path.join(dataDir, 'holst-demo.json'))).toBe(true);
    const settings = await bridge.request<{ providers: { id: string; kind: string; name: string; baseUrl: string }[] }>('settings.get');
    expect(settings.providers.map((p) => [p.id, p.kind])).toEqual([
      ['demo-gigachat', 'gigachat'],
      ['demo-openai-chat', 'openai-chat'],
      ['demo-openai-images', 'openai-images'],
      ['demo-givon', 'givon'],
    ]);
    for (const provider of settings.providers) {
      expect(provider.name).toMatch(/^Demo /);
      expect(provider.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    }
    // the keys come from the environment, never the keychain
    for (const provider of settings.providers)
      expect(await bridge.request('secrets.status', { providerId: provider.id })).toMatchObject({ set: true, source: 'env' });
  });

  it('answers a GigaChat prompt with a real picture of it: a red cat by the sea', async () => {
    const started = await bridge.request<{ generationId: string }>('chat.send', {
      providerId: 'demo-gigachat',
      prompt: 'Нарисуй красного кота на фоне моря',
    });
    const events = await bridge.generation(started.generationId);
    expect(finished(events)).toMatchObject({ status: 'complete', error: null });
    expect(events.filter((e) => e.type === 'text').length).toBeGreaterThan(1);
    const [image] = imagesOf(events);
    const bytes = await original(image!.id);
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1024, height: 1024 });
    expect(await redShare(bytes)).toBeGreaterThan(0.03);
  });

  it('gets a 429 first when the prompt asks for it, and the retry after Retry-After succeeds', async () => {
    const started = await bridge.request<{ generationId: string }>('chat.send', {
      providerId: 'demo-openai-images',
      prompt: 'a yellow star, error 429',
      params: { size: '1536x1024' },
    });
    const events = await bridge.generation(started.generationId);
    expect(finished(events)).toMatchObject({ status: 'complete', error: null });
    // The queue waits the 429 out (holding no place) and the window is told until when, so it can say what is happening.
    const waits = events.filter((e) => e.type === 'progress' && e.key === 'queueRateLimitedUntil');
    expect(waits).toMatchObject([{ params: { name: 'Demo Images API', retry: '1', of: '3' } }]);
    const log = await fs.readFile(path.join(dataDir, 'logs', 'holst.log'), 'utf8');
    expect(log).toMatch(/Demo Images API: POST \S+\/images\/generations \(.*\) answered 429 \(rate_limited\)/);
    expect(log).toMatch(/queue: generation \S+ was refused for now by demo-openai-images \(429\); it waits 2000 ms \(1 of 3\)/);
    const meta = await sharp(await original(imagesOf(events)[0]!.id)).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1024, height: 683 });
  });

  it('answers "error 401" with an auth error, every time', async () => {
    const started = await bridge.request<{ generationId: string }>('chat.send', {
      providerId: 'demo-openai-chat',
      prompt: 'a cat, error 401',
    });
    const events = await bridge.generation(started.generationId);
    expect(finished(events)).toMatchObject({ status: 'error', error: { code: 'auth' } });
  });

  it('follows a Givon job with progress, then edits the picture it made', async () => {
    const first = await bridge.request<{ generationId: string; conversationId: number }>('chat.send', {
      providerId: 'demo-givon',
      prompt: 'a green tree under the sun',
      params: { aspect: '16:9' },
    });
    const events = await bridge.generation(first.generationId);
    expect(finished(events)).toMatchObject({ status: 'complete' });
    expect(events.filter((e) => e.type === 'progress').length).toBeGreaterThanOrEqual(2);
    const made = imagesOf(events)[0]!;
    expect(await sharp(await original(made.id)).metadata()).toMatchObject({ width: 1024, height: 576 });

    const edit = await bridge.request<{ generationId: string }>('chat.send', {
      conversationId: first.conversationId,
      providerId: 'demo-givon',
      prompt: 'make it night',
      imageIds: [made.id],
    });
    const edited = imagesOf(await bridge.generation(edit.generationId))[0]!;
    const [before, after] = await Promise.all(
      [original(made.id), original(edited.id)].map(async (b) => (await sharp(await b).stats()).channels),
    );
    // the night edit darkens the whole picture
    expect(after![0]!.mean + after![1]!.mean).toBeLessThan((before![0]!.mean + before![1]!.mean) * 0.7);
  }, 60_000);

  it('stops the app and the servers on Ctrl+C and removes its throwaway folder', async () => {
    const settings = await bridge.request<{ providers: { baseUrl: string }[] }>('settings.get');
    bridge.close();
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(existsSync(dataDir)).toBe(false);
    for (const provider of settings.providers) await expect(fetch(provider.baseUrl)).rejects.toThrow();
    await expect(fetch(url)).rejects.toThrow();
  }, 20_000);
});

describe('npm run demo against a real library', () => {
  const runDemo = async (dataDir: string) =>
    spawnSync(process.execPath, ['scripts/demo.mjs', '--data-dir', dataDir], { env: await demoEnv(), encoding: 'utf8', timeout: 20_000 });

  it('refuses a folder whose settings name real providers, in one line, with exit code 2, and changes nothing', async () => {
    const dataDir = await tempDir();
    const settings = `${JSON.stringify({ version: 1, providers: [{ id: 'work', kind: 'openai-chat', name: 'Work', baseUrl: 'https://api.example.com/v1' }] })}\n`;
    await fs.writeFile(path.join(dataDir, 'settings.json'), settings);
    const result = await runDemo(dataDir);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/holds a real library: its settings name the provider "Work"/);
    expect(result.stdout).not.toMatch(/running in your browser/);
    expect(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')).toBe(settings);
    expect(await fs.readdir(dataDir)).toEqual(['settings.json']);
  });

  it('refuses a folder whose library holds images', async () => {
    const dataDir = await tempDir();
    const core = await openTestCore(dataDir);
    const imported = await call(core, 'library.importBytes', { name: 'mine.png', base64: (await solidImage(7)).toString('base64') });
    expect(imported.ok).toBe(true);
    core.close();
    const result = await runDemo(dataDir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/holds a real library \(1 image in library\.sqlite\)/);
    expect(existsSync(path.join(dataDir, 'holst-demo.json'))).toBe(false);
  });

  it('takes an empty folder it is given, and keeps it afterwards', async () => {
    const dataDir = await tempDir();
    const child = spawn(process.execPath, ['scripts/demo.mjs', '--data-dir', dataDir], {
      env: await demoEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
    try {
      await waitForLine(child, lines, /running in your browser at (\S+)/);
      expect(lines[0]).toContain(`data in ${dataDir}`);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    const settings = JSON.parse(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8'));
    expect(settings.providers.map((p: { id: string }) => p.id)).toEqual([
      'demo-gigachat',
      'demo-openai-chat',
      'demo-openai-images',
      'demo-givon',
    ]);
    // a demo folder may be used again
    expect(existsSync(path.join(dataDir, 'holst-demo.json'))).toBe(true);
  }, 30_000);
});
