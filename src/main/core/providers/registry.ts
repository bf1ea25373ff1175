import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { ProviderKind } from '../../../shared/settings';
import { gigachat } from './gigachat';
import { givon } from './givon';
import { openaiChat } from './openai-chat';
import { openaiImages } from './openai-images';
import type { ProviderKindModule } from './types';

/** Every provider kind Holst speaks; one folder each. */
const KINDS: Partial<Record<ProviderKind, ProviderKindModule>> = {
  gigachat,
  givon,
  'openai-chat': openaiChat,
  'openai-images': openaiImages,
};

export function providerKind(kind: ProviderKind): ProviderKindModule {
  const module = KINDS[kind];
  if (!module) throw HolstError.said('config', say('providerKindUnavailable', { kind }));
  return module;
}
