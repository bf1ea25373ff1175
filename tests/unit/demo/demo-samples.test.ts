// The demo's sample library (src/demo/sample-library.ts): the app opened on a fresh demo folder, as
// `npm run demo` opens it, makes it in the background through its own requests and the demo servers,
// and a second start on the same folder adds nothing.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../src/main/core/app-core';
import type { Notice } from '../../../src/shared/contract';
import { DEMO_MARKER, refusalOf } from '../../../src/demo/demo-folder';
import { startDemo, type Demo } from '../../../src/demo/main';
import { SAMPLE_GENERATIONS, SAMPLE_SCENES } from '../../../src/demo/sample-plan';
import { SAMPLES_JOB, SAMPLES_NOTICE_ID } from '../../../src/demo/sample-library';
import { call, openTestCore } from '../../support/core';
import { removeTempDirs, tempDir } from '../../support/temp-dir';

/** Opens the app's core as the demo starts it, and waits for its sample job (if it started one) to end. */
async function openAsDemo(demo: Demo): Promise<{ core: AppCore; notices: Notice[]; hadJob: boolean }> {
  const core = await openTestCore(demo.dataDir, demo.env);
  const notices: Notice[] = [];
  core.events.subscribe((name, payload) => name === 'app.notice' && notices.push(payload as Notice));
  const job = core.jobs.list().find((j) => j.kind === SAMPLES_JOB);
  if (job) await core.jobs.settled(job.jobId);
  return { core, notices, hadJob: job !== undefined };
}

describe('the demo sample library', () => {
  let dataDir: string;
  let demo: Demo;
  let core: AppCore;
  let notices: Notice[];
  let hadJob: boolean;
  const providers = ['demo-gigachat', 'demo-openai-chat', 'demo-openai-images', 'demo-givon'];

  beforeAll(async () => {
    dataDir = await tempDir();
    demo = await startDemo({ dataDir });
    ({ core, notices, hadJob } = await openAsDemo(demo));
  }, 180_000);

  afterAll(async () => {
    core?.close();
    await demo?.close();
    await removeTempDirs();
  });

  it('is made in the background on the first start, with its progress in a notice', () => {
    expect(hadJob).toBe(true);
    const mine = notices.filter((n) => n.id === SAMPLES_NOTICE_ID);
    expect(mine[0]).toMatchObject({ level: 'info', key: 'demoSamples', params: { done: '0', total: String(SAMPLE_GENERATIONS) } });
    expect(mine.length).toBeGreaterThan(SAMPLE_GENERATIONS);
    const ready = mine.at(-1)!;
    expect(ready).toMatchObject({ key: 'demoSamplesReady' });
    expect(Number(ready.params!.pictures)).toBe(core.library.count({}));
  });

  it('holds at least 40 pictures from all four demo providers, each with its provider, model and prompt', () => {
    const images = core.library.list({ limit: 500 }).items;
    expect(images.length).toBeGreaterThanOrEqual(40);
    for (const image of images) {
      expect(['generated', 'edited']).toContain(image.source);
      expect(providers).toContain(image.provider);
      expect(image.model).toBeTruthy();
      expect(image.prompt).toBeTruthy();
      expect(image.conversationId).not.toBeNull();
    }
    expect(new Set(images.map((i) => i.provider))).toEqual(new Set(providers));
    // prompts in both languages
    expect(images.some((i) => /[а-яё]/i.test(i.prompt!))).toBe(true);
    expect(images.some((i) => /^[a-z ,:]+$/i.test(i.prompt!))).toBe(true);
  });

  it('has edits whose lineage leads to their source, some made with a mask', async () => {
    const images = core.library.list({ limit: 500 }).items;
    const details = await Promise.all(
      images.map(async (i) => (await call(core, 'library.get', { id: i.id })) as { ok: true; value: never }),
    );
    const edits = details.map((d) => d.value as { image: { id: number }; parents: { image: { id: number } }[]; mask: unknown });
    const withParents = edits.filter((d) => d.parents.length > 0);
    expect(withParents.length).toBeGreaterThanOrEqual(8);
    expect(withParents.filter((d) => d.mask !== null).length).toBeGreaterThanOrEqual(3);
    const ids = new Set(images.map((i) => i.id));
    for (const edit of withParents) for (const parent of edit.parents) expect(ids.has(parent.image.id)).toBe(true);
  });

  it('has tags and favourites put on with the library operations, and the filters find them', () => {
    const facets = core.library.facets();
    expect(facets.tags.length).toBeGreaterThanOrEqual(8);
    expect(facets.providers.map((p) => p.value).sort()).toEqual([...providers].sort());
    const favourites = core.library.count({ favorites: true });
    expect(favourites).toBeGreaterThanOrEqual(6);
    expect(core.library.count({ tag: 'night' })).toBeGreaterThanOrEqual(3);
  });

  it('has conversations with follow-ups, and prompts answered again with the versions kept', async () => {
    const conversations = await call(core, 'conversations.list', {});
    expect(conversations.ok && conversations.value.length).toBe(SAMPLE_SCENES.length);
    let followUps = 0;
    let answeredAgain = 0;
    for (const conversation of conversations.ok ? conversations.value : []) {
      const messages = await call(core, 'conversations.messages', { id: conversation.id });
      const list = messages.ok ? messages.value : [];
      const prompts = list.filter((m) => m.role === 'user');
      if (prompts.length > 1) followUps++;
      for (const prompt of prompts) {
        const versions = list.filter((m) => m.role === 'assistant' && m.replyTo === prompt.id);
        expect(versions.every((v) => v.status === 'complete')).toBe(true);
        if (versions.length > 1) {
          answeredAgain++;
          expect(versions.every((v) => v.imageIds.length > 0)).toBe(true);
        }
      }
    }
    expect(followUps).toBeGreaterThanOrEqual(3);
    expect(answeredAgain).toBeGreaterThanOrEqual(2);
  });

  it('leaves the folder a demo folder, and a second start on it adds nothing', async () => {
    const before = core.library.stats();
    core.close();
    await demo.close();
    expect(existsSync(dataDir)).toBe(true);
    expect(await refusalOf(dataDir)).toBeUndefined();
    const marker = JSON.parse(await fs.readFile(path.join(dataDir, DEMO_MARKER), 'utf8'));
    expect(marker.samples.made.sort()).toEqual(SAMPLE_SCENES.map((s) => s.id).sort());

    demo = await startDemo({ dataDir });
    ({ core, notices, hadJob } = await openAsDemo(demo));
    expect(hadJob).toBe(true);
    expect(notices.filter((n) => n.id === SAMPLES_NOTICE_ID)).toEqual([]);
    expect(core.library.stats()).toEqual(before);
  }, 60_000);
});
