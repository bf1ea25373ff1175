import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageDetail } from '../../../shared/library';
import { sendImageToChat } from '../../app/iterate';
import { restoreImage, useTrashConfirm } from './trash-actions';
import { useViewer } from '../../store/library';
import { useProviderName } from '../../store/providers-store';
import { trapTab } from '../../app/modal-dialog';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { formatType, roleLabel, sourceLabel } from './format';
import { Lineage } from './Lineage';
import { TagEditor } from './TagEditor';
import { TagManager } from './TagManager';
import { useNeighbours } from './viewer-neighbours';
import { ViewerParams } from './ViewerParams';
import { ViewerPrompt } from './ViewerPrompt';
import { ViewerToolbar } from './ViewerToolbar';
import { ZoomPan, type ZoomHandle } from './ZoomPan';
import '../../styles/viewer.css';
import { ChevronIcon, CloseIcon } from '../../icons';

interface ImageViewerProps {
  detail: ImageDetail;
  error: string | null;
  /**
   * The images either side in a list of the caller's own (the chat's pictures). Without them the
   * viewer steps through the library's current view, asking the core past what the grid has loaded.
   */
  previousId?: number | null;
  nextId?: number | null;
  onClose(): void;
  /** Resolves false when the image could not be moved to the trash. */
  onTrash(): Promise<boolean>;
}

/** Single-letter keys act on the picture unless the user is typing in a field. */
const isViewerTarget = (target: EventTarget) => !(target instanceof HTMLElement && target.closest('input, textarea, select'));

/** Keys the picture answers to: the arrows step through the view, the rest zoom. */
const VIEWER_KEYS: Record<string, 'newer' | 'older' | keyof ZoomHandle> = {
  ArrowLeft: 'newer',
  ArrowRight: 'older',
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
  '−': 'zoomOut',
  _: 'zoomOut',
  '0': 'fit',
  '1': 'actualSize',
};

/** A modal view of one image: the picture large, its prompt and details, and where it came from. */
export function ImageViewer({ detail, error, previousId, nextId, onClose, onTrash }: ImageViewerProps) {
  const { t } = useTranslation(['library', 'common']);
  const open = useViewer((s) => s.open);
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const zoom = useRef<ZoomHandle>(null);
  const [trashing, setTrashing] = useState(false);
  const [managingTags, setManagingTags] = useState(false);
  const { image, parents, children, tags, mask } = detail;
  const providerName = useProviderName(image.provider);
  // Previous = newer (earlier in the grid), next = older, across the whole filtered view.
  const ownList = previousId !== undefined || nextId !== undefined;
  const neighbours = useNeighbours(image.id, !ownList);
  const known = ownList ? { newer: previousId ?? null, older: nextId ?? null } : neighbours.known;
  const step = (direction: 'newer' | 'older') => {
    if (!ownList) return neighbours.step(direction);
    const target = known?.[direction];
    if (target !== null && target !== undefined) void open(target);
  };

  // Focus moves into the dialog when it opens, and back in when the control that had it went away
  // (a lineage thumbnail that opened another image, a step button disabled at the end).
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.contains(document.activeElement) && !document.querySelector('.tag-manager')) element.focus();
  }, [image.id, known?.newer, known?.older]);

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
    } else if (!event.ctrlKey && !event.metaKey && !event.altKey && isViewerTarget(event.target) && VIEWER_KEYS[event.key]) {
      event.preventDefault();
      const action = VIEWER_KEYS[event.key]!;
      if (action === 'newer' || action === 'older') step(action);
      else zoom.current?.[action]();
    } else if (event.key === 'Tab' && dialog.current) {
      trapTab(event, dialog.current);
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

  return (
    <div
      className="viewer-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="viewer" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} ref={dialog} onKeyDown={onKeyDown}>
        <ZoomPan key={image.id} ref={zoom} image={image}>
          <button
            type="button"
            className="viewer-step viewer-step-previous"
            aria-label={t('viewer.previous')}
            title={t('viewer.previousTitle')}
            disabled={known?.newer === null}
            onClick={() => step('newer')}
          >
            <ChevronIcon direction="left" />
          </button>
          <button
            type="button"
            className="viewer-step viewer-step-next"
            aria-label={t('viewer.next')}
            title={t('viewer.nextTitle')}
            disabled={known?.older === null}
            onClick={() => step('older')}
          >
            <ChevronIcon direction="right" />
          </button>
        </ZoomPan>

        <div className="viewer-info">
          <div className="viewer-topline">
            <span className="eyebrow">{t('viewer.eyebrow', { id: image.id, source: sourceLabel(image.source) })}</span>
            <button type="button" className="icon-button" aria-label={t('common:close')} title={t('viewer.closeTitle')} onClick={onClose}>
              <CloseIcon />
            </button>
          </div>

          <ViewerPrompt key={`prompt-${image.id}`} image={image} titleId={titleId} />
          {image.trashedAt !== null && (
            <div className="viewer-trashed">
              <p className="warning small">{t('viewer.inTrash')}</p>
              <div className="actions">
                <button type="button" className="primary" title={t('viewer.restoreTitle')} onClick={() => void restoreImage(image.id)}>
                  {t('trash.restore')}
                </button>
                <button type="button" className="danger" onClick={() => useTrashConfirm.getState().ask({ kind: 'delete', id: image.id })}>
                  {t('trash.deleteForGood')}
                </button>
              </div>
            </div>
          )}

          <ViewerToolbar detail={detail} trashing={trashing} onTakeToChat={takeToChat} onTrash={() => void trash()} onClose={onClose} />
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}

          <dl className="meta">
            {image.provider && (
              <>
                <dt>{t('viewer.meta.provider')}</dt>
                <dd>{providerName}</dd>
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
            <dd className="viewer-tags">
              <TagEditor key={image.id} imageId={image.id} tags={tags} onManage={() => setManagingTags(true)} />
            </dd>
          </dl>

          <ViewerParams params={image.params} />

          <Lineage
            title={t('viewer.madeFrom')}
            empty={image.source === 'edited' ? t('viewer.parentsGone') : null}
            items={parents.map(({ role, image: parent }) => ({ image: parent, badge: roleLabel(role) }))}
            mask={mask ? { mask, sourceId: parents.find((p) => p.role === 'source')?.image.id ?? mask.sourceId } : null}
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
      <TagManager open={managingTags} onClose={() => setManagingTags(false)} />
    </div>
  );
}
