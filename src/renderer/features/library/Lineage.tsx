import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageRecord, MaskRecord } from '../../../shared/library';
import { mediaUrl } from '../../bridge/media';
import { imageLabel } from './format';

interface LineageProps {
  title: string;
  items: Array<{ image: ImageRecord; badge: string | null }>;
  /** What to say when there are no items; null hides the section instead. */
  empty: string | null;
  /** The mask the edit was made with, shown after the source: the source's thumbnail, darkened where it was kept. */
  mask?: { mask: MaskRecord; sourceId: number | null } | null;
  onOpen(id: number): void;
}

/** The images one image was made from, or was used in: thumbnails that open them. */
export function Lineage({ title, items, empty, mask = null, onOpen }: LineageProps) {
  const { t } = useTranslation(['library', 'common']);
  const headingId = useId();
  if (items.length === 0 && !mask && empty === null) return null;
  return (
    <section className="lineage" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {items.length === 0 && !mask ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="lineage-list">
          {items.map(({ image, badge }) => {
            const label = imageLabel(image);
            const name = image.trashedAt !== null ? t('lineage.trashed', { label }) : label;
            return (
              <li key={`${badge ?? ''}-${image.id}`}>
                <button
                  type="button"
                  className="thumb-frame lineage-thumb"
                  aria-label={badge ? t('lineage.withBadge', { badge, name }) : name}
                  title={label}
                  onClick={() => onOpen(image.id)}
                >
                  <img src={mediaUrl('thumb', image.id)} alt="" loading="lazy" draggable={false} />
                  {badge && (
                    <span className="lineage-badge" aria-hidden="true">
                      {badge}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
          {mask && (
            <li>
              <span
                className="thumb-frame lineage-thumb lineage-mask"
                role="img"
                aria-label={t('lineage.mask', { width: mask.mask.width, height: mask.mask.height })}
                title={t('lineage.mask', { width: mask.mask.width, height: mask.mask.height })}
              >
                {mask.sourceId !== null && <img src={mediaUrl('thumb', mask.sourceId)} alt="" loading="lazy" draggable={false} />}
                <img className="lineage-mask-overlay" src={mediaUrl('mask', mask.mask.id)} alt="" loading="lazy" draggable={false} />
                <span className="lineage-badge" aria-hidden="true">
                  {t('common:role.mask')}
                </span>
              </span>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
