import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ImageRecord } from '../../../shared/library';
import { describeKind } from '../../../shared/provider-kinds';
import type { ProviderKind } from '../../../shared/settings';
import { usePopover } from '../../app/use-popover';
import { mediaUrl } from '../../bridge/media';
import { useComposer, useThread } from '../../store/chat';
import { ChipMaskButton } from '../mask/PaintMaskButtons';
import { CloseIcon } from '../../icons';

/** What the first attachment is called: a kind that takes a picture into account rather than editing its pixels (GigaChat) draws "based on" it. */
export function sourceRole(kind: ProviderKind | undefined): 'chips.basedOn' | 'chips.editing' {
  return kind && describeKind(kind).source === 'considered' ? 'chips.basedOn' : 'chips.editing';
}

interface AttachmentChipsProps {
  kind: ProviderKind | undefined;
  /** Gives the prompt box its focus back after a chip's button was used. */
  onDone(): void;
}

/**
 * The images the next prompt carries: the source first ("Editing" — by default the conversation's
 * last picture, for a follow-up), then references. The source can be swapped for another picture
 * of the conversation or taken off to start fresh.
 */
function AttachmentChipsView({ kind, onDone }: AttachmentChipsProps) {
  const { attachments, attaching, sourceAuto, missing, removeAttachment } = useComposer(
    useShallow((s) => ({
      attachments: s.attachments,
      attaching: s.attaching,
      sourceAuto: s.sourceAuto,
      missing: s.missing,
      removeAttachment: s.removeAttachment,
    })),
  );
  const { t } = useTranslation(['chat', 'common']);
  if (attachments.length === 0 && attaching === 0) return null;

  return (
    <ul className="chips" aria-label={t('chips.label')}>
      {attachments.map((image, index) => {
        // What a person knows the picture by: its prompt, else its file name, else its number.
        const full = image.prompt?.trim() || image.originalName || t('common:imageN', { id: image.id });
        const name = full.length > 80 ? `${full.slice(0, 79)}…` : full;
        const gone = missing[image.id];
        const role = t(index === 0 ? sourceRole(kind) : 'chips.reference');
        const auto = index === 0 && sourceAuto;
        return (
          <li
            key={image.id}
            className={`chip${index === 0 ? ' chip-source' : ''}${gone ? ' chip-missing' : ''}`}
            aria-label={t(
              gone === 'trashed' ? 'chips.chipLabelTrashed' : gone === 'deleted' ? 'chips.chipLabelDeleted' : 'chips.chipLabel',
              { role, name },
            )}
          >
            <img src={mediaUrl('thumb', image.id)} alt="" draggable={false} />
            <span className="chip-text">
              <span className="chip-role">{role}</span>
              <span className="chip-name" title={full.length > 300 ? `${full.slice(0, 299)}…` : full}>
                {gone ? t(gone === 'trashed' ? 'chips.trashed' : 'chips.deleted', { id: image.id }) : auto ? t('chips.lastPicture') : name}
              </span>
            </span>
            {index === 0 && <SwapButton current={image} onDone={onDone} />}
            {index === 0 && !gone && <ChipMaskButton source={image} kind={kind} onDone={onDone} />}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('chips.remove', { name })}
              title={auto ? t('chips.removeAutoTitle') : t('common:remove')}
              onClick={() => {
                removeAttachment(image.id);
                onDone();
              }}
            >
              <CloseIcon />
            </button>
          </li>
        );
      })}
      {attaching > 0 && (
        <li className="chip chip-pending" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('chips.adding', { count: attaching })}
        </li>
      )}
    </ul>
  );
}

/** The conversation's pictures, newest first, without duplicates. */
function useConversationImages(): number[] {
  const messages = useThread((s) => s.messages);
  const ids: number[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    for (const id of m.role === 'assistant' ? m.imageIds : []) if (!ids.includes(id)) ids.push(id);
  }
  for (const m of messages) for (const id of m.role === 'user' ? m.imageIds : []) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** A popover of the conversation's other pictures: one click makes another the source. */
function SwapButton({ current, onDone }: { current: ImageRecord; onDone(): void }) {
  const images = useConversationImages().filter((id) => id !== current.id);
  const editImage = useComposer((s) => s.editImage);
  const { open, setOpen, button, popover, onKeyDown } = usePopover();
  const popoverId = useId();
  const { t } = useTranslation(['chat', 'common']);

  if (images.length === 0) return null;

  return (
    <span className="chip-swap">
      <button
        type="button"
        ref={button}
        className="chip-action"
        aria-expanded={open}
        aria-controls={popoverId}
        title={t('chips.swapTitle')}
        onClick={() => setOpen(!open)}
      >
        {t('chips.swap')}
      </button>
      {open && (
        <div id={popoverId} ref={popover} className="swap-popover" role="group" aria-label={t('chips.swapLabel')} onKeyDown={onKeyDown}>
          {images.slice(0, 24).map((id) => (
            <button
              key={id}
              type="button"
              className="swap-choice"
              aria-label={t('chips.swapTo', { id })}
              onClick={() => {
                setOpen(false);
                void editImage(id).then(onDone);
              }}
            >
              <img src={mediaUrl('thumb', id)} alt="" draggable={false} />
            </button>
          ))}
        </div>
      )}
    </span>
  );
}

/** Memoized: the composer re-renders on every key, and this does not change with the prompt. */
export const AttachmentChips = memo(AttachmentChipsView);
