import { describe, expect, it } from 'vitest';
import { isHolstError } from '../../../src/shared/errors';
import { MASK_KINDS, maskSupport } from '../../../src/shared/mask';
import { ChatSendSchema, GenerateParamsSchema } from '../../../src/shared/generation';
import {
  describeKind,
  GIVON_ASPECT_RATIOS,
  KIND_DESCRIPTIONS,
  MAX_REQUEST_IMAGES,
  paramNames,
  paramSpec,
  PIXEL_SIZE,
  QUALITIES,
  RESOLUTIONS,
} from '../../../src/shared/provider-kinds';
import { PROVIDER_KINDS, type ProviderKind } from '../../../src/shared/settings';
import { checkRequest } from '../../../src/main/core/providers/check-request';
import type { GenerateRequest, InputImage } from '../../../src/main/core/providers/types';
import { GIVON_ASPECT_RATIOS as GIVON_SERVER_ASPECTS } from '../../servers/givon-server';

const png = (name = 'a.png', bytes = 10): InputImage => ({ bytes: new Uint8Array(bytes), mime: 'image/png', name });
const request = (over: Partial<GenerateRequest> = {}): GenerateRequest => ({
  model: 'm',
  prompt: 'a cat',
  images: [],
  params: {},
  stream: true,
  ...over,
});

/** The error a request gets, as `field: message`, or null when it passes. */
function refusal(kind: ProviderKind, over: Partial<GenerateRequest>): string | null {
  try {
    checkRequest(kind, request(over));
    return null;
  } catch (error) {
    if (!isHolstError(error)) throw error;
    expect(error.code).toBe('invalid_input');
    return `${error.field}: ${error.message}`;
  }
}

describe('the provider-kind descriptions', () => {
  it('describe every kind, each parameter once', () => {
    for (const kind of PROVIDER_KINDS) {
      const names = paramNames(kind);
      expect(describeKind(kind).kind).toBe(kind);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(paramNames('gigachat')).toEqual(['n', 'pictureMode']);
    expect(paramSpec('gigachat', 'pictureMode')).toEqual({ name: 'pictureMode', type: 'toggle', default: true });
    for (const kind of ['openai-chat', 'openai-images', 'givon'] as const) expect(paramSpec(kind, 'pictureMode')).toBeUndefined();
    expect(paramNames('givon')).toEqual(['aspect', 'quality', 'resolution']);
    expect(paramSpec('gigachat', 'n')).toMatchObject({ min: 1, max: 4 });
    expect(paramSpec('givon', 'size')).toBeUndefined();
  });

  it('give defaults and suggestions that their own rules accept', () => {
    for (const kind of PROVIDER_KINDS) {
      for (const spec of describeKind(kind).params) {
        if (spec.type === 'count') expect(spec.default).toSatisfy((d: number) => d >= spec.min && d <= spec.max);
        else if (spec.type === 'pixels') for (const size of [spec.default, ...spec.suggestions]) expect(size).toMatch(PIXEL_SIZE);
        else if (spec.type === 'toggle') expect(typeof spec.default).toBe('boolean');
        else if (spec.type === 'number') expect(spec.default).toBeNull();
        else if (spec.default !== null) expect(spec.values).toContain(spec.default);
      }
    }
  });

  it('are what the IPC schema takes: qualities, resolutions, counts and pictures per request', () => {
    const fits = (params: object) => GenerateParamsSchema.safeParse(params).success;
    for (const kind of PROVIDER_KINDS) {
      for (const spec of describeKind(kind).params) {
        if (spec.type === 'count') expect(fits({ n: spec.max })).toBe(true);
        else if (spec.type === 'toggle') expect(fits({ [spec.name]: true }) && fits({ [spec.name]: false })).toBe(true);
        else if (spec.type === 'choice' && spec.name !== 'aspect')
          for (const value of spec.values) expect(fits({ [spec.name]: value })).toBe(true);
      }
    }
    // Givon and the GPT image models take three of the qualities; dall-e-3 takes two others (model-catalogue.ts).
    expect(paramSpec('givon', 'quality')?.values).toEqual(['low', 'medium', 'high']);
    expect(QUALITIES).toEqual(['low', 'medium', 'high', 'standard', 'hd']);
    expect(paramSpec('givon', 'resolution')?.values).toEqual(RESOLUTIONS);
    expect(MAX_REQUEST_IMAGES).toBe(17);
    const send = (count: number) =>
      ChatSendSchema.safeParse({ providerId: 'p', prompt: 'x', imageIds: Array.from({ length: count }, (_, i) => i + 1) });
    expect(send(MAX_REQUEST_IMAGES).success).toBe(true);
    expect(send(MAX_REQUEST_IMAGES + 1).success).toBe(false);
  });

  it('list the settings each kind has besides the common ones', () => {
    // Every kind has `maxConcurrent` (how many of its generations the queue runs at once).
    expect(describeKind('gigachat').settings).toEqual(['authUrl', 'scope', 'maxConcurrent']);
    for (const kind of ['openai-chat', 'openai-images', 'givon'] as const) expect(describeKind(kind).settings).toEqual(['maxConcurrent']);
    expect(PROVIDER_KINDS.filter((kind) => describeKind(kind).source === 'considered')).toEqual(['gigachat']);
  });

  it('agree with the reference servers on what the providers accept', () => {
    expect([...GIVON_ASPECT_RATIOS]).toEqual(GIVON_SERVER_ASPECTS);
    expect(paramSpec('givon', 'aspect')?.values).toEqual(GIVON_ASPECT_RATIOS);
  });

  it('are where the mask rules come from', () => {
    expect(MASK_KINDS).toEqual(PROVIDER_KINDS.filter((kind) => KIND_DESCRIPTIONS[kind].mask.ok));
    expect(MASK_KINDS).toEqual(['openai-images', 'givon']);
    expect(maskSupport('gigachat')).toEqual({ ok: false, reason: 'gigachat' });
    expect(maskSupport('openai-chat')).toEqual({ ok: false, reason: 'chat-model' });
  });
});

describe('checking a request against its kind', () => {
  it('passes what each kind takes', () => {
    expect(refusal('gigachat', { params: { n: 4 }, images: [png()] })).toBeNull();
    expect(refusal('openai-chat', { params: { n: 2, size: '1024x1536' } })).toBeNull();
    expect(refusal('openai-images', { params: { size: 'auto', quality: 'high' }, images: [png()], mask: png('m.png') })).toBeNull();
    expect(refusal('givon', { params: { aspect: '16:9', quality: 'low', resolution: '4K' } })).toBeNull();
  });

  it('refuses a parameter the kind does not take, saying which it takes', () => {
    expect(refusal('givon', { params: { size: '1024x1024' } })).toBe('size: Givon takes no size; it takes aspect, quality, resolution.');
    expect(refusal('gigachat', { params: { quality: 'high' } })).toBe('quality: GigaChat takes no quality; it takes n, pictureMode.');
  });

  it('holds a model to its narrower limits', () => {
    expect(refusal('openai-images', { model: 'dall-e-3', params: { n: 2 } })).toBe('n: dall-e-3 makes one image per request (n = 1).');
    expect(refusal('openai-images', { model: 'dall-e-3', params: { n: 1 } })).toBeNull();
    expect(refusal('openai-images', { model: 'gpt-image-1', params: { n: 2 } })).toBeNull();
  });

  it('refuses values out of range or not in the list', () => {
    expect(refusal('gigachat', { params: { n: 5 } })).toBe('n: GigaChat makes 1 to 4 pictures per request (n).');
    expect(refusal('openai-images', { params: { size: 'big' } })).toBe('size: size must look like 1024x1024 (or auto).');
    expect(refusal('givon', { params: { aspect: '7:5' } })).toMatch(/^aspect: aspect must be one of 1:1, .* for Givon\.$/);
    expect(refusal('givon', { params: { resolution: '8K' as never } })).toBe('resolution: resolution must be one of 1K, 2K, 4K for Givon.');
  });

  it('refuses a mask where the kind takes none, without a source, or not a PNG', () => {
    expect(refusal('gigachat', { images: [png()], mask: png() })).toMatch(/^mask: GigaChat does not take a mask/);
    expect(refusal('openai-chat', { images: [png()], mask: png() })).toMatch(/^mask: Chat image models take no mask/);
    expect(refusal('givon', { mask: png() })).toBe('mask: A mask needs a source image to edit.');
    expect(refusal('openai-images', { images: [png()], mask: { ...png(), mime: 'image/jpeg' } })).toMatch(/^mask: The mask must be a PNG/);
  });

  it('counts references beside the source', () => {
    const pictures = (count: number) => Array.from({ length: count }, (_, i) => png(`${i}.png`));
    expect(refusal('givon', { images: pictures(17) })).toBeNull();
    expect(refusal('givon', { images: pictures(18) })).toBe('image: Givon takes one source image and at most 16 references.');
    expect(refusal('openai-images', { images: pictures(17) })).toBe(
      'image: The Images API takes one source image and at most 15 references.',
    );
  });

  it("holds each picture to a kind's own limits", () => {
    expect(refusal('gigachat', { images: [{ ...png('x.webp'), mime: 'image/webp' }] })).toBe(
      'image: GigaChat takes PNG, JPEG images; x.webp is image/webp.',
    );
    expect(refusal('gigachat', { images: [png('big.png', 15 * 1024 * 1024 + 1)] })).toBe(
      "image: big.png is over GigaChat's 15 MB limit for one image.",
    );
    expect(refusal('openai-chat', { images: [{ ...png('x.webp'), mime: 'image/webp' }] })).toBeNull();
  });
});
