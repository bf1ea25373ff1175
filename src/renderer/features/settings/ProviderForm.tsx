import { Fragment, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isHolstError } from '../../../shared/errors';
import { describeKind, maxConcurrentOf, type ProviderSettingName } from '../../../shared/provider-kinds';
import { PROVIDER_KINDS, PROVIDER_TEMPLATES, ProviderConfigSchema, type ProviderConfig, type ProviderKind } from '../../../shared/settings';
import { errorText } from '../../i18n/errors';
import { useProvidersStore } from '../../store/providers-store';
import { configFrom, draftFrom, fieldProblem, type FieldProblem, type ProviderDraft as Draft } from './provider-draft';
import { kindDefaultName, kindDescription, kindLabel } from './provider-kinds';

const suggestId = (kind: ProviderKind, taken: string[]) => {
  for (let n = 1; ; n++) {
    const id = n === 1 ? kind : `${kind}-${n}`;
    if (!taken.includes(id)) return id;
  }
};

const DRAFT_FIELDS = ['name', 'id', 'baseUrl', 'models', 'authUrl', 'scope', 'maxConcurrent', 'caFile'] as const;
const isDraftField = (name: string): name is (typeof DRAFT_FIELDS)[number] => (DRAFT_FIELDS as readonly string[]).includes(name);

/** A new provider of `kind`: its defaults, named in the window's language. */
const newDraft = (kind: ProviderKind, taken: string[]) =>
  draftFrom({ ...PROVIDER_TEMPLATES[kind], name: kindDefaultName(kind), id: suggestId(kind, taken) });

/** What is wrong: a field the form's own check refused (its schema path and problem), or the core's error. */
type Problem = { field: string } & ({ path: string; problem: FieldProblem } | { error: unknown });

export function ProviderForm({ existing, onDone }: { existing?: ProviderConfig; onDone: () => void }) {
  const { t } = useTranslation(['settings', 'common']);
  const { save, providers } = useProvidersStore();
  const taken = providers.map((p) => p.config.id);
  const [draft, setDraft] = useState<Draft>(() => (existing ? draftFrom(existing) : newDraft('gigachat', taken)));
  const [error, setError] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();

  const change = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });

  const changeKind = (kind: ProviderKind) => {
    // A new provider takes the kind's defaults; an existing one keeps what the user typed.
    setDraft(existing ? { ...draft, kind } : newDraft(kind, taken));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = ProviderConfigSchema.safeParse(configFrom(draft));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      setError({ path: issue.path.join('.') || 'provider', problem: fieldProblem(issue), field: String(issue.path[0] ?? '') });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await save(parsed.data, existing?.id);
      onDone();
    } catch (e) {
      const field = isHolstError(e) ? e.field?.split('.').pop() : undefined;
      setError({ error: e, field: field ?? '' });
    } finally {
      setBusy(false);
    }
  };

  const problemText = (problem: FieldProblem): string => {
    if (problem.key === 'other') return problem.message;
    return 'count' in problem ? t(`form.problems.${problem.key}`, { count: problem.count }) : t(`form.problems.${problem.key}`);
  };
  // The field's label as the form shows it; a path the form has no field for, as it came.
  const fieldLabel = ({ field, path }: { field: string; path: string }) => (isDraftField(field) ? t(`form.${field}`) : path);

  // What a kind's own field suggests: GigaChat's usual scope; how many run at once when left empty (with the scope typed).
  const settingProps = (name: ProviderSettingName) => {
    if (name === 'scope') return { placeholder: PROVIDER_TEMPLATES[draft.kind].scope };
    if (name !== 'maxConcurrent') return {};
    const count = maxConcurrentOf({ kind: draft.kind, ...(draft.scope.trim() ? { scope: draft.scope.trim() } : {}) });
    return { placeholder: String(count), hint: t('form.maxConcurrentHint', { number: count }) };
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
      <h3 id={`${formId}-title`}>{existing ? t('form.titleEdit', { name: existing.name ?? existing.id }) : t('form.titleAdd')}</h3>
      <div className="field">
        <label htmlFor={`${formId}-kind`}>{t('form.kind')}</label>
        <select
          id={`${formId}-kind`}
          name="kind"
          value={draft.kind}
          onChange={(event) => changeKind(event.target.value as ProviderKind)}
          aria-describedby={`${formId}-kind-hint`}
        >
          {PROVIDER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind)}
            </option>
          ))}
        </select>
        <small id={`${formId}-kind-hint`} className="muted">
          {kindDescription(draft.kind)}
        </small>
      </div>
      {field('name', t('form.name'))}
      {field('id', t('form.id'), { hint: t('form.idHint') })}
      {field('baseUrl', t('form.baseUrl'), { placeholder: t('form.baseUrlPlaceholder') })}
      {field('models', t('form.models'), { hint: t('form.modelsHint') })}
      {describeKind(draft.kind).settings.map((name) => (
        <Fragment key={name}>{field(name, t(`form.${name}`), settingProps(name))}</Fragment>
      ))}
      {field('caFile', t('form.caFile'), { hint: t('form.caFileHint') })}
      {error && (
        <p role="alert" className="error">
          {'error' in error ? errorText(error.error) : t('form.invalid', { path: fieldLabel(error), message: problemText(error.problem) })}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {existing ? t('form.submitSave') : t('form.submitAdd')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}
