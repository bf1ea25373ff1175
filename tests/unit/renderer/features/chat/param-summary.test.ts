// The composer's picture settings folded into one line, in both languages: only what is set of what
// the chosen model takes, in reading order, the count last.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { paramSummary, setParams } from '../../../../../src/renderer/features/chat/param-summary';
import { resources } from '../../../../../src/renderer/i18n/resources';
import { EMPTY_PARAMS, buildParams, type ParamsDraft } from '../../../../../src/renderer/store/composer/drafts';
import { describeModel } from '../../../../../src/shared/model-catalogue';

const words: Record<string, TFunction<'chat'>> = {};
beforeAll(async () => {
  for (const lng of ['en', 'ru']) {
    const instance = i18next.createInstance();
    await instance.init({ lng, resources, ns: ['chat'], defaultNS: 'chat', interpolation: { escapeValue: false } });
    words[lng] = instance.getFixedT(lng, 'chat') as TFunction<'chat'>;
  }
});

const draft = (over: Partial<ParamsDraft>): ParamsDraft => ({ ...EMPTY_PARAMS, ...over });

describe('the picture settings line', () => {
  it('reads "1024×1536 · High · ×2"', () => {
    const set = draft({ n: '2', size: '1024x1536', quality: 'high' });
    expect(paramSummary(describeModel('openai-images', 'gpt-image-1'), set, words.en!)).toBe('1024×1536 · High · ×2');
    expect(paramSummary(describeModel('openai-images', 'gpt-image-1'), set, words.ru!)).toBe('1024×1536 · Высокое · ×2');
  });

  it('names every GPT image option in words', () => {
    const set = draft({ outputFormat: 'webp', compression: '70', background: 'transparent', moderation: 'low', inputFidelity: 'high' });
    const gpt = describeModel('openai-images', 'gpt-image-1');
    expect(paramSummary(gpt, set, words.en!)).toBe('WEBP · compression 70 · transparent background · low moderation · high fidelity');
    expect(paramSummary(gpt, set, words.ru!)).toBe(
      'WEBP · сжатие 70 · фон: прозрачный · модерация: мягкая · близость к исходнику: высокая',
    );
  });

  it('leaves out what the model does not take, and a choice it does not offer, as the request does', () => {
    // Set for gpt-image-1, then dall-e-2 chosen: its quality is "standard" only, and it has no format.
    const set = draft({ n: '3', size: '1024x1024', quality: 'high', outputFormat: 'png', aspect: '16:9' });
    const dalle = describeModel('openai-images', 'dall-e-2');
    expect(setParams(dalle, set).map(([name]) => name)).toEqual(['size', 'n']);
    expect(paramSummary(dalle, set, words.en!)).toBe('1024×1024 · ×3');
    expect(buildParams(dalle, set)).toEqual({ n: 3, size: '1024x1024' });
    expect(paramSummary(dalle, { ...set, quality: 'standard' }, words.en!)).toBe('1024×1024 · Standard · ×3');
    expect(paramSummary(describeModel('givon', 'gpt-image-2'), set, words.en!)).toBe('16:9 · High');
    expect(paramSummary(describeModel('openai-images', 'gpt-image-1'), EMPTY_PARAMS, words.en!)).toBe('');
  });

  it('says how many pictures on the way are asked for, where the model takes them, and sends the number', () => {
    const set = draft({ size: '1024x1024', partialImages: '2' });
    const gpt = describeModel('openai-images', 'gpt-image-1');
    expect(paramSummary(gpt, set, words.en!)).toBe('1024×1024 · 2 previews');
    expect(paramSummary(gpt, draft({ partialImages: '1' }), words.en!)).toBe('1 preview');
    expect(paramSummary(gpt, set, words.ru!)).toBe('1024×1024 · 2 наброска');
    expect(paramSummary(gpt, draft({ partialImages: '3' }), words.ru!)).toBe('3 наброска');
    expect(buildParams(gpt, set)).toEqual({ size: '1024x1024', partialImages: 2 });
    // dall-e-3 streams nothing: the setting is left out, and not sent.
    expect(buildParams(describeModel('openai-images', 'dall-e-3'), set)).toEqual({ size: '1024x1024' });
  });
});
