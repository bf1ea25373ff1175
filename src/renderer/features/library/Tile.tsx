import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageRecord } from '../../../shared/library';
import { dragImage } from '../../app/iterate';
import { mediaUrl } from '../../bridge/media';
import { imageLabel } from './format';
import { StarIcon } from './icons';

interface TileProps {
  image: ImageRecord;
  index: number;
  /** How many items the list has, or -1 while more are still to load. */
  setSize: number;
  left: number;
  top: number;
  size: number;
  /** The grid's one Tab stop. */
  tabbable: boolean;
  onOpen(id: number): void;
  onFocusTile(index: number): void;
  /** The context menu (right click, the Menu key or Shift+F10) at a point on the screen. */
  onMenu(id: number, x: number, y: number): void;
}

/** One thumbnail in the grid: a button that opens the image in the viewer. */
export const Tile = memo(function Tile({ image, index, setSize, left, top, size, tabbable, onOpen, onFocusTile, onMenu }: TileProps) {
  const { t } = useTranslation(['library', 'common']);
  const label = imageLabel(image);
  return (
    <div
      role="listitem"
      className="tile-slot"
      aria-setsize={setSize}
      aria-posinset={index + 1}
      style={{ width: size, height: size, transform: `translate(${left}px, ${top}px)` }}
    >
      <button
        type="button"
        className="tile"
        data-index={index}
        data-id={image.id}
        tabIndex={tabbable ? 0 : -1}
        aria-label={label}
        aria-description={image.favorite ? t('tileFavourite') : undefined}
        aria-keyshortcuts="E R"
        aria-haspopup="menu"
        draggable
        onDragStart={(event) => dragImage(event, image.id)}
        onClick={() => onOpen(image.id)}
        onFocus={() => onFocusTile(index)}
        onContextMenu={(event) => {
          event.preventDefault();
          // From the keyboard the event has no pointer position: open at the tile.
          const box = event.currentTarget.getBoundingClientRect();
          const fromKeyboard = event.clientX === 0 && event.clientY === 0;
          onMenu(image.id, fromKeyboard ? box.left + 12 : event.clientX, fromKeyboard ? box.top + 12 : event.clientY);
        }}
      >
        <img src={mediaUrl('thumb', image.id)} alt={label} loading="lazy" decoding="async" draggable={false} />
        <span className="tile-caption" aria-hidden="true">
          {image.prompt?.trim() || t('common:imageN', { id: image.id })}
        </span>
        {image.favorite && (
          <span className="tile-star" aria-hidden="true" title={t('tileFavourite')}>
            <StarIcon filled />
          </span>
        )}
      </button>
    </div>
  );
});
