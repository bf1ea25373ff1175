/** The provider form's fields and the config they make, as plain functions (tested in Node). */
import { describeKind } from '../../../shared/provider-kinds';
import type { ProviderConfig, ProviderKind } from '../../../shared/settings';

/** The provider form's fields as typed. */
export interface ProviderDraft {
  kind: ProviderKind;
  id: string;
  name: string;
  baseUrl: string;
  models: string;
  authUrl: string;
  scope: string;
  caFile: string;
}

export function draftFrom(config: Partial<ProviderConfig> & { kind: ProviderKind }): ProviderDraft {
  return {
    kind: config.kind,
    id: config.id ?? '',
    name: config.name ?? '',
    baseUrl: config.baseUrl ?? '',
    models: (config.models ?? []).join(', '),
    authUrl: config.authUrl ?? '',
    scope: config.scope ?? '',
    caFile: config.caFile ?? '',
  };
}

/**
 * The config the form saves (ProviderConfigSchema checks it): blank fields left out, and of the
 * kind's own settings exactly those its description lists (provider-kinds.ts).
 */
export function configFrom(draft: ProviderDraft): unknown {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const models = draft.models
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  return {
    id: draft.id.trim(),
    kind: draft.kind,
    name: optional(draft.name),
    baseUrl: draft.baseUrl.trim(),
    models: models.length > 0 ? models : undefined,
    ...Object.fromEntries(describeKind(draft.kind).settings.map((name) => [name, optional(draft[name])])),
    caFile: optional(draft.caFile),
  };
}
