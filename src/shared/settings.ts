import * as z from 'zod';
import { ModelTakesSchema } from './model-takes';
import { DEFAULT_QUEUE_MAX_CONCURRENT } from './queue';

export const PROVIDER_KINDS = ['gigachat', 'openai-chat', 'openai-images', 'givon'] as const;
export const ProviderKindSchema = z.enum(PROVIDER_KINDS);
export type ProviderKind = z.infer<typeof ProviderKindSchema>;

/** Lower-case letters, digits, `-`, `_`, `.`; it names the keychain entry and the env variable. */
export const ProviderIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'use 1-64 lower-case letters, digits, "-", "_" or "." (starting with a letter or digit)');

/** The environment variable that holds a provider's key: `my-giga` → `HOLST_API_KEY_MY_GIGA`. */
export function apiKeyEnvName(providerId: string): string {
  return `HOLST_API_KEY_${providerId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL without credentials in it');

export const ProviderConfigSchema = z.object({
  id: ProviderIdSchema,
  kind: ProviderKindSchema,
  name: z.string().trim().min(1).max(100).optional(),
  baseUrl: httpUrl,
  models: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
  /** GigaChat: the OAuth token endpoint. */
  authUrl: httpUrl.optional(),
  /** GigaChat: GIGACHAT_API_PERS, GIGACHAT_API_B2B or GIGACHAT_API_CORP. */
  scope: z.string().trim().min(1).max(100).optional(),
  /** Extra CA certificate (PEM) trusted for this provider only. */
  caFile: z.string().trim().min(1).max(4096).optional(),
  /** How many of its generations may run at once (unset: its kind's default, see provider-kinds.ts). */
  maxConcurrent: z.number().int().min(1).max(16).optional(),
});
export type ProviderConfig = z.infer<typeof ProviderConfigSchema>;

export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const ThemeSchema = z.enum(['system', 'light', 'dark']);

/** The proxy every provider request goes through; its password lives in the keychain, never here. */
export const ProxySettingsSchema = z.object({
  url: httpUrl,
  username: z.string().trim().min(1).max(200).optional(),
});
export type ProxySettings = z.infer<typeof ProxySettingsSchema>;

export const NetworkSettingsSchema = z.object({
  proxy: ProxySettingsSchema.optional(),
  /** How long to wait for a provider to accept a connection. */
  connectTimeoutSec: z.number().int().min(1).max(300).default(15),
  /** How long a provider may stay silent (before its headers, or between parts of its body). */
  responseTimeoutSec: z.number().int().min(5).max(3600).default(120),
});
export type NetworkSettings = z.infer<typeof NetworkSettingsSchema>;

/**
 * The settings file. Unknown top-level keys are kept (a newer Holst may have written them);
 * secrets never live here: keys go to the OS keychain.
 */
export const SettingsSchema = z.looseObject({
  version: z.literal(1).default(1),
  providers: z
    .array(ProviderConfigSchema)
    .default([])
    .superRefine((providers, ctx) => {
      const seen = new Set<string>();
      providers.forEach((provider, index) => {
        if (seen.has(provider.id)) {
          ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate provider id "${provider.id}"` });
        }
        seen.add(provider.id);
      });
    }),
  appearance: z
    .object({
      theme: ThemeSchema.default('system'),
      /**
       * 'system' (follow the OS), 'en' or 'ru'. Any other value is kept as written and read as
       * 'system' (see resolveLanguage in i18n.ts), so a newer Holst's choice survives this one.
       */
      language: z.string().trim().max(35).default('system'),
    })
    .prefault({}),
  library: z
    .object({
      /** The largest image the library accepts, from a provider or an import. */
      maxImageBytes: z
        .number()
        .int()
        .min(1024 * 1024)
        .max(2 * 1024 * 1024 * 1024)
        .default(100 * 1024 * 1024),
      /**
       * A folder every new generated or edited picture is also copied to, with a readable name and
       * its prompt embedded; null (the default) for none.
       */
      saveFolder: z.string().trim().min(1).max(4096).nullable().default(null),
      /**
       * Folders the browser fallback (no dialogs) may export into or make the save folder, besides
       * the data folder's `exports`. Set by hand in the settings file; no channel writes it.
       */
      allowedFolders: z.array(z.string().trim().min(1).max(4096)).max(100).default([]),
    })
    .prefault({}),
  network: NetworkSettingsSchema.prefault({}),
  /** The generation queue: at most `maxConcurrent` generations run at once, whatever their providers. */
  queue: z.object({ maxConcurrent: z.number().int().min(1).max(64).default(DEFAULT_QUEUE_MAX_CONCURRENT) }).prefault({}),
  /**
   * What models take, by provider kind and model name, beside the built-in table (model-catalogue.ts):
   * an entry here adds a model, or replaces the built-in entry of the same name whole. A kind this
   * Holst does not know is kept and not read (a newer Holst may have written it). Absent: none.
   */
  modelCatalogue: z.record(z.string().trim().min(1).max(64), z.record(z.string().trim().min(1).max(200), ModelTakesSchema)).optional(),
  window: WindowStateSchema.optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}

/** Defaults offered when a user adds a provider of a kind (GigaChat's public endpoints). */
export const PROVIDER_TEMPLATES: Record<ProviderKind, Omit<ProviderConfig, 'id'>> = {
  gigachat: {
    kind: 'gigachat',
    name: 'GigaChat',
    baseUrl: 'https://gigachat.devices.sberbank.ru/api/v1',
    authUrl: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth',
    scope: 'GIGACHAT_API_PERS',
    models: ['GigaChat-2-Max'],
  },
  'openai-chat': { kind: 'openai-chat', name: 'OpenAI-compatible chat', baseUrl: 'https://api.openai.com/v1' },
  'openai-images': { kind: 'openai-images', name: 'OpenAI Images', baseUrl: 'https://api.openai.com/v1', models: ['gpt-image-1'] },
  givon: { kind: 'givon', name: 'Givon', baseUrl: 'https://api.givon.ai/api/v1', models: ['gpt-image-2'] },
};
