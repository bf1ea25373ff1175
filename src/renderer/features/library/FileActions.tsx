import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageRecord } from '../../../shared/library';
import { holst, inElectron, unwrap } from '../../bridge';
import { mediaUrl } from '../../bridge/media';
import { errorText } from '../../i18n/errors';
import { formatType } from './format';
import type { ViewerMenuItem } from './ViewerMenu';
import { CopyIcon, FolderIcon, SaveIcon } from '../../icons';

export interface FileActionsView {
  /** In a browser: the original, downloaded by a link. */
  download: { href: string; fileName: string } | null;
  /** In the desktop app: Save a copy…, Copy and Show in folder, for the viewer's "…" menu. */
  items: ViewerMenuItem[];
  /** What the last action said (where the copy went, an error), for under the toolbar. */
  status: ReactNode;
}

/**
 * What can be done with the file itself. The desktop app saves a copy (save dialog), copies to
 * the clipboard and reveals the file; in a browser the original is simply downloaded.
 */
export function useFileActions(image: ImageRecord): FileActionsView {
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

  if (!inElectron()) return { download: { href: mediaUrl('original', image.id), fileName }, items: [], status: null };
  return {
    download: null,
    items: [
      {
        id: 'save-copy',
        label: t('file.saveCopy'),
        icon: <SaveIcon />,
        run: () =>
          void run(async () => {
            const { path } = await unwrap(holst.library.export({ id: image.id }));
            return path ? t('file.savedTo', { path }) : null;
          }),
      },
      {
        id: 'copy',
        label: t('file.copy'),
        icon: <CopyIcon />,
        run: () => void run(async () => (await unwrap(holst.library.copy({ id: image.id })), t('file.copied'))),
      },
      {
        id: 'reveal',
        label: t('file.reveal'),
        icon: <FolderIcon />,
        run: () => void run(async () => (await unwrap(holst.library.reveal({ id: image.id })), null)),
      },
    ],
    status: message && (
      <p
        role={message.error ? 'alert' : 'status'}
        className={message.error ? 'viewer-file-status error small' : 'viewer-file-status muted small'}
      >
        {message.text}
      </p>
    ),
  };
}

/** Dragging the large image out hands the original file to the OS (desktop app only). */
export function startDragOut(id: number): ((event: DragEvent) => void) | undefined {
  if (!inElectron()) return undefined;
  return (event) => {
    event.preventDefault();
    void holst.library.startDrag({ id });
  };
}
