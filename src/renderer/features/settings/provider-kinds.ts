import type { ProviderKind } from '../../../shared/settings';

const LABELS: Record<ProviderKind, string> = {
  gigachat: 'GigaChat',
  'openai-chat': 'OpenAI-compatible chat',
  'openai-images': 'OpenAI Images API',
  givon: 'Givon',
};

export const kindLabel = (kind: ProviderKind): string => LABELS[kind];
