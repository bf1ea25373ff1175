import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { NetworkView } from '../../../shared/contract';
import { isHolstError } from '../../../shared/errors';
import { NetworkSettingsSchema, type NetworkSettings as Network } from '../../../shared/settings';
import { useAppStore } from '../../store/app-store';
import { useNetworkStore } from '../../store/network-store';

interface Draft {
  proxyUrl: string;
  username: string;
  /** Only what the user typed now: a saved password is never sent back to the page. */
  password: string;
  connectTimeout: string;
  responseTimeout: string;
}
type Field = keyof Draft;
type Errors = Partial<Record<Field, string>>;

const CONNECT = { min: 1, max: 300, default: 15 };
const RESPONSE = { min: 5, max: 3600, default: 120 };

function draftFrom(network: Network | undefined): Draft {
  return {
    proxyUrl: network?.proxy?.url ?? '',
    username: network?.proxy?.username ?? '',
    password: '',
    connectTimeout: String(network?.connectTimeoutSec ?? CONNECT.default),
    responseTimeout: String(network?.responseTimeoutSec ?? RESPONSE.default),
  };
}

/** Why `value` is not a proxy URL (`http(s)://host:port`, nothing else), or null when it is one. */
function proxyUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a URL like http://proxy.example.com:3128.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The proxy URL must start with http:// or https://.';
  if (url.username !== '' || url.password !== '') return 'Leave the user name and password out of the URL: use the fields below.';
  if (url.hostname === '') return 'The proxy URL needs a host name.';
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return 'Give only the scheme, host and port: http://host:port.';
  }
  return null;
}

function seconds(value: string, range: { min: number; max: number }, errors: Errors, field: Field): number {
  const text = value.trim();
  const number = Number(text);
  if (!/^\d+$/.test(text) || number < range.min || number > range.max) {
    errors[field] = `Enter a whole number of seconds from ${range.min} to ${range.max}.`;
  }
  return number;
}

/** The settings to save, or the fields at fault. */
function validate(draft: Draft): { network: Network; errors: null } | { network: null; errors: Errors } {
  const errors: Errors = {};
  const url = draft.proxyUrl.trim();
  const username = draft.username.trim();
  if (url === '') {
    if (username !== '') errors.username = 'A user name needs a proxy URL.';
    if (draft.password !== '') errors.password = 'A password needs a proxy URL.';
  } else {
    const problem = proxyUrlProblem(url);
    if (problem) errors.proxyUrl = problem;
    if (username.length > 200) errors.username = 'The user name is longer than 200 characters.';
    if (draft.password !== '' && username === '') errors.password = 'Enter the user name that goes with this password.';
  }
  if (draft.password.length > 1000) errors.password = 'The password is longer than 1000 characters.';
  const connectTimeoutSec = seconds(draft.connectTimeout, CONNECT, errors, 'connectTimeout');
  const responseTimeoutSec = seconds(draft.responseTimeout, RESPONSE, errors, 'responseTimeout');
  if (Object.keys(errors).length > 0) return { network: null, errors };

  const candidate = {
    ...(url === '' ? {} : { proxy: username === '' ? { url } : { url, username } }),
    connectTimeoutSec,
    responseTimeoutSec,
  };
  // The core checks the same schema; this catches anything the friendlier checks above let through.
  const parsed = NetworkSettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { network: null, errors: { [fieldOf(issue?.path.join('.') ?? '') ?? 'proxyUrl']: issue?.message ?? 'invalid' } };
  }
  return { network: parsed.data, errors: null };
}

/** The form field a core `invalid_input` error names (e.g. `network.proxy.url`, `proxyPassword`). */
function fieldOf(path: string): Field | undefined {
  if (/(^|\.)proxy\.url$/.test(path) || /(^|\.)proxy$/.test(path)) return 'proxyUrl';
  if (/(^|\.)proxy\.username$/.test(path)) return 'username';
  if (/(^|\.)proxyPassword$/.test(path)) return 'password';
  if (/(^|\.)connectTimeoutSec$/.test(path)) return 'connectTimeout';
  if (/(^|\.)responseTimeoutSec$/.test(path)) return 'responseTimeout';
  return undefined;
}

/** The proxy every provider request goes through, and how long to wait for providers. */
export function NetworkSettings() {
  const load = useNetworkStore((s) => s.load);
  const save = useNetworkStore((s) => s.save);
  const view = useNetworkStore((s) => s.view);
  const secretBackend = useAppStore((s) => s.info?.secretBackend);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(view?.network));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const formId = useId();
  // What the user typed before the saved settings arrived is theirs: loading must not wipe it.
  const edited = useRef(false);

  useEffect(() => {
    load().then(
      (loaded) => {
        if (!edited.current) setDraft(draftFrom(loaded.network));
      },
      (error: Error) => setLoadError(error.message),
    );
  }, [load]);

  const canStorePassword = secretBackend !== 'unavailable';
  const passwordSet = view?.proxyPasswordSet ?? false;

  const change = (field: Field) => (event: { target: { value: string } }) => {
    edited.current = true;
    setDraft((current) => ({ ...current, [field]: event.target.value }));
    setSaved(null);
  };

  const afterSave = (next: NetworkView, message: string) => {
    setDraft(draftFrom(next.network));
    setErrors({});
    setFormError(null);
    setSaved(message);
  };

  const reportFailure = (e: unknown) => {
    const field = isHolstError(e) && e.code === 'invalid_input' && e.field ? fieldOf(e.field) : undefined;
    setErrors(field ? { [field]: (e as Error).message } : {});
    setFormError(field ? 'Check the highlighted fields.' : (e as Error).message);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const checked = validate(draft);
    if (!checked.network) {
      setErrors(checked.errors);
      setFormError('Check the highlighted fields.');
      return;
    }
    // A new password replaces the saved one; without a proxy, a saved one has nothing left to do.
    const password = draft.password !== '' ? draft.password : !checked.network.proxy && passwordSet ? null : undefined;
    setBusy(true);
    try {
      afterSave(await save(checked.network, password), 'Network settings saved.');
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
      setSaved(next.proxyPasswordSet ? null : 'The proxy password was removed.');
    } catch (e) {
      reportFailure(e);
    } finally {
      setBusy(false);
    }
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
            {errors[name]}
          </small>
        )}
      </div>
    );
  };

  const storedWhere =
    secretBackend === 'encrypted-file'
      ? 'Kept encrypted in the data folder (no system keychain was found), never in the settings file.'
      : 'Kept in the system keychain, never in the settings file.';

  return (
    <section className="network-settings" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>Network</h2>
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      <form className="card network-form" onSubmit={(event) => void submit(event)} noValidate aria-label="Network settings">
        <fieldset>
          <legend>Proxy</legend>
          <p className="muted small">Every request to a provider goes through this proxy. Leave the URL empty to connect directly.</p>
          {input('proxyUrl', 'Proxy URL', {
            placeholder: 'http://proxy.example.com:3128',
            hint: 'http:// or https:// with host and port.',
          })}
          {input('username', 'Proxy user name', { placeholder: 'Optional', autoComplete: 'off' })}
          {input('password', 'Proxy password', {
            type: 'password',
            autoComplete: 'new-password',
            disabled: !canStorePassword,
            placeholder: passwordSet ? 'Leave empty to keep the saved password' : 'Optional',
            hint: canStorePassword ? storedWhere : 'A proxy password cannot be saved here: there is no system keychain.',
          })}
          <div className="password-state">
            <span className="small" data-testid="proxy-password-status">
              {passwordSet ? 'Password set' : 'No password set'}
            </span>
            {passwordSet && (
              <button type="button" onClick={() => void removePassword()} disabled={busy}>
                Remove password
              </button>
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>Timeouts</legend>
          <div className="timeouts">
            {input('connectTimeout', 'Connect timeout (seconds)', {
              type: 'number',
              min: CONNECT.min,
              max: CONNECT.max,
              hint: `How long to wait for a provider to accept a connection: ${CONNECT.min}–${CONNECT.max}, default ${CONNECT.default}.`,
            })}
            {input('responseTimeout', 'Response timeout (seconds)', {
              type: 'number',
              min: RESPONSE.min,
              max: RESPONSE.max,
              hint: `How long a provider may stay silent: ${RESPONSE.min}–${RESPONSE.max}, default ${RESPONSE.default}.`,
            })}
          </div>
        </fieldset>
        {formError && (
          <p role="alert" className="error">
            {formError}
          </p>
        )}
        {saved && (
          <p role="status" className="small">
            {saved}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || view === null}>
            Save
          </button>
        </div>
      </form>
    </section>
  );
}
