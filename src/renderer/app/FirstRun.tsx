import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { freeProviderId, KNOWN_SERVICES, type KnownService } from '../../shared/known-services';
import { describeKind } from '../../shared/provider-kinds';
import { apiKeyEnvName, type ProviderConfig } from '../../shared/settings';
import { openLink } from '../features/chat/answer/open-link';
import { ConnectionTest } from '../features/settings/ConnectionTest';
import { errorText } from '../i18n/errors';
import { useAppStore } from '../store/app-store';
import { useComposer, useThread } from '../store/chat';
import { useProvidersStore } from '../store/providers-store';

type Step = 'choose' | 'key' | 'test';
const STEPS: Step[] = ['choose', 'key', 'test'];

/**
 * From nothing to a first picture: pick a service (its addresses and models filled in), paste the
 * key (it goes to the keychain), test the connection, then straight into a chat with a suggested
 * prompt. It can be skipped, and Settings opens it again.
 */
export function FirstRun() {
  const { t } = useTranslation('app');
  const [step, setStep] = useState<Step>('choose');
  const [service, setService] = useState<KnownService>(KNOWN_SERVICES[0]!);
  const [saved, setSaved] = useState<ProviderConfig | null>(null);
  const go = useAppStore((s) => s.go);
  const closeFirstRun = useAppStore((s) => s.closeFirstRun);
  const titleId = useId();

  const skip = () => {
    closeFirstRun();
    go('library');
  };

  const start = () => {
    if (!saved) return;
    closeFirstRun();
    useThread.getState().newChat();
    const composer = useComposer.getState();
    composer.setProvider(saved.id);
    composer.setPrompt(t('firstRun.firstPrompt'));
    go('chat');
  };

  return (
    <section className="page first-run" aria-labelledby={titleId}>
      <header className="first-run-header">
        <div>
          <h1 id={titleId}>{t('firstRun.title')}</h1>
          <p className="lead">{t('firstRun.lead')}</p>
        </div>
        <button type="button" className="link" onClick={skip}>
          {t('firstRun.skip')}
        </button>
      </header>

      <ol className="first-run-steps" aria-label={t('firstRun.stepsLabel')}>
        {STEPS.map((name, index) => (
          <li key={name} aria-current={name === step ? 'step' : undefined} className={STEPS.indexOf(step) > index ? 'done' : undefined}>
            <span className="first-run-step-number" aria-hidden="true">
              {index + 1}
            </span>
            {t(`firstRun.steps.${name}`)}
          </li>
        ))}
      </ol>

      {step === 'choose' && (
        <ChooseService
          chosen={service}
          onChoose={setService}
          onNext={() => {
            setSaved(null);
            setStep('key');
          }}
        />
      )}
      {step === 'key' && (
        <EnterKey
          service={service}
          onBack={() => setStep('choose')}
          onSaved={(config) => {
            setSaved(config);
            setStep('test');
          }}
        />
      )}
      {step === 'test' && saved && (
        <div className="first-run-panel">
          <p>{t('firstRun.testIntro', { name: saved.name ?? saved.id })}</p>
          <ConnectionTest config={saved} />
          <div className="actions first-run-actions">
            <button type="button" onClick={() => setStep('key')}>
              {t('firstRun.back')}
            </button>
            <button type="button" className="primary" onClick={start}>
              {t('firstRun.start')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function ChooseService({ chosen, onChoose, onNext }: { chosen: KnownService; onChoose(service: KnownService): void; onNext(): void }) {
  const { t } = useTranslation('app');
  const name = useId();
  return (
    <form
      className="first-run-panel"
      onSubmit={(event) => {
        event.preventDefault();
        onNext();
      }}
    >
      <fieldset className="service-choices">
        <legend>{t('firstRun.chooseLegend')}</legend>
        {KNOWN_SERVICES.map((service) => (
          <label key={service.id} className={service.id === chosen.id ? 'service-choice chosen' : 'service-choice'}>
            <input type="radio" name={name} checked={service.id === chosen.id} onChange={() => onChoose(service)} />
            <span className="service-choice-text">
              <strong>{t(`firstRun.services.${service.id}.name`)}</strong>
              <span className="muted small">{t(`firstRun.services.${service.id}.description`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="actions first-run-actions">
        <button type="submit" className="primary">
          {t('firstRun.next')}
        </button>
      </div>
    </form>
  );
}

function EnterKey({ service, onBack, onSaved }: { service: KnownService; onBack(): void; onSaved(config: ProviderConfig): void }) {
  const { t } = useTranslation('app');
  const canStoreKeys = useAppStore((s) => s.info?.secretBackend !== 'unavailable');
  const providers = useProvidersStore((s) => s.providers);
  const [baseUrl, setBaseUrl] = useState(service.asksForAddress ? '' : service.provider.baseUrl);
  const [authUrl, setAuthUrl] = useState(service.provider.authUrl ?? '');
  const [key, setKey] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ids = { key: useId(), hint: useId() };
  const serviceName = t(`firstRun.services.${service.id}.name`);
  // The token address, for kinds whose settings have one (provider-kinds.ts).
  const takesAuthUrl = describeKind(service.provider.kind).settings.includes('authUrl');

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const store = useProvidersStore.getState();
      if (!store.loaded) await store.load();
      const taken = useProvidersStore.getState().providers.map((p) => p.config.id);
      const config: ProviderConfig = {
        ...service.provider,
        id: freeProviderId(service.provider.id, taken),
        baseUrl: baseUrl.trim(),
        ...(takesAuthUrl ? { authUrl: authUrl.trim() } : {}),
      };
      const view = await store.save(config);
      if (key.trim() !== '' && canStoreKeys) await store.setKey(view.config.id, key.trim());
      setKey('');
      onSaved(view.config);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="first-run-panel"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{serviceName}</h2>
      {service.keyUrl ? (
        <p>
          {t('firstRun.keyWhere')}{' '}
          <button type="button" className="link" onClick={() => void openLink(service.keyUrl!)} title={service.keyUrl}>
            {t('firstRun.keyLink')}
          </button>
        </p>
      ) : (
        <p>{t('firstRun.keyFromService')}</p>
      )}

      {service.asksForAddress && (
        <AddressField label={t('firstRun.address')} value={baseUrl} placeholder={service.provider.baseUrl} onChange={setBaseUrl} />
      )}

      {canStoreKeys ? (
        <div className="field">
          <label htmlFor={ids.key}>{t('firstRun.key')}</label>
          <input
            id={ids.key}
            type="password"
            value={key}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={ids.hint}
            onChange={(event) => setKey(event.target.value)}
          />
          <span id={ids.hint} className="muted small">
            {t('firstRun.keyHint')}
          </span>
        </div>
      ) : (
        <p className="warning" role="alert">
          {t('firstRun.noKeychain', { variable: apiKeyEnvName(service.provider.id) })}
        </p>
      )}

      {!service.asksForAddress && (
        <details className="first-run-addresses">
          <summary>{t('firstRun.addresses')}</summary>
          <AddressField label={t('firstRun.address')} value={baseUrl} onChange={setBaseUrl} />
          {takesAuthUrl && <AddressField label={t('firstRun.authAddress')} value={authUrl} onChange={setAuthUrl} />}
        </details>
      )}

      {error !== null && (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      )}
      {providers.some((p) => p.config.id === service.provider.id) && <p className="muted small">{t('firstRun.alreadyHave')}</p>}

      <div className="actions first-run-actions">
        <button type="button" onClick={onBack}>
          {t('firstRun.back')}
        </button>
        <button type="submit" className="primary" disabled={saving || (canStoreKeys && key.trim() === '')}>
          {saving ? t('firstRun.saving') : t('firstRun.saveAndTest')}
        </button>
      </div>
    </form>
  );
}

/** An http(s) address the service is reached at. */
function AddressField(props: { label: string; value: string; placeholder?: string; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="url"
        required
        value={props.value}
        placeholder={props.placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}
