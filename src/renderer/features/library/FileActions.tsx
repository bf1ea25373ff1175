import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageRecord } from '../../../shared/library';
import { holst, inElectron, unwrap } from '../../bridge';
import { mediaUrl } from '../../bridge/media';
import { errorText } from '../../i18n/errors';
import { formatType } from './format';

/**
 * What can be done with the file itself. The desktop app saves a copy (save dialog), copies to
 * the clipboard and reveals the file; in a browser the original is simply downloaded.
 */
export function FileActions({ image }: { image: ImageRecord }) {
  const { t } = useTranslation('library');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const fileName = image.originalName ?? `holst-${image.id}.${formatType(image.mime).toLowerCase().replace('jpeg', 'jpg')}`;

  const run = async (action: () => Promise<string | null>) => {
    setMessage(null);
    try {
      const text = await action();
      if (text) setMessage({ text, error: false });
    } catch (error) {
      setMessage({ text: errorText(error), error: true });
    }
  };

  if (!inElectron) {
    return (
      <div className="actions viewer-actions">
        <a className="button" href={mediaUrl('original', image.id)} download={fileName}>
          {t('file.download')}
        </a>
      </div>
    );
  }
  return (
    <>
      <div className="actions viewer-actions">
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const { path } = await unwrap(holst.library.export({ id: image.id }));
              return path ? t('file.savedTo', { path }) : null;
            })
          }
        >
          {t('file.saveCopy')}
        </button>
        <button type="button" onClick={() => void run(async () => (await unwrap(holst.library.copy({ id: image.id })), t('file.copied')))}>
          {t('file.copy')}
        </button>
        <button type="button" onClick={() => void run(async () => (await unwrap(holst.library.reveal({ id: image.id })), null))}>
          {t('file.reveal')}
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error small' : 'muted small'}>
          {message.text}
        </p>
      )}
    </>
  );
}

/** Dragging the large image out hands the original file to the OS (desktop app only). */
export function startDragOut(id: number): ((event: DragEvent) => void) | undefined {
  if (!inElectron) return undefined;
  return (event) => {
    event.preventDefault();
    void holst.library.startDrag({ id });
  };
}
