import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/errors';
import { useModalDialog } from './modal-dialog';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  /** Resolves when done; a thrown error is shown in the dialog, which stays open. */
  onConfirm(): Promise<void>;
  onCancel(): void;
}

/**
 * A confirmation for something that cannot be undone: a modal alert dialog with the focus kept
 * inside, Cancel focused first, Esc or a click outside cancelling, the focus given back after.
 */
export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation(['common']);
  const titleId = useId();
  const bodyId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onKeyDown = useModalDialog(dialog, () => {
    if (!busy) onCancel();
  });

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <div className="confirm-backdrop" onPointerDown={(event) => event.target === event.currentTarget && !busy && onCancel()}>
      <div
        ref={dialog}
        className="confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        <p id={bodyId}>{body}</p>
        {error && (
          <p role="alert" className="error small">
            {error}
          </p>
        )}
        <div className="confirm-actions">
          <button type="button" data-autofocus onClick={onCancel} disabled={busy}>
            {t('common:cancel')}
          </button>
          <button type="button" className="danger-solid" onClick={() => void confirm()} disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
