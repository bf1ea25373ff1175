import type { ReactNode } from 'react';
import { dragImage } from '../../../app/iterate';
import { useChatStore } from '../../../store/chat-store';
import { PencilIcon } from '../icons';
import { ReferenceIcon } from './icons';

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
  /** The <img>. */
  children: ReactNode;
}

/** An image in the chat that opens in the viewer, with Edit and Use as reference on hover or focus. */
export function ImageWithActions({ id, number, frameClass, onOpen, draggable = false, compact = false, children }: ImageWithActionsProps) {
  return (
    <div
      className={compact ? 'image-actions-host compact' : 'image-actions-host'}
      draggable={draggable || undefined}
      onDragStart={draggable ? (event) => dragImage(event, id) : undefined}
    >
      <button type="button" className={frameClass} onClick={onOpen} title="Open in the viewer">
        {children}
      </button>
      <div className="image-actions">
        <button
          type="button"
          aria-label={`Edit image ${number}`}
          title="Edit: make it the source of the next prompt"
          onClick={() => void useChatStore.getState().editImage(id)}
        >
          <PencilIcon />
          {!compact && <span>Edit</span>}
        </button>
        <button
          type="button"
          aria-label={`Use image ${number} as reference`}
          title="Use as a reference in the next prompt"
          onClick={() => void useChatStore.getState().addReference(id)}
        >
          <ReferenceIcon />
          {!compact && <span>Reference</span>}
        </button>
      </div>
    </div>
  );
}
