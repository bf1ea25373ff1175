import { useRef, useState, type DragEvent } from 'react';
import { useAppStore } from '../store/app-store';
import { dropImageOnChat, HOLST_IMAGE_TYPE } from './iterate';

/** How long a dragged picture rests on the Chat item before the chat opens under it. */
const SPRING_MS = 600;

/**
 * Lets a library picture dragged from the grid reach the prompt: dropped on the main menu's Chat
 * item it joins the next prompt of its own conversation; held over it, the chat opens so it can be
 * dropped on the composer of the chat in view.
 */
export function useChatDropTarget() {
  const [over, setOver] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const carriesPicture = (event: DragEvent) => event.dataTransfer.types.includes(HOLST_IMAGE_TYPE);
  const leave = () => {
    clearTimeout(timer.current);
    setOver(false);
  };
  return {
    over,
    handlers: {
      onDragEnter: (event: DragEvent) => {
        if (!carriesPicture(event)) return;
        event.preventDefault();
        setOver(true);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => useAppStore.getState().go('chat'), SPRING_MS);
      },
      onDragOver: (event: DragEvent) => {
        if (!carriesPicture(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave: leave,
      onDrop: (event: DragEvent) => {
        leave();
        const id = Number(event.dataTransfer.getData(HOLST_IMAGE_TYPE));
        if (!Number.isSafeInteger(id) || id <= 0) return;
        event.preventDefault();
        void dropImageOnChat(id);
      },
    },
  };
}
