// What each known model takes (src/shared/model-catalogue.ts), the settings file's entries beside
// them, and the core's check of a request against its model (check-request.ts).
import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../../src/main/core/providers/check-request';
import type { GenerateRequest, InputImage } from '../../../src/main/core/providers/types';
import { isHolstError } from '../../../src/shared/errors';
import { GenerateParamsSchema } from '../../../src/shared/generation';
import { describeModel, findModel, MODEL_CATALOGUE, type ModelCatalogue } from '../../../src/shared/model-catalogue';
import { fitsCustomSize, PIXEL_SIZE } from '../../../src/shared/model-takes';
import { describeKind, type ParamName, type SpecFor } from '../../../src/shared/provider-kinds';
import { SettingsSchema, type ProviderKind } from '../../../src/shared/settings';

const names = (kind: ProviderKind, model: string, user?: ModelCatalogue) => describeModel(kind, model, user).params.map((p) => p.name);
const spec = <N extends ParamName>(kind: ProviderKind, model: string, name: N, user?: ModelCatalogue) =>
  describeModel(kind, model, user).params.find((p) => p.name === name) as SpecFor<N> | undefined;

const png = (name = 'a.png'): InputImage => ({ bytes: new Uint8Array(10), mime: 'image/png', name });
/** The error a request gets, as `field: message`, or null when it passes. */
function refusal(
  model: string,
  over: Partial<GenerateRequest>,
  kind: ProviderKind = 'openai-images',
  user?: ModelCatalogue,
): string | null {
  try {
    checkRequest(kind, { model, prompt: 'a cat', images: [], params: {}, stream: true, ...over }, user);
    return null;
  } catch (error) {
    if (!isHolstError(error)) throw error;
    expect(error.code).toBe('invalid_input');
    return `${error.field}: ${error.message}`;
  }
}

const GPT_EXTRAS = ['outputFormat', 'compression', 'background', 'moderation'];

describe('what each known model takes', () => {
  it('dall-e-2 and dall-e-3: their own sizes and qualities, no GPT image options', () => {
    expect(names('openai-images', 'dall-e-2')).toEqual(['n', 'size', 'quality']);
    expect(spec('openai-images', 'dall-e-2', 'size')).toMatchObject({
      suggestions: ['256x256', '512x512', '1024x1024'],
      custom: null,
      default: '1024x1024',
    });
    expect(spec('openai-images', 'dall-e-2', 'n')).toMatchObject({ min: 1, max: 10 });
    expect(spec('openai-images', 'dall-e-2', 'quality')?.values).toEqual(['standard']);
    expect(spec('openai-images', 'dall-e-3', 'n')).toMatchObject({ min: 1, max: 1, default: 1 });
    expect(spec('openai-images', 'dall-e-3', 'quality')?.values).toEqual(['standard', 'hd']);
    expect(spec('openai-images', 'dall-e-3', 'size')?.suggestions).toEqual(['1024x1024', '1792x1024', '1024x1792']);
  });

  it('GPT image models: format, compression, background, moderation; input fidelity but on the mini; pictures on the way', () => {
    for (const model of ['gpt-image-1', 'gpt-image-1.5', 'gpt-image-2'])
      expect(names('openai-images', model)).toEqual(['n', 'size', 'quality', ...GPT_EXTRAS, 'inputFidelity', 'partialImages']);
    expect(names('openai-images', 'gpt-image-1-mini')).toEqual(['n', 'size', 'quality', ...GPT_EXTRAS, 'partialImages']);
    expect(spec('openai-images', 'gpt-image-1', 'partialImages')).toMatchObject({ type: 'number', min: 0, max: 3, default: null });
    expect(spec('openai-images', 'gpt-image-1', 'outputFormat')?.values).toEqual(['png', 'jpeg', 'webp']);
    expect(spec('openai-images', 'gpt-image-1', 'background')?.values).toEqual(['transparent', 'opaque', 'auto']);
    expect(spec('openai-images', 'gpt-image-1', 'moderation')?.values).toEqual(['auto', 'low']);
    expect(spec('openai-images', 'gpt-image-1', 'inputFidelity')?.values).toEqual(['low', 'high']);
    expect(spec('openai-images', 'gpt-image-1', 'compression')).toMatchObject({ type: 'number', min: 0, max: 100 });
    expect(spec('openai-images', 'gpt-image-1', 'quality')?.values).toEqual(['low', 'medium', 'high']);
    expect(spec('openai-images', 'gpt-image-1', 'size')).toMatchObject({
      suggestions: ['auto', '1024x1024', '1536x1024', '1024x1536'],
      custom: null,
      default: 'auto',
    });
  });

  it('gpt-image-2: named sizes up to 4K, and any other within its limits', () => {
    const size = spec('openai-images', 'gpt-image-2', 'size')!;
    expect(size.suggestions).toContain('3840x2160');
    expect(size.custom).toEqual({ maxEdge: 3840, multipleOf: 16, maxRatio: 3, minPixels: 655_360, maxPixels: 8_294_400 });
    const limits = size.custom as Exclude<typeof size.custom, 'any' | null>;
    for (const named of size.suggestions.filter((s) => s !== 'auto')) {
      const [w, h] = named.split('x').map(Number) as [number, number];
      expect(fitsCustomSize(limits, w, h), named).toBe(true);
    }
    expect(fitsCustomSize(limits, 1600, 1008)).toBe(true);
    expect(fitsCustomSize(limits, 1000, 1000)).toBe(false); // not multiples of 16
    expect(fitsCustomSize(limits, 3840, 1152)).toBe(false); // longer than 3:1
    expect(fitsCustomSize(limits, 512, 512)).toBe(false); // too few pixels
    expect(fitsCustomSize(limits, 4096, 2048)).toBe(false); // longer than 3840
  });

  it('finds a model by a service prefix or a snapshot date; a model it does not know is its kind', () => {
    expect(findModel('openai-images', 'gpt-image-2-2026-04-21')).toBe(MODEL_CATALOGUE['openai-images']!['gpt-image-2']);
    expect(findModel('openai-images', 'openai/gpt-image-1')).toBe(MODEL_CATALOGUE['openai-images']!['gpt-image-1']);
    expect(findModel('openai-images', 'flux-pro')).toBeUndefined();
    expect(describeModel('openai-images', 'flux-pro')).toBe(describeKind('openai-images'));
    expect(describeModel('gigachat', 'GigaChat-2-Max')).toBe(describeKind('gigachat'));
    // gpt-image-1 on an aggregator's chat route is the chat kind's: the table is per kind.
    expect(describeModel('openai-chat', 'gpt-image-1')).toBe(describeKind('openai-chat'));
    expect(names('givon', 'gpt-image-2')).toEqual(['aspect', 'quality', 'resolution']);
    expect(describeModel('givon', 'gpt-image-2').label).toBe('gpt-image-2');
  });

  it('gives defaults and named sizes that its own rules and the IPC schema accept', () => {
    for (const [kind, models] of Object.entries(MODEL_CATALOGUE) as [ProviderKind, Record<string, unknown>][]) {
      for (const model of Object.keys(models)) {
        for (const s of describeModel(kind, model).params) {
          if (s.type === 'pixels') for (const size of [s.default, ...s.suggestions]) expect(size).toMatch(PIXEL_SIZE);
          if (s.type === 'count') expect(s.default).toBeLessThanOrEqual(s.max);
          if (s.type === 'choice' && s.name !== 'aspect')
            for (const value of s.values)
              expect(GenerateParamsSchema.safeParse({ [s.name]: value }).success, `${model} ${value}`).toBe(true);
        }
      }
    }
  });
});

describe('the settings file adds models and replaces entries', () => {
  const user: ModelCatalogue = {
    'openai-images': { 'dall-e-3': { n: 2, sizes: ['1024x1024'] }, 'flux-1.1-pro': { sizes: ['1024x768'], seed: true } },
    'openai-chat': { 'flux-dev': { n: 4, sizes: ['auto', '1024x1024'], seed: true } },
    givon: { 'gpt-image-2': { aspects: ['1:1'], seed: true } },
  };

  it('replaces a built-in entry whole, and adds models, a seed where the kind can send one', () => {
    expect(names('openai-images', 'dall-e-3', user)).toEqual(['n', 'size']);
    expect(spec('openai-images', 'dall-e-3', 'n', user)?.max).toBe(2);
    expect(names('openai-images', 'flux-1.1-pro', user)).toEqual(['n', 'size', 'seed']);
    expect(spec('openai-images', 'flux-1.1-pro', 'n', user)?.max).toBe(1);
    expect(names('openai-chat', 'flux-dev', user)).toEqual(['n', 'size', 'seed']);
    // Givon's requests have no seed field: an entry cannot make the kind send one.
    expect(names('givon', 'gpt-image-2', user)).toEqual(['aspect']);
  });

  it('is checked by the settings schema', () => {
    const parsed = SettingsSchema.parse({ modelCatalogue: user });
    expect(parsed.modelCatalogue!['openai-images']!['flux-1.1-pro']).toEqual({ sizes: ['1024x768'], seed: true });
    expect(SettingsSchema.parse({}).modelCatalogue).toBeUndefined();
    const fits = (modelCatalogue: unknown) => SettingsSchema.safeParse({ modelCatalogue }).success;
    expect(fits({ 'openai-images': { x: { n: 11 } } })).toBe(false);
    expect(fits({ 'openai-images': { x: { sizes: ['big'] } } })).toBe(false);
    expect(fits({ 'openai-images': { x: { qualities: ['ultra'] } } })).toBe(false);
    // A kind this Holst does not know is kept, not refused: a newer Holst may have written it.
    expect(fits({ 'stable-diffusion': { x: {} } })).toBe(true);
    expect(SettingsSchema.parse({ modelCatalogue: { 'openai-images': { x: { customSize: { maxEdge: 2048 } } } } }).modelCatalogue).toEqual({
      'openai-images': { x: { customSize: { maxEdge: 2048, multipleOf: 1, maxRatio: 100, minPixels: 1, maxPixels: 10_000_000_000 } } },
    });
  });

  it('is what the core checks a request against', () => {
    expect(refusal('flux-1.1-pro', { params: { seed: 42, size: '1024x768' } }, 'openai-images', user)).toBeNull();
    expect(refusal('flux-1.1-pro', { params: { seed: 42 } })).toBe(
      'seed: The Images API takes no seed; it takes n, size, quality, outputFormat, compression, background, moderation, inputFidelity, partialImages.',
    );
    expect(refusal('dall-e-3', { params: { n: 2 } }, 'openai-images', user)).toBeNull();
    expect(refusal('dall-e-3', { params: { quality: 'hd' } }, 'openai-images', user)).toBe(
      'quality: dall-e-3 takes no quality; it takes n, size.',
    );
  });
});

describe("the core's check of a request against its model", () => {
  it('passes what a model takes', () => {
    const gptOptions = { outputFormat: 'webp', compression: 40, background: 'transparent', moderation: 'low' } as const;
    expect(refusal('gpt-image-1', { params: { n: 3, size: '1536x1024', quality: 'high', ...gptOptions } })).toBeNull();
    expect(refusal('gpt-image-1', { params: { inputFidelity: 'high', outputFormat: 'jpeg', compression: 0 }, images: [png()] })).toBeNull();
    expect(refusal('dall-e-3', { params: { quality: 'hd', size: '1792x1024' } })).toBeNull();
    expect(refusal('gpt-image-2', { params: { size: '2048x1152' } })).toBeNull();
    expect(refusal('gpt-image-2', { params: { size: '1600x1008' } })).toBeNull();
    // A model the table does not know takes what its kind takes.
    expect(refusal('my-model', { params: { size: '4000x3000', outputFormat: 'png' } })).toBeNull();
  });

  it('refuses a parameter the model does not take, naming the field and what it takes', () => {
    expect(refusal('dall-e-3', { params: { outputFormat: 'png' } })).toBe(
      'outputFormat: dall-e-3 takes no outputFormat; it takes n, size, quality.',
    );
    expect(refusal('gpt-image-1-mini', { params: { inputFidelity: 'high' }, images: [png()] })).toMatch(
      /^inputFidelity: gpt-image-1-mini takes no inputFidelity; it takes n, size, quality, outputFormat, /,
    );
  });

  it('refuses a value the model does not take', () => {
    expect(refusal('dall-e-3', { params: { quality: 'high' } })).toBe('quality: quality must be one of standard, hd for dall-e-3.');
    expect(refusal('gpt-image-1', { params: { quality: 'hd' } })).toBe(
      'quality: quality must be one of low, medium, high for gpt-image-1.',
    );
    expect(refusal('dall-e-3', { params: { n: 2 } })).toBe('n: dall-e-3 makes one image per request (n = 1).');
    expect(refusal('gpt-image-1', { params: { n: 11 } })).toBe('n: gpt-image-1 makes at most 10 images per request (n).');
    expect(refusal('gpt-image-1', { params: { compression: 101, outputFormat: 'jpeg' } })).toBe(
      'compression: compression must be a whole number from 0 to 100.',
    );
    expect(refusal('gpt-image-1', { params: { background: 'none' as never } })).toBe(
      'background: background must be one of transparent, opaque, auto for gpt-image-1.',
    );
  });

  it('refuses a size the model does not draw: not named, or outside its limits', () => {
    expect(refusal('gpt-image-1', { params: { size: '2048x2048' } })).toBe(
      'size: gpt-image-1 draws auto, 1024x1024, 1536x1024, 1024x1536; 2048x2048 is not one of them.',
    );
    expect(refusal('dall-e-2', { params: { size: 'auto' } })).toBe(
      'size: dall-e-2 draws 256x256, 512x512, 1024x1024; auto is not one of them.',
    );
    expect(refusal('gpt-image-2', { params: { size: '1000x1000' } })).toBe(
      'size: gpt-image-2 does not draw 1000x1000: both sides must be multiples of 16, the longer at most 3840 px and at most 3 times the shorter, and the picture 655360 to 8294400 pixels in all.',
    );
    expect(refusal('gpt-image-2', { params: { size: '3840x1152' } })).toMatch(/^size: gpt-image-2 does not draw 3840x1152/);
  });

  it('refuses options that do not go together, naming the field to change', () => {
    expect(refusal('gpt-image-1', { params: { compression: 50 } })).toBe(
      'compression: Compression applies to JPEG and WebP pictures: choose one of them as the format, or leave compression out.',
    );
    expect(refusal('gpt-image-1', { params: { compression: 50, outputFormat: 'png' } })).toMatch(/^compression: /);
    expect(refusal('gpt-image-1', { params: { background: 'transparent', outputFormat: 'jpeg' } })).toBe(
      'background: A transparent background needs a PNG or WebP picture; JPEG has no transparency.',
    );
    expect(refusal('gpt-image-1', { params: { background: 'transparent' } })).toBeNull();
    expect(refusal('gpt-image-1', { params: { inputFidelity: 'high' } })).toBe(
      'inputFidelity: Input fidelity applies to edits: attach a picture to edit, or leave it out.',
    );
    expect(refusal('gpt-image-1', { params: { moderation: 'low' }, images: [png()] })).toBe(
      'moderation: gpt-image-1 sets moderation for new pictures only; leave it out when editing a picture.',
    );
  });
});
