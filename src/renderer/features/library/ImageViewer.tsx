import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageDetail } from '../../../shared/library';
import { sendImageToChat } from '../../app/iterate';
import { inElectron } from '../../bridge';
import { largeUrl, mediaUrl } from '../../bridge/media';
import { useLibraryStore } from '../../store/library-store';
import { ChevronIcon, CloseIcon, StarIcon } from './icons';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { formatType, imageLabel, roleLabel, sourceLabel } from './format';
import { FileActions, startDragOut } from './FileActions';
import { Lineage } from './Lineage';
import { ViewerMaskButton } from '../mask/PaintMaskButtons';
import { ViewerCompareButton } from '../compare/ViewerCompareButton';

interface ImageViewerProps {
  detail: ImageDetail;
  error: string | null;
  /** The neighbours in the grid, for the arrow keys and the previous/next buttons. */
  previousId: number | null;
  nextId: number | null;
  onClose(): void;
  /** Resolves false when the image could not be moved to the trash. */
  onTrash(): Promise<boolean>;
}

/** Single-letter keys act on the picture unless the user is typing in a field. */
const isViewerTarget = (target: EventTarget) => !(target instanceof HTMLElement && target.closest('input, textarea, select'));

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** A modal view of one image: the picture large, its prompt and details, and where it came from. */
export function ImageViewer({ detail, error, previousId, nextId, onClose, onTrash }: ImageViewerProps) {
  const { t } = useTranslation(['library', 'common']);
  const open = useLibraryStore((s) => s.open);
  const setFavorite = useLibraryStore((s) => s.setFavorite);
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const [trashing, setTrashing] = useState(false);
  const { image, parents, children, tags } = detail;
  const prompt = image.prompt?.trim() || null;

  // Focus moves into the dialog when it opens, and back in when the control that had it went away
  // (a lineage thumbnail that opened another image).
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.contains(document.activeElement)) element.focus();
  }, [image.id]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (
      (event.key === 'e' || event.key === 'r') &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      isViewerTarget(event.target)
    ) {
      event.preventDefault();
      takeToChat(event.key === 'e' ? 'edit' : 'reference');
    } else if (event.key === 'ArrowLeft' && previousId !== null) {
      event.preventDefault();
      void open(previousId);
    } else if (event.key === 'ArrowRight' && nextId !== null) {
      event.preventDefault();
      void open(nextId);
    } else if (event.key === 'Tab' && dialog.current) {
      // Keep Tab inside the dialog.
      const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = focusable[0];
      const last = focusable.at(-1);
      if (!first || !last) return;
      const current = document.activeElement;
      if (event.shiftKey && (current === first || current === dialog.current)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && current === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  /** Edit / Use as reference: the picture joins the next prompt and the chat opens (the viewer closes). */
  const takeToChat = (action: 'edit' | 'reference') => {
    onClose();
    void sendImageToChat(image.id, action);
  };

  const trash = async () => {
    setTrashing(true);
    if (!(await onTrash())) setTrashing(false);
  };

  const params = Object.entries(image.params ?? {});

  return (
    <div
      className="viewer-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="viewer" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} ref={dialog} onKeyDown={onKeyDown}>
        <div className="viewer-stage">
          <img className="viewer-placeholder" src={mediaUrl('thumb', image.id)} alt="" aria-hidden="true" />
          <img
            key={image.id}
            className="viewer-image"
            src={largeUrl(image)}
            alt={imageLabel(image)}
            draggable={inElectron}
            onDragStart={startDragOut(image.id)}
          />
          <button
            type="button"
            className="viewer-step viewer-step-previous"
            aria-label={t('viewer.previous')}
            title={t('viewer.previousTitle')}
            disabled={previousId === null}
            onClick={() => previousId !== null && void open(previousId)}
          >
            <ChevronIcon direction="left" />
          </button>
          <button
            type="button"
            className="viewer-step viewer-step-next"
            aria-label={t('viewer.next')}
            title={t('viewer.nextTitle')}
            disabled={nextId === null}
            onClick={() => nextId !== null && void open(nextId)}
          >
            <ChevronIcon direction="right" />
          </button>
        </div>

        <div className="viewer-info">
          <div className="viewer-topline">
            <span className="eyebrow">{t('viewer.eyebrow', { id: image.id, source: sourceLabel(image.source) })}</span>
            <button type="button" className="icon-button" aria-label={t('common:close')} title={t('viewer.closeTitle')} onClick={onClose}>
              <CloseIcon />
            </button>
          </div>

          <h2 id={titleId} className={prompt ? 'viewer-prompt' : 'viewer-prompt muted'}>
            {prompt ?? t('viewer.noPrompt')}
          </h2>
          {image.revisedPrompt && (
            <div className="viewer-revised">
              <h3>{t('viewer.revisedPrompt')}</h3>
              <p>{image.revisedPrompt}</p>
            </div>
          )}
          {image.trashedAt !== null && <p className="warning small">{t('viewer.inTrash')}</p>}

          {image.trashedAt === null && (
            <div className="actions viewer-iterate">
              <button
                type="button"
                className="primary"
                aria-keyshortcuts="E"
                title={t('viewer.editTitle')}
                onClick={() => takeToChat('edit')}
              >
                {t('common:edit')}
              </button>
              <button type="button" aria-keyshortcuts="R" title={t('viewer.referenceTitle')} onClick={() => takeToChat('reference')}>
                {t('common:useAsReference')}
              </button>
              <ViewerMaskButton image={image} onClose={onClose} />
            </div>
          )}
          <ViewerCompareButton key={image.id} detail={detail} />
          <div className="actions viewer-actions">
            <button
              type="button"
              className={image.favorite ? 'favourite-button on' : 'favourite-button'}
              aria-pressed={image.favorite}
              onClick={() => void setFavorite(image.id, !image.favorite)}
            >
              <StarIcon filled={image.favorite} />
              {/* A toggle keeps its name; aria-pressed and the filled star say whether it is on. */}
              {t('common:favourite')}
            </button>
            {image.trashedAt === null && (
              <button type="button" className="danger" onClick={() => void trash()} disabled={trashing}>
                {t('common:moveToTrash')}
              </button>
            )}
          </div>
          <FileActions image={image} />
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}

          <dl className="meta">
            {image.provider && (
              <>
                <dt>{t('viewer.meta.provider')}</dt>
                <dd>{image.provider}</dd>
              </>
            )}
            {image.model && (
              <>
                <dt>{t('viewer.meta.model')}</dt>
                <dd>{image.model}</dd>
              </>
            )}
            <dt>{t('viewer.meta.source')}</dt>
            <dd>{sourceLabel(image.source)}</dd>
            <dt>{t('viewer.meta.size')}</dt>
            <dd>
              {image.width} × {image.height}
              <span className="muted">
                {' '}
                · {formatType(image.mime)} · {formatBytes(image.bytes)}
              </span>
            </dd>
            <dt>{t('viewer.meta.created')}</dt>
            <dd>
              <time dateTime={new Date(image.createdAt).toISOString()}>{formatDateTime(image.createdAt)}</time>
            </dd>
            {image.originalName && (
              <>
                <dt>{t('viewer.meta.file')}</dt>
                <dd className="break">{image.originalName}</dd>
              </>
            )}
            <dt>{t('viewer.meta.tags')}</dt>
            <dd>
              {tags.length === 0 ? (
                <span className="muted">{t('viewer.meta.noTags')}</span>
              ) : (
                <ul className="tags" aria-label={t('viewer.meta.tags')}>
                  {tags.map((tag) => (
                    <li key={tag} className="tag">
                      {tag}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            {params.length > 0 && (
              <>
                <dt>{t('viewer.meta.parameters')}</dt>
                <dd className="params">
                  {params.map(([key, value]) => (
                    <div key={key}>
                      <span className="muted">{key}</span> {typeof value === 'string' ? value : JSON.stringify(value)}
                    </div>
                  ))}
                </dd>
              </>
            )}
          </dl>

          <Lineage
            title={t('viewer.madeFrom')}
            empty={image.source === 'edited' ? t('viewer.parentsGone') : null}
            items={parents.map(({ role, image: parent }) => ({ image: parent, badge: roleLabel(role) }))}
            onOpen={(id) => void open(id)}
          />
          <Lineage
            title={t('viewer.usedIn')}
            empty={null}
            items={children.map((child) => ({ image: child, badge: null }))}
            onOpen={(id) => void open(id)}
          />
        </div>
      </div>
    </div>
  );
}
