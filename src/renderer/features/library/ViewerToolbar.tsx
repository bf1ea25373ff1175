import { useTranslation } from 'react-i18next';
import type { ImageDetail } from '../../../shared/library';
import { useViewer } from '../../store/library';
import { ViewerCompareButton } from '../compare/ViewerCompareButton';
import { ViewerMaskButton } from '../mask/PaintMaskButtons';
import { useFileActions } from './FileActions';
import { ViewerMoreMenu, type ViewerMenuItem } from './ViewerMenu';
import { DownloadIcon, ReferenceIcon, StarIcon, TrashIcon } from '../../icons';

interface ViewerToolbarProps {
  detail: ImageDetail;
  /** The picture is on its way to the trash: the menu item waits. */
  trashing: boolean;
  onTakeToChat(action: 'edit' | 'reference'): void;
  onTrash(): void;
  /** Closes the viewer (a mask painted here goes on to the chat). */
  onClose(): void;
}

/**
 * The viewer's actions in one row: Edit as the main one, icons with tooltips for the frequent ones,
 * and the rest behind "…" (Move to trash; Save a copy, Copy and Show in folder in the desktop app).
 * A picture in the trash keeps only what still applies to it (its Restore and Delete are above).
 */
export function ViewerToolbar({ detail, trashing, onTakeToChat, onTrash, onClose }: ViewerToolbarProps) {
  const { t } = useTranslation(['library', 'common']);
  const setFavorite = useViewer((s) => s.setFavorite);
  const { image } = detail;
  const live = image.trashedAt === null;
  const file = useFileActions(image);
  const more: ViewerMenuItem[] = [...file.items];
  if (live) {
    more.push({
      id: 'trash',
      label: t('common:moveToTrash'),
      icon: <TrashIcon />,
      danger: true,
      disabled: trashing,
      separated: more.length > 0,
      run: onTrash,
    });
  }

  return (
    <>
      <div className="viewer-toolbar" role="toolbar" aria-label={t('viewer.toolbar')}>
        {live && (
          <button
            type="button"
            className="primary viewer-edit"
            aria-keyshortcuts="E"
            title={t('viewer.editTitle')}
            onClick={() => onTakeToChat('edit')}
          >
            {t('common:edit')}
          </button>
        )}
        <div className="viewer-tools">
          {live && (
            <>
              <button
                type="button"
                className="viewer-tool"
                aria-label={t('common:useAsReference')}
                aria-keyshortcuts="R"
                title={t('viewer.referenceTitle')}
                onClick={() => onTakeToChat('reference')}
              >
                <ReferenceIcon />
              </button>
              <ViewerMaskButton image={image} onClose={onClose} />
            </>
          )}
          <ViewerCompareButton key={image.id} detail={detail} />
          {/* A toggle keeps its name; aria-pressed and the filled star say whether it is on. */}
          <button
            type="button"
            className={image.favorite ? 'viewer-tool favourite-button on' : 'viewer-tool favourite-button'}
            aria-label={t('common:favourite')}
            title={t('common:favourite')}
            aria-pressed={image.favorite}
            onClick={() => void setFavorite(image.id, !image.favorite)}
          >
            <StarIcon filled={image.favorite} />
          </button>
          {file.download && (
            <a
              className="button viewer-tool"
              href={file.download.href}
              download={file.download.fileName}
              aria-label={t('file.download')}
              title={t('file.download')}
            >
              <DownloadIcon />
            </a>
          )}
        </div>
        {more.length > 0 && <ViewerMoreMenu key={image.id} items={more} />}
      </div>
      {file.status}
    </>
  );
}
