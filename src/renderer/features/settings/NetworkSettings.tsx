import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkView } from '../../../shared/contract';
import { isHolstError } from '../../../shared/errors';
import { errorText } from '../../i18n/errors';
import { coreText } from '../../i18n/core-text';
import { useAppStore } from '../../store/app-store';
import { useNetworkStore } from '../../store/network-store';
import { CONNECT, RESPONSE, draftFrom, fieldOf, validate, type Draft, type Errors, type Field, type Problem } from './network-form';

/** What the form says above its Save button, worded when shown. */
type FormMessage = { kind: 'checkFields' } | { kind: 'error'; error: unknown };

/** The proxy every provider request goes through, and how long to wait for providers. */
export function NetworkSettings() {
  const load = useNetworkStore((s) => s.load);
  const save = useNetworkStore((s) => s.save);
  const view = useNetworkStore((s) => s.view);
  const secretBackend = useAppStore((s) => s.info?.secretBackend);
  const { t } = useTranslation(['settings', 'common']);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(view?.network));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<FormMessage | null>(null);
  const [saved, setSaved] = useState<'saved' | 'passwordRemoved' | null>(null);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const formId = useId();
  // What the user typed before the saved settings arrived is theirs: loading must not wipe it.
  const edited = useRef(false);

  useEffect(() => {
    load().then(
      (loaded) => {
        if (!edited.current) setDraft(draftFrom(loaded.network));
      },
      (error: unknown) => setLoadError(error ?? new Error()),
    );
  }, [load]);

  const canStorePassword = secretBackend !== 'unavailable';
  const passwordSet = view?.proxyPasswordSet ?? false;

  const change = (field: Field) => (event: { target: { value: string } }) => {
    edited.current = true;
    setDraft((current) => ({ ...current, [field]: event.target.value }));
    setSaved(null);
  };

  const afterSave = (next: NetworkView) => {
    setDraft(draftFrom(next.network));
    setErrors({});
    setFormError(null);
    setSaved('saved');
  };

  const reportFailure = (e: unknown) => {
    const field = isHolstError(e) && e.code === 'invalid_input' && e.field ? fieldOf(e.field) : undefined;
    // The core's message names what is wrong with the field; the form says where to look.
    setErrors(field && isHolstError(e) ? { [field]: { text: coreText({ message: e.message, ...e.said }) } } : {});
    setFormError(field ? { kind: 'checkFields' } : { kind: 'error', error: e });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const checked = validate(draft);
    if (!checked.network) {
      setErrors(checked.errors);
      setFormError({ kind: 'checkFields' });
      return;
    }
    // A new password replaces the saved one; without a proxy, a saved one has nothing left to do.
    const password = draft.password !== '' ? draft.password : !checked.network.proxy && passwordSet ? null : undefined;
    setBusy(true);
    try {
      afterSave(await save(checked.network, password));
    } catch (e) {
      reportFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const removePassword = async () => {
    if (!view) return;
    setSaved(null);
    setBusy(true);
    try {
      const next = await save(view.network, null);
      // Keep what the user is typing in the other fields; only the password state changes.
      setDraft((current) => ({ ...current, password: '' }));
      setErrors({});
      setFormError(null);
      setSaved(next.proxyPasswordSet ? null : 'passwordRemoved');
    } catch (e) {
      reportFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const problemText = (problem: Problem): string => {
    if ('text' in problem) return problem.text;
    if (problem.key === 'seconds') return t('network.problems.seconds', { min: problem.min, max: problem.max });
    return t(`network.problems.${problem.key}`);
  };

  const input = (
    name: Field,
    label: string,
    props: {
      type?: string;
      placeholder?: string;
      hint?: string;
      min?: number;
      max?: number;
      autoComplete?: string;
      disabled?: boolean;
    } = {},
  ) => {
    const id = `${formId}-${name}`;
    const describedBy = [props.hint ? `${id}-hint` : null, errors[name] ? `${id}-error` : null].filter(Boolean).join(' ');
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          name={name}
          type={props.type ?? 'text'}
          value={draft[name]}
          onChange={change(name)}
          placeholder={props.placeholder}
          min={props.min}
          max={props.max}
          step={props.type === 'number' ? 1 : undefined}
          autoComplete={props.autoComplete ?? 'off'}
          disabled={props.disabled}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={describedBy || undefined}
          spellCheck={false}
        />
        {props.hint && (
          <small id={`${id}-hint`} className="muted">
            {props.hint}
          </small>
        )}
        {errors[name] && (
          <small id={`${id}-error`} className="field-error">
            {problemText(errors[name])}
          </small>
        )}
      </div>
    );
  };

  const storedWhere = secretBackend === 'encrypted-file' ? t('network.proxy.storedEncrypted') : t('network.proxy.storedKeychain');

  return (
    <>
      {loadError !== null && (
        <p role="alert" className="error">
          {errorText(loadError)}
        </p>
      )}
      <form className="card network-form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('network.formLabel')}>
        <fieldset>
          <legend>{t('network.proxy.legend')}</legend>
          <p className="muted small">{t('network.proxy.lead')}</p>
          {input('proxyUrl', t('network.proxy.url'), {
            placeholder: t('network.proxy.urlPlaceholder'),
            hint: t('network.proxy.urlHint'),
          })}
          {input('username', t('network.proxy.username'), { placeholder: t('network.proxy.optional'), autoComplete: 'off' })}
          {input('password', t('network.proxy.password'), {
            type: 'password',
            autoComplete: 'new-password',
            disabled: !canStorePassword,
            placeholder: passwordSet ? t('network.proxy.keepPassword') : t('network.proxy.optional'),
            hint: canStorePassword ? storedWhere : t('network.proxy.cannotStore'),
          })}
          <div className="password-state">
            <span className="small" data-testid="proxy-password-status">
              {passwordSet ? t('network.proxy.passwordSet') : t('network.proxy.noPassword')}
            </span>
            {passwordSet && (
              <button type="button" onClick={() => void removePassword()} disabled={busy}>
                {t('network.proxy.removePassword')}
              </button>
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('network.timeouts.legend')}</legend>
          <div className="timeouts">
            {input('connectTimeout', t('network.timeouts.connect'), {
              type: 'number',
              min: CONNECT.min,
              max: CONNECT.max,
              hint: t('network.timeouts.connectHint', { min: CONNECT.min, max: CONNECT.max, standard: CONNECT.default }),
            })}
            {input('responseTimeout', t('network.timeouts.response'), {
              type: 'number',
              min: RESPONSE.min,
              max: RESPONSE.max,
              hint: t('network.timeouts.responseHint', { min: RESPONSE.min, max: RESPONSE.max, standard: RESPONSE.default }),
            })}
          </div>
        </fieldset>
        {formError && (
          <p role="alert" className="error">
            {formError.kind === 'error' ? errorText(formError.error) : t('network.checkFields')}
          </p>
        )}
        {saved && (
          <p role="status" className="small">
            {t(`network.${saved}`)}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || view === null}>
            {t('common:save')}
          </button>
        </div>
      </form>
    </>
  );
}
