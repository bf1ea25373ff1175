// A prompt that describes a picture (and does not ask for one in so many words) makes a picture
// with every provider kind, through the chat as a window sends it, each against its reference
// server with no answer scripted: GigaChat by its picture mode (on in a new chat, as the composer
// sends it), the other kinds because they are image APIs and image chat models.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paramSpec } from '../../../../../src/shared/provider-kinds';
import { ChatDriver } from '../../../../support/chat-driver';
import { PROVIDER_KINDS, setUpProvider, type ProviderSetup } from '../../../../support/providers';
import { removeTempDirs } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

describe.each(PROVIDER_KINDS)('"a lighthouse at dawn" sent to %s', (kind) => {
  let p: ProviderSetup;
  beforeEach(async () => {
    p = await setUpProvider(kind);
  });
  afterEach(() => p.close());

  it('makes a picture, saved in the library with the prompt as typed', async () => {
    const chat = new ChatDriver(p.core);
    // What a new chat's composer sends: each setting the kind takes at its default only where it has one to send (picture mode).
    const pictureMode = paramSpec(kind, 'pictureMode');
    const params = pictureMode ? { pictureMode: pictureMode.default } : {};
    expect(pictureMode?.default ?? null).toBe(kind === 'gigachat' ? true : null);
    const answer = await chat.answer({ providerId: p.providerId, prompt: 'a lighthouse at dawn', params });
    expect(answer.message.imageIds).toHaveLength(1);
    const image = p.core.library.require(answer.message.imageIds[0]!);
    expect(image).toMatchObject({ prompt: 'a lighthouse at dawn', provider: p.providerId, source: 'generated' });
    expect(await p.libraryFiles()).toBe(1);
  });
});
