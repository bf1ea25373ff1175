// What the demo's sample library is made of: conversations with the four demo providers, in English
// and Russian, each a few prompts long. The words are ones the demo servers draw (tests/servers/prompt-words.ts),
// so every picture shows what its prompt says; edits, masks, versions, tags and favourites give the
// library's lineage, filters and compare something to show.
import type { GenerateParamsInput } from '../shared/generation';

/** Where a mask asks for changes: the top half (the sky) or the middle of the picture. */
export type SampleMask = 'sky' | 'middle';

export interface SampleStep {
  prompt: string;
  /** Params as the composer would send them. */
  params?: GenerateParamsInput;
  /** Edits the picture the conversation made last (its first picture when the answer had several). */
  edit?: boolean;
  /** With an edit: a mask over that picture (only kinds that take one). */
  mask?: SampleMask;
  /** Answered once more afterwards, as Retry does: the answers are kept side by side as versions. */
  again?: boolean;
  /** Put on the step's pictures with the library's own tag operation. */
  tags?: string[];
  favorite?: boolean;
}

export interface SampleScene {
  /** Stable: the demo folder remembers which scenes it has made. */
  id: string;
  provider: string;
  model: string;
  /** Sent with every step (under the step's own): GigaChat's picture mode, on as in a new chat. */
  params?: GenerateParamsInput;
  steps: SampleStep[];
}

export const SAMPLE_SCENES: readonly SampleScene[] = [
  // Givon's jobs are polled for a few seconds each: its conversations go first, and stay short
  {
    id: 'givon-tree',
    provider: 'demo-givon',
    model: 'gpt-image-2',
    steps: [
      { prompt: 'A green tree under the sun', params: { aspect: '16:9' }, tags: ['trees'] },
      { prompt: 'Make the sky night with yellow stars', edit: true, mask: 'sky', tags: ['trees', 'night'] },
      { prompt: 'Red flowers in a green field', params: { aspect: '1:1' }, tags: ['flowers'], favorite: true },
    ],
  },
  {
    id: 'givon-house',
    provider: 'demo-givon',
    model: 'gpt-image-2',
    steps: [
      { prompt: 'Жёлтый дом у моря', params: { aspect: '4:5' } },
      { prompt: 'Синий кот посередине', edit: true, mask: 'middle', tags: ['коты'] },
    ],
  },
  {
    id: 'givon-cat',
    provider: 'demo-givon',
    model: 'gpt-image-2',
    steps: [
      { prompt: 'Кот на крыше дома ночью', params: { aspect: '2:3' }, tags: ['коты', 'ночь'] },
      { prompt: 'Сделай кота белым', edit: true },
    ],
  },
  {
    id: 'gigachat-cat',
    provider: 'demo-gigachat',
    params: { pictureMode: true },
    model: 'GigaChat-2-Max',
    steps: [
      { prompt: 'Нарисуй рыжего кота на фоне синего моря', tags: ['коты', 'море'], favorite: true },
      { prompt: 'Нарисуй того же кота ночью под луной', tags: ['коты', 'ночь'], again: true },
      { prompt: 'Нарисуй поверх жёлтые звёзды на небе', edit: true, tags: ['коты'] },
    ],
  },
  {
    id: 'openai-chat-house',
    provider: 'demo-openai-chat',
    model: 'gpt-4o-image',
    steps: [
      { prompt: 'A yellow house under a green mountain on a sunny day', tags: ['houses'], favorite: true },
      { prompt: 'Make it night', edit: true, tags: ['houses', 'night'], again: true },
      { prompt: 'Add a white moon and a few stars', edit: true, tags: ['houses', 'night'] },
    ],
  },
  {
    id: 'images-sea',
    provider: 'demo-openai-images',
    model: 'gpt-image-1',
    steps: [
      { prompt: 'An orange sun over blue sea waves', params: { n: 2, size: '1536x1024' }, tags: ['sea'] },
      { prompt: 'A white moon instead of the sun, night sky', edit: true, mask: 'sky', tags: ['sea', 'night'], favorite: true },
      { prompt: 'A pink flower in a brown square pot', params: { n: 2 }, tags: ['flowers'] },
      { prompt: 'A black cat on a red background', params: { quality: 'high' }, tags: ['cats'] },
    ],
  },
  {
    id: 'openai-chat-forest',
    provider: 'demo-openai-chat',
    model: 'nano-banana',
    steps: [
      { prompt: 'Зелёное дерево на холме под солнцем', tags: ['деревья'] },
      { prompt: 'Осенний лес: оранжевые и жёлтые деревья', tags: ['деревья'] },
      { prompt: 'Ёлки в снегу на белом фоне', tags: ['деревья'] },
      { prompt: 'Розовые цветы под деревом', edit: true, tags: ['деревья', 'flowers'] },
    ],
  },
  {
    id: 'openai-chat-shapes',
    provider: 'demo-openai-chat',
    model: 'flux-kontext-pro',
    steps: [
      { prompt: 'Poster: a red circle and a blue square on a yellow background', tags: ['abstract'], favorite: true },
      { prompt: 'Purple circles on a black background', tags: ['abstract'] },
      { prompt: 'Turn the circles orange', edit: true, tags: ['abstract'] },
      { prompt: 'Three green squares, minimal', tags: ['abstract'] },
    ],
  },
  {
    id: 'images-ru',
    provider: 'demo-openai-images',
    model: 'dall-e-3',
    steps: [
      { prompt: 'Синее море и белая звезда над ним', params: { size: '1792x1024' }, tags: ['море'] },
      { prompt: 'Гора на закате, оранжевое небо', tags: ['горы'] },
      { prompt: 'Фиолетовый цветок крупным планом', params: { size: '1024x1792' } },
      { prompt: 'Жёлтое солнце над зелёным лесом', tags: ['деревья'] },
    ],
  },
  {
    id: 'gigachat-house',
    provider: 'demo-gigachat',
    params: { pictureMode: true },
    model: 'GigaChat-2-Pro',
    steps: [
      { prompt: 'Draw a white house on a mountain by the sea', tags: ['houses'] },
      { prompt: 'Draw it again at night, with a yellow moon', tags: ['houses', 'night'] },
      { prompt: 'Draw a red flower garden in front of the house', edit: true, tags: ['houses', 'flowers'] },
    ],
  },
  {
    id: 'gigachat-shapes',
    provider: 'demo-gigachat',
    params: { pictureMode: true },
    model: 'GigaChat-2',
    steps: [
      { prompt: 'Нарисуй зелёный круг и синий квадрат', tags: ['abstract'] },
      { prompt: 'Нарисуй розовую звезду на чёрном фоне', tags: ['abstract'], favorite: true },
    ],
  },
  {
    id: 'images-studies',
    provider: 'demo-openai-images',
    model: 'gpt-image-1',
    steps: [
      { prompt: 'A red house and a green tree, flat colours', params: { size: '1024x1536' }, tags: ['houses'] },
      { prompt: 'Blue mountains under a pink sky', params: { n: 2, size: '1536x1024' }, tags: ['mountains'] },
      { prompt: 'A yellow sun in the pink sky', edit: true, mask: 'sky', tags: ['mountains'] },
      { prompt: 'A grey mountain with a white moon', params: { size: '1536x1024' }, tags: ['mountains', 'night'] },
    ],
  },
];

/** Generations the plan makes (every step, and every step answered again). */
export const SAMPLE_GENERATIONS = SAMPLE_SCENES.reduce((sum, scene) => sum + scene.steps.reduce((n, s) => n + (s.again ? 2 : 1), 0), 0);
