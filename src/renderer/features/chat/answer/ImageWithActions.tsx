import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dragImage } from '../../../app/iterate';
import { useComposer } from '../../../store/chat';
import { PencilIcon, ReferenceIcon } from '../../../icons';

interface ImageWithActionsProps {
  id: number;
  /** The image's place in its message, from 1: buttons are named "Edit image 2". */
  number: number;
  /** The class of the button that opens the image (its frame). */
  frameClass: string;
  onOpen(): void;
  /** Answer images can be dragged onto the composer. */
  draggable?: boolean;
  /** Icon-only buttons, for small thumbnails. */
  compact?: boolean;
  /** The picture's box (its shape before it loads). */
  style?: CSSProperties | undefined;
  /** The <img>. */
  children: ReactNode;
}

/** An image in the chat that opens in the viewer, with Edit and Use as reference on hover or focus. */
export function ImageWithActions({
  id,
  number,
  frameClass,
  onOpen,
  draggable = false,
  compact = false,
  style,
  children,
}: ImageWithActionsProps) {
  const { t } = useTranslation('chat');
  return (
    <div
      className={compact ? 'image-actions-host compact' : 'image-actions-host'}
      style={style}
      draggable={draggable || undefined}
      onDragStart={draggable ? (event) => dragImage(event, id) : undefined}
    >
      <button type="button" className={frameClass} onClick={onOpen} title={t('answer.open')}>
        {children}
      </button>
      <div className="image-actions">
        <button
          type="button"
          aria-label={t('answer.editLabel', { n: number })}
          title={t('answer.editTitle')}
          onClick={() => void useComposer.getState().editImage(id)}
        >
          <PencilIcon />
          {!compact && <span>{t('answer.edit')}</span>}
        </button>
        <button
          type="button"
          aria-label={t('answer.referenceLabel', { n: number })}
          title={t('answer.referenceTitle')}
          onClick={() => void useComposer.getState().addReference(id)}
        >
          <ReferenceIcon />
          {!compact && <span>{t('answer.reference')}</span>}
        </button>
      </div>
    </div>
  );
}
