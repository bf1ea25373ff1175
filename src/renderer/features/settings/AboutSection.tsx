import { useState } from 'react';
import type { AppInfo } from '../../../shared/contract';
import { holst, unwrap } from '../../bridge';

/** Version, where things are kept, the logs folder and "Copy diagnostics" for a problem report. */
export function AboutSection({ info }: { info: AppInfo }) {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [diagnostics, setDiagnostics] = useState<string | null>(null);

  const openLogs = async () => {
    setStatus(null);
    try {
      const { path, opened } = await unwrap(holst.app.openLogsFolder());
      if (!opened) setStatus({ kind: 'ok', text: path ? `The logs are in ${path}` : 'This version of Holst keeps no log file.' });
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message });
    }
  };

  const copyDiagnostics = async () => {
    setStatus(null);
    setDiagnostics(null);
    try {
      const { text } = await unwrap(holst.app.diagnostics());
      try {
        await navigator.clipboard.writeText(text);
        setStatus({ kind: 'ok', text: 'Diagnostics copied: paste them into your report.' });
      } catch {
        // Without clipboard access, show the text so it can be copied by hand.
        setDiagnostics(text);
        setStatus({ kind: 'ok', text: 'Copy the diagnostics below into your report.' });
      }
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message });
    }
  };

  return (
    <>
      <h2>About Holst</h2>
      <p className="small">
        Holst <span data-testid="app-version">{info.version}</span> · {info.platform} ·{' '}
        {info.shell === 'electron' ? 'desktop app' : 'browser'}
        <br />
        Data folder: <code>{info.dataDir}</code>
        <br />
        Settings file: <code>{info.settingsFile}</code>
      </p>
      <div className="row-actions">
        <button type="button" onClick={() => void openLogs()}>
          Open logs folder
        </button>
        <button type="button" onClick={() => void copyDiagnostics()}>
          Copy diagnostics
        </button>
      </div>
      <p className="small muted">Diagnostics hold versions, settings and recent log lines, never keys or passwords.</p>
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'error' : 'small'}>
          {status.text}
        </p>
      )}
      {diagnostics !== null && <textarea className="diagnostics" aria-label="Diagnostics" readOnly rows={12} value={diagnostics} />}
    </>
  );
}
