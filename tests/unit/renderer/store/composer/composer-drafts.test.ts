// The composer's draft per conversation: what a sent prompt leaves for the next, what a new chat
// starts from, and which picture settings go to which provider kind.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../../../src/shared/library';
import {
  buildParams,
  cleanDraft,
  draftFromConversation,
  draftKey,
  EMPTY_PARAMS,
  hasParams,
  paramsFromRequest,
  pickDraft,
  DRAFT_FIELDS,
} from '../../../../../src/renderer/store/composer/drafts';
import { describeKind, paramNames } from '../../../../../src/shared/provider-kinds';
import { PROVIDER_KINDS } from '../../../../../src/shared/settings';

const message = (over: Partial<Message>): Message =>
  ({
    id: 1,
    conversationId: 7,
    role: 'user',
    text: 'a cat',
    provider: null,
    model: null,
    request: null,
    imageIds: [],
    status: 'complete',
    replyTo: null,
    createdAt: 0,
    ...over,
  }) as Message;

describe('composer drafts', () => {
  it('keys the new chat apart from every conversation', () => {
    expect(draftKey(null)).toBe('new');
    expect(draftKey(7)).toBe('c7');
    expect(draftKey(7)).not.toBe(draftKey(70));
  });

  it('starts a new chat clean, with the provider and model last used', () => {
    const draft = cleanDraft({ providerId: 'givon', model: 'gpt-image-2' });
    expect(draft).toMatchObject({
      prompt: '',
      providerId: 'givon',
      models: { givon: 'gpt-image-2' },
      params: {},
      attachments: [],
      mask: null,
    });
    expect(cleanDraft(null)).toMatchObject({ providerId: null, models: {} });
    // A draft is exactly its fields: nothing of the rest of the state is carried along.
    expect(Object.keys(pickDraft({ ...draft, currentId: 3 } as never)).sort()).toEqual([...DRAFT_FIELDS].sort());
  });

  it('goes on in a conversation with the provider, model and picture settings of its newest prompt', () => {
    const messages = [
      message({ id: 1, provider: 'agg', model: 'gpt-4o-image', request: { params: { n: 2, size: '1536x1024' } } }),
      message({ id: 2, role: 'assistant', replyTo: 1 }),
      message({
        id: 3,
        provider: 'givon',
        model: 'gpt-image-2',
        request: { params: { aspect: '9:16', quality: 'high', resolution: '2K' } },
      }),
      message({ id: 4, role: 'assistant', replyTo: 3 }),
    ];
    expect(draftFromConversation(messages, { providerId: 'agg', model: 'x' })).toEqual({
      providerId: 'givon',
      models: { givon: 'gpt-image-2' },
      params: { givon: { ...EMPTY_PARAMS, aspect: '9:16', quality: 'high', resolution: '2K' } },
    });
    // A conversation with no prompt sent yet starts from what was last used.
    expect(draftFromConversation([], { providerId: 'agg', model: 'm' })).toEqual({ providerId: 'agg', models: { agg: 'm' }, params: {} });
  });

  it('reads back only the settings it knows, from a request written by any version', () => {
    expect(paramsFromRequest({ params: { n: 3, size: 'auto', quality: 'ultra', resolution: '8K', aspect: 5 } })).toEqual({
      ...EMPTY_PARAMS,
      n: '3',
      size: 'auto',
    });
    expect(paramsFromRequest({ params: { pictureMode: true } })).toEqual({ ...EMPTY_PARAMS, pictureMode: 'on' });
    expect(paramsFromRequest({ params: { pictureMode: false } })).toEqual({ ...EMPTY_PARAMS, pictureMode: 'off' });
    expect(paramsFromRequest(null)).toEqual(EMPTY_PARAMS);
    expect(paramsFromRequest({ params: 'nonsense' })).toEqual(EMPTY_PARAMS);
  });

  it('sends only the settings the provider kind takes, and only filled ones', () => {
    const filled = { ...EMPTY_PARAMS, n: '2', size: '1024x1536', aspect: '16:9', quality: 'high', resolution: '4K' } as const;
    expect(buildParams('openai-chat', filled)).toEqual({ n: 2, size: '1024x1536' });
    expect(buildParams('openai-images', filled)).toEqual({ n: 2, size: '1024x1536', quality: 'high' });
    expect(buildParams('givon', filled)).toEqual({ aspect: '16:9', quality: 'high', resolution: '4K' });
    // GigaChat makes 1 to 4 pictures per request: its count goes, and its picture mode (on unless switched off).
    expect(buildParams('gigachat', filled)).toEqual({ n: 2, pictureMode: true });
    expect(buildParams('gigachat', { ...EMPTY_PARAMS, pictureMode: 'off' })).toEqual({ pictureMode: false });
    expect(buildParams('openai-images', { ...EMPTY_PARAMS, pictureMode: 'on' })).toEqual({});
    expect(buildParams('givon', { ...EMPTY_PARAMS, aspect: '  ' })).toEqual({});
    expect(hasParams(undefined, 'givon')).toBe(false);
    expect(hasParams(EMPTY_PARAMS, 'givon')).toBe(false);
    expect(hasParams({ ...EMPTY_PARAMS, quality: 'low' }, 'givon')).toBe(true);
    // A setting the kind does not take is not one it has: nothing stayed behind with it.
    expect(hasParams({ ...EMPTY_PARAMS, quality: 'low' }, 'gigachat')).toBe(false);
    expect(hasParams({ ...EMPTY_PARAMS, n: '3' }, 'gigachat')).toBe(true);
    // A switch is a setting once it is away from its default.
    expect(hasParams({ ...EMPTY_PARAMS, pictureMode: 'on' }, 'gigachat')).toBe(false);
    expect(hasParams({ ...EMPTY_PARAMS, pictureMode: 'off' }, 'gigachat')).toBe(true);
  });

  it('sends, for every kind, exactly the parameters its description lists, each as its type is sent', () => {
    const filled = {
      n: '3',
      size: 'auto',
      aspect: '1:1',
      quality: 'low',
      resolution: '1K',
      pictureMode: 'off',
      outputFormat: 'webp',
      compression: '70',
      background: 'opaque',
      moderation: 'low',
      inputFidelity: 'high',
      seed: '9',
      partialImages: '2',
    } as const;
    for (const kind of PROVIDER_KINDS) {
      const sent = buildParams(kind, filled);
      expect(Object.keys(sent)).toEqual(paramNames(kind));
      for (const spec of describeKind(kind).params) {
        const value = sent[spec.name];
        if (spec.type === 'count' || spec.type === 'number') expect(value).toBe(Number(filled[spec.name]));
        else if (spec.type === 'toggle') expect(value).toBe(false);
        else expect(value).toBe(filled[spec.name]);
      }
    }
  });
});
