import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageRecord } from '../../../shared/library';
import { mediaUrl } from '../../bridge/media';
import { imageLabel } from './format';

interface LineageProps {
  title: string;
  items: Array<{ image: ImageRecord; badge: string | null }>;
  /** What to say when there are no items; null hides the section instead. */
  empty: string | null;
  onOpen(id: number): void;
}

/** The images one image was made from, or was used in: thumbnails that open them. */
export function Lineage({ title, items, empty, onOpen }: LineageProps) {
  const { t } = useTranslation('library');
  const headingId = useId();
  if (items.length === 0 && empty === null) return null;
  return (
    <section className="lineage" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {items.length === 0 ? (
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
        </ul>
      )}
    </section>
  );
}
