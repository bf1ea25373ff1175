import { useState } from 'react';
import type { ConnectionReport } from '../../../shared/generation';
import type { ProviderConfig } from '../../../shared/settings';
import { useProvidersStore } from '../../store/providers-store';

type Step = ConnectionReport['steps'][number];

const STEP_LABELS: Record<Step['step'], string> = {
  dns: 'DNS lookup',
  connect: 'Connection',
  tls: 'TLS',
  auth: 'API key',
  models: 'Model list',
};

const STATUS_ICONS: Record<Step['status'], string> = { ok: '✓', failed: '✗', skipped: '–' };
const STATUS_WORDS: Record<Step['status'], string> = { ok: 'passed', failed: 'failed', skipped: 'skipped' };

/** A provider config takes at most 200 models of 1–200 characters each. */
const MAX_MODELS = 200;
const usableModels = (models: string[]) =>
  [...new Set(models.map((m) => m.trim()).filter((m) => m.length > 0 && m.length <= 200))].slice(0, MAX_MODELS);

const sameList = (a: readonly string[] | undefined, b: readonly string[]) =>
  a !== undefined && a.length === b.length && a.every((m, i) => m === b[i]);

/** "Test connection" for a saved provider: each step as a checklist, and the models it offers. */
export function ConnectionTest({ config }: { config: ProviderConfig }) {
  const test = useProvidersStore((s) => s.test);
  const setModels = useProvidersStore((s) => s.setModels);
  const [testing, setTesting] = useState(false);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const run = async () => {
    setTesting(true);
    setReport(null);
    setError(null);
    setSaved(null);
    try {
      setReport(await test(config.id));
    } catch (e) {
      setError((e as Error).message);
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
      setSaved(`Saved ${offered.length} ${offered.length === 1 ? 'model' : 'models'} to this provider.`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const failed = report?.steps.find((s) => s.status === 'failed');

  return (
    <section className="connection-test" aria-label="Connection test">
      <div className="actions">
        <button type="button" onClick={() => void run()} disabled={testing} aria-busy={testing}>
          {testing ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      {report &&
        (report.ok ? (
          <p role="status" className="test-summary test-ok">
            ✓ The connection works.
          </p>
        ) : (
          <p role="alert" className="error test-summary">
            {failed ? `${STEP_LABELS[failed.step]} failed: ${failed.message}` : 'The connection test failed.'}
          </p>
        ))}
      {report && report.steps.length > 0 && (
        <ol className="connection-steps" aria-label="Connection steps">
          {report.steps.map((s) => (
            <li key={s.step} className={`step step-${s.status}`} data-testid={`step-${s.step}`} data-status={s.status}>
              <span className="step-icon" aria-hidden="true">
                {STATUS_ICONS[s.status]}
              </span>
              <span className="step-name">
                {STEP_LABELS[s.step]}
                <span className="visually-hidden">: {STATUS_WORDS[s.status]}</span>
              </span>
              <span className="step-message">{s.message}</span>
            </li>
          ))}
        </ol>
      )}
      {report && offered.length > 0 && (
        <div className="test-models">
          <p className="small">
            The provider offers {offered.length} {offered.length === 1 ? 'model' : 'models'}
            {report.models.length > offered.length ? ` (the first ${MAX_MODELS} are kept)` : ''}:
          </p>
          <ul className="model-list" aria-label="Models offered">
            {offered.map((model) => (
              <li key={model}>
                <code>{model}</code>
              </li>
            ))}
          </ul>
          {inUse ? (
            <p className="muted small">This provider already uses these models.</p>
          ) : (
            <button type="button" onClick={() => void adoptModels()} disabled={saving}>
              {saving ? 'Saving…' : 'Use these models'}
            </button>
          )}
        </div>
      )}
      {saved && (
        <p role="status" className="small">
          {saved}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
