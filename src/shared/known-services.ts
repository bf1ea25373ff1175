/**
 * The services a new user is most likely to have a key for, with their addresses and models filled
 * in, for the first run. Names of services are brand names (not translated); what each is for
 * comes from the window's catalogue (app:firstRun.services.<id>).
 */
import type { ProviderConfig } from './settings';

export const KNOWN_SERVICE_IDS = ['gigachat-personal', 'gigachat-business', 'givon', 'aggregator', 'openai-images'] as const;
export type KnownServiceId = (typeof KNOWN_SERVICE_IDS)[number];

export interface KnownService {
  id: KnownServiceId;
  /** The provider as it will be saved (its id is made unique when saved). */
  provider: ProviderConfig;
  /** Where the key is issued (opened in the system browser); null when it depends on the service. */
  keyUrl: string | null;
  /** The base address must be typed in (an aggregator of the user's choosing). */
  asksForAddress: boolean;
}

const GIGACHAT = {
  kind: 'gigachat',
  baseUrl: 'https://gigachat.devices.sberbank.ru/api/v1',
  authUrl: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth',
  models: ['GigaChat-2-Max'],
} as const;

export const KNOWN_SERVICES: readonly KnownService[] = [
  {
    id: 'gigachat-personal',
    provider: { ...GIGACHAT, id: 'gigachat', name: 'GigaChat', scope: 'GIGACHAT_API_PERS', models: [...GIGACHAT.models] },
    keyUrl: 'https://developers.sber.ru/docs/ru/gigachat/api/authorization',
    asksForAddress: false,
  },
  {
    id: 'gigachat-business',
    provider: { ...GIGACHAT, id: 'gigachat-business', name: 'GigaChat Business', scope: 'GIGACHAT_API_B2B', models: [...GIGACHAT.models] },
    keyUrl: 'https://developers.sber.ru/docs/ru/gigachat/legal-quickstart',
    asksForAddress: false,
  },
  {
    id: 'givon',
    provider: { id: 'givon', kind: 'givon', name: 'Givon', baseUrl: 'https://api.givon.ai/api/v1', models: ['gpt-image-2'] },
    keyUrl: 'https://givon.ai',
    asksForAddress: false,
  },
  {
    id: 'aggregator',
    provider: {
      id: 'aggregator',
      kind: 'openai-chat',
      name: 'Aggregator',
      baseUrl: 'https://api.example.com/v1',
      models: ['gpt-4o-image', 'nano-banana', 'flux-kontext-pro'],
    },
    keyUrl: null,
    asksForAddress: true,
  },
  {
    id: 'openai-images',
    provider: { id: 'openai', kind: 'openai-images', name: 'OpenAI Images', baseUrl: 'https://api.openai.com/v1', models: ['gpt-image-1'] },
    keyUrl: 'https://platform.openai.com/api-keys',
    asksForAddress: false,
  },
];

/** `base`, or `base-2`, `base-3` … : the first id no provider has yet. */
export function freeProviderId(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}
