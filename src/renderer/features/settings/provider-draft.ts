/** The provider form's fields and the config they make, as plain functions (tested in Node). */
import type * as z from 'zod';
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
  /** How many of its generations run at once, as typed (empty: the kind's default). */
  maxConcurrent: string;
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
    maxConcurrent: config.maxConcurrent === undefined ? '' : String(config.maxConcurrent),
    caFile: config.caFile ?? '',
  };
}

/**
 * The config the form saves (ProviderConfigSchema checks it): blank fields left out, and of the
 * kind's own settings exactly those its description lists (provider-kinds.ts).
 */
export function configFrom(draft: ProviderDraft): unknown {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  // A whole number as a number; anything else as typed, for the schema to refuse.
  const count = (value: string) => (/^\s*\d+\s*$/.test(value) ? Number(value) : optional(value));
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
    ...Object.fromEntries(
      describeKind(draft.kind).settings.map((name) => [name, name === 'maxConcurrent' ? count(draft[name]) : optional(draft[name])]),
    ),
    caFile: optional(draft.caFile),
  };
}

/** What is wrong with a field the form's own check refused, as a key of the settings catalogue (`form.problems.*`). */
export type FieldProblem =
  | { key: 'id' | 'url' | 'maxConcurrent' }
  | { key: 'tooLong' | 'tooManyModels'; count: number }
  /** A problem the form has no words for: the schema's English, as it came. */
  | { key: 'other'; message: string };

/** The problem ProviderConfigSchema found, for the window to say in its language. */
export function fieldProblem(issue: z.core.$ZodIssue): FieldProblem {
  if (issue.path[0] === 'id' && issue.code === 'invalid_format') return { key: 'id' };
  if (issue.path[0] === 'maxConcurrent') return { key: 'maxConcurrent' };
  // The only refinement in a provider's config is that of its addresses (baseUrl, authUrl); its only list, its models.
  if (issue.code === 'custom') return { key: 'url' };
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') {
    return { key: issue.origin === 'array' ? 'tooManyModels' : 'tooLong', count: issue.maximum };
  }
  return { key: 'other', message: issue.message };
}
