import { memo, type DragEvent } from 'react';
import type { ImageRecord } from '../../../shared/library';
import { mediaUrl } from '../../bridge/media';
import { imageLabel } from './format';
import type { SelectHow } from '../../store/library/selection';
import { CheckIcon, StarIcon } from '../../icons';

/** The words every tile shows, translated once by the grid (a translation hook per tile costs while scrolling). */
export interface TileLabels {
  favourite: string;
  toggle: string;
}

interface TileProps {
  labels: TileLabels;
  image: ImageRecord;
  index: number;
  /** How many images the view holds. */
  setSize: number;
  left: number;
  top: number;
  size: number;
  /** The grid's one Tab stop. */
  tabbable: boolean;
  selected: boolean;
  onOpen(id: number): void;
  onSelect(id: number, index: number, how: SelectHow): void;
  onFocusTile(index: number): void;
  /** The context menu (right click, the Menu key or Shift+F10) at a point on the screen. */
  onMenu(id: number, x: number, y: number): void;
  onDragTile(event: DragEvent, id: number): void;
}

/**
 * One thumbnail in the grid: an option of the grid's listbox. A click opens the image in the
 * viewer; Ctrl/Cmd+click or the round check mark selects it, Shift+click selects up to it.
 */
export const Tile = memo(function Tile(props: TileProps) {
  const { labels, image, index, setSize, left, top, size, tabbable, selected, onOpen, onSelect, onFocusTile, onMenu, onDragTile } = props;
  const label = imageLabel(image);
  return (
    <div
      role="option"
      className={selected ? 'tile-slot selected' : 'tile-slot'}
      data-index={index}
      data-id={image.id}
      tabIndex={tabbable ? 0 : -1}
      aria-selected={selected}
      aria-label={label}
      aria-description={image.favorite ? labels.favourite : undefined}
      aria-keyshortcuts="E R"
      aria-haspopup="menu"
      aria-setsize={setSize}
      aria-posinset={index + 1}
      style={{ width: size, height: size, transform: `translate(${left}px, ${top}px)` }}
      draggable
      onDragStart={(event) => onDragTile(event, image.id)}
      onClick={(event) => {
        if (event.shiftKey) onSelect(image.id, index, 'range');
        else if (event.ctrlKey || event.metaKey) onSelect(image.id, index, 'toggle');
        else onOpen(image.id);
      }}
      onMouseDown={(event) => {
        // Shift+click selects; it should not also select the page's text.
        if (event.shiftKey) event.preventDefault();
      }}
      onFocus={() => onFocusTile(index)}
      onContextMenu={(event) => {
        event.preventDefault();
        // From the keyboard the event has no pointer position: open at the tile.
        const box = event.currentTarget.getBoundingClientRect();
        const fromKeyboard = event.clientX === 0 && event.clientY === 0;
        onMenu(image.id, fromKeyboard ? box.left + 12 : event.clientX, fromKeyboard ? box.top + 12 : event.clientY);
      }}
    >
      <div className="tile">
        <img src={mediaUrl('thumb', image.id)} alt="" loading="lazy" decoding="async" draggable={false} />
        {/* The very words of its name (a long prompt cut at 200 characters), so what shows is what is read. */}
        <span className="tile-caption" aria-hidden="true">
          {label}
        </span>
        {image.favorite && (
          <span className="tile-star" aria-hidden="true" title={labels.favourite}>
            <StarIcon filled />
          </span>
        )}
      </div>
      <span
        className="tile-check"
        aria-hidden="true"
        title={labels.toggle}
        onClick={(event) => {
          event.stopPropagation();
          onSelect(image.id, index, event.shiftKey ? 'range' : 'toggle');
        }}
      >
        <CheckIcon strokeWidth={3} />
      </span>
    </div>
  );
});
