import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageDetail } from '../../../shared/library';
import { usePopover } from '../../app/use-popover';
import { holst, unwrap } from '../../bridge';
import { mediaUrl } from '../../bridge/media';
import { openCompare } from './compare-store';
import { SliderIcon } from '../../icons';

/** Why a picture is offered: the source or a reference of this one, made from it, or in the same chat. */
type Relation = 'source' | 'reference' | 'child' | 'chat';

interface Candidate {
  id: number;
  relation: Relation;
}

/** The pictures worth comparing with the one in view: its lineage first, then the rest of its chat. */
function useCandidates(detail: ImageDetail, open: boolean): Candidate[] {
  const [chat, setChat] = useState<number[]>([]);
  const { image, parents, children } = detail;
  useEffect(() => {
    if (!open || image.conversationId === null) return;
    let stale = false;
    unwrap(holst.library.list({ conversationId: image.conversationId, limit: 60 })).then(
      (page) => !stale && setChat(page.items.map((item) => item.id)),
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [open, image.conversationId]);

  const seen = new Set([image.id]);
  const out: Candidate[] = [];
  const add = (id: number, relation: Relation) => {
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ id, relation });
  };
  for (const parent of parents) add(parent.image.id, parent.role);
  for (const child of children) add(child.id, 'child');
  for (const id of chat) add(id, 'chat');
  return out;
}

/** "Compare with…" (an icon in the viewer's toolbar): one click on another picture opens the slider with both. */
export function ViewerCompareButton({ detail }: { detail: ImageDetail }) {
  const { t } = useTranslation('compare');
  const { open, setOpen, button, popover, onKeyDown } = usePopover();
  const candidates = useCandidates(detail, open);
  const popoverId = useId();
  const hasLineage = detail.parents.length > 0 || detail.children.length > 0;

  if (!hasLineage && detail.image.conversationId === null) return null;

  return (
    <span className="viewer-compare">
      <button
        type="button"
        ref={button}
        className="viewer-tool"
        aria-label={t('viewer.open')}
        title={t('viewer.open')}
        aria-expanded={open}
        aria-controls={popoverId}
        onClick={() => setOpen(!open)}
      >
        <SliderIcon />
      </button>
      {open && (
        <div
          id={popoverId}
          ref={popover}
          className="swap-popover viewer-compare-popover"
          role="group"
          aria-label={t('viewer.listLabel')}
          onKeyDown={onKeyDown}
        >
          {candidates.length === 0 && <p className="muted small">{t('viewer.looking')}</p>}
          {candidates.map(({ id, relation }) => {
            const why = t(`viewer.relation.${relation}`);
            return (
              <button
                key={id}
                type="button"
                className="swap-choice"
                aria-label={t('viewer.candidate', { id, relation: why })}
                title={why}
                onClick={() => {
                  setOpen(false);
                  // The slider gives the focus back to what had it: this button, inside the viewer.
                  button.current?.focus();
                  openCompare(detail.image.id, id);
                }}
              >
                <img src={mediaUrl('thumb', id)} alt="" draggable={false} />
              </button>
            );
          })}
        </div>
      )}
    </span>
  );
}
