import { useId, useState, type FormEvent } from 'react';
import { isHolstError } from '../../../shared/errors';
import { PROVIDER_KINDS, PROVIDER_TEMPLATES, ProviderConfigSchema, type ProviderConfig, type ProviderKind } from '../../../shared/settings';
import { useProvidersStore } from '../../store/providers-store';
import { kindLabel } from './provider-kinds';

interface Draft {
  kind: ProviderKind;
  id: string;
  name: string;
  baseUrl: string;
  models: string;
  authUrl: string;
  scope: string;
  caFile: string;
}

function draftFrom(config: Partial<ProviderConfig> & { kind: ProviderKind }): Draft {
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

function configFrom(draft: Draft): unknown {
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
    ...(draft.kind === 'gigachat' ? { authUrl: optional(draft.authUrl), scope: optional(draft.scope) } : {}),
    caFile: optional(draft.caFile),
  };
}

const suggestId = (kind: ProviderKind, taken: string[]) => {
  for (let n = 1; ; n++) {
    const id = n === 1 ? kind : `${kind}-${n}`;
    if (!taken.includes(id)) return id;
  }
};

export function ProviderForm({ existing, onDone }: { existing?: ProviderConfig; onDone: () => void }) {
  const { save, providers } = useProvidersStore();
  const taken = providers.map((p) => p.config.id);
  const [draft, setDraft] = useState<Draft>(() =>
    existing ? draftFrom(existing) : draftFrom({ ...PROVIDER_TEMPLATES.gigachat, id: suggestId('gigachat', taken) }),
  );
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();

  const change = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });

  const changeKind = (kind: ProviderKind) => {
    // A new provider takes the kind's defaults; an existing one keeps what the user typed.
    setDraft(existing ? { ...draft, kind } : draftFrom({ ...PROVIDER_TEMPLATES[kind], id: suggestId(kind, taken) }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = ProviderConfigSchema.safeParse(configFrom(draft));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError({ message: `${issue?.path.join('.') ?? 'provider'}: ${issue?.message ?? 'invalid'}`, field: String(issue?.path[0] ?? '') });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await save(parsed.data, existing?.id);
      onDone();
    } catch (e) {
      const field = isHolstError(e) ? e.field?.split('.').pop() : undefined;
      setError({ message: (e as Error).message, ...(field ? { field } : {}) });
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof Draft, label: string, props: { placeholder?: string; hint?: string } = {}) => {
    const id = `${formId}-${name}`;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          name={name}
          value={draft[name]}
          onChange={change(name)}
          placeholder={props.placeholder}
          aria-invalid={error?.field === name}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
          spellCheck={false}
        />
        {props.hint && (
          <small id={`${id}-hint`} className="muted">
            {props.hint}
          </small>
        )}
      </div>
    );
  };

  return (
    <form className="card provider-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`}>{existing ? `Edit ${existing.name ?? existing.id}` : 'Add a provider'}</h3>
      <div className="field">
        <label htmlFor={`${formId}-kind`}>Kind</label>
        <select id={`${formId}-kind`} name="kind" value={draft.kind} onChange={(event) => changeKind(event.target.value as ProviderKind)}>
          {PROVIDER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind)}
            </option>
          ))}
        </select>
      </div>
      {field('name', 'Name')}
      {field('id', 'Id', { hint: 'Lower-case letters, digits, "-", "_", "."; names the keychain entry and HOLST_API_KEY_<ID>.' })}
      {field('baseUrl', 'Base URL', { placeholder: 'https://…' })}
      {field('models', 'Models', { hint: 'Comma-separated; leave empty to use the provider’s model list.' })}
      {draft.kind === 'gigachat' && (
        <>
          {field('authUrl', 'Token URL')}
          {field('scope', 'Scope', { placeholder: 'GIGACHAT_API_PERS' })}
        </>
      )}
      {field('caFile', 'Extra CA certificate file', { hint: 'Optional PEM file trusted for this provider only.' })}
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {existing ? 'Save' : 'Add provider'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
