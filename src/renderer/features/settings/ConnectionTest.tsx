import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionReport } from '../../../shared/generation';
import type { ProviderConfig } from '../../../shared/settings';
import { coreText } from '../../i18n/core-text';
import { errorText } from '../../i18n/errors';
import { useProvidersStore } from '../../store/providers-store';

const STATUS_ICONS: Record<ConnectionReport['steps'][number]['status'], string> = { ok: '✓', failed: '✗', skipped: '–' };

/** A provider config takes at most 200 models of 1–200 characters each. */
const MAX_MODELS = 200;
const usableModels = (models: string[]) =>
  [...new Set(models.map((m) => m.trim()).filter((m) => m.length > 0 && m.length <= 200))].slice(0, MAX_MODELS);

const sameList = (a: readonly string[] | undefined, b: readonly string[]) =>
  a !== undefined && a.length === b.length && a.every((m, i) => m === b[i]);

/**
 * "Test connection" for a saved provider: each step as a checklist, and the models it offers.
 * The step names are the catalogue's; what each step found is the core's sentence, in the window's language.
 */
export function ConnectionTest({ config }: { config: ProviderConfig }) {
  const { t } = useTranslation('settings');
  const test = useProvidersStore((s) => s.test);
  const setModels = useProvidersStore((s) => s.setModels);
  const [testing, setTesting] = useState(false);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  /** How many models "Use these models" saved. */
  const [saved, setSaved] = useState<number | null>(null);

  const run = async () => {
    setTesting(true);
    setReport(null);
    setError(null);
    setSaved(null);
    try {
      setReport(await test(config.id));
    } catch (e) {
      setError(e ?? new Error());
    } finally {
      setTesting(false);
    }
  };

  const offered = report ? usableModels(report.models) : [];
  const inUse = sameList(config.models, offered);

  const adoptModels = async () => {
    setSaving(true);
    setError(null);
    setSaved(null);
    try {
      await setModels(config, offered);
      setSaved(offered.length);
    } catch (e) {
      setError(e ?? new Error());
    } finally {
      setSaving(false);
    }
  };

  const failed = report?.steps.find((s) => s.status === 'failed');

  return (
    <section className="connection-test" aria-label={t('test.label')}>
      <div className="actions">
        <button type="button" onClick={() => void run()} disabled={testing} aria-busy={testing}>
          {testing ? t('test.running') : t('test.run')}
        </button>
      </div>
      {report &&
        (report.ok ? (
          <p role="status" className="test-summary test-ok">
            {t('test.works')}
          </p>
        ) : (
          <p role="alert" className="error test-summary">
            {failed ? t('test.stepFailed', { step: t(`test.steps.${failed.step}`), message: coreText(failed) }) : t('test.failed')}
          </p>
        ))}
      {report && report.steps.length > 0 && (
        <ol className="connection-steps" aria-label={t('test.stepsLabel')}>
          {report.steps.map((s) => (
            <li key={s.step} className={`step step-${s.status}`} data-testid={`step-${s.step}`} data-status={s.status}>
              <span className="step-icon" aria-hidden="true">
                {STATUS_ICONS[s.status]}
              </span>
              <span className="step-name">
                {t(`test.steps.${s.step}`)}
                <span className="visually-hidden">: {t(`test.status.${s.status}`)}</span>
              </span>
              <span className="step-message">{coreText(s)}</span>
            </li>
          ))}
        </ol>
      )}
      {report && offered.length > 0 && (
        <div className="test-models">
          <p className="small">
            {report.models.length > offered.length
              ? t('test.offersCapped', { count: offered.length, max: MAX_MODELS })
              : t('test.offers', { count: offered.length })}
          </p>
          <ul className="model-list" aria-label={t('test.offeredLabel')}>
            {offered.map((model) => (
              <li key={model}>
                <code>{model}</code>
              </li>
            ))}
          </ul>
          {inUse ? (
            <p className="muted small">{t('test.alreadyUsed')}</p>
          ) : (
            <button type="button" onClick={() => void adoptModels()} disabled={saving}>
              {saving ? t('test.saving') : t('test.useModels')}
            </button>
          )}
        </div>
      )}
      {saved !== null && (
        <p role="status" className="small">
          {t('test.saved', { count: saved })}
        </p>
      )}
      {error !== null && (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      )}
    </section>
  );
}
