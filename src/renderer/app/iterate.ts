import { holst, unwrap } from '../bridge';
import { useAppStore } from '../store/app-store';
import { useChatStore } from '../store/chat-store';

export type ImageAction = 'edit' | 'reference';

/**
 * Edit or Use as reference from anywhere (library grid, viewer, answers): the image joins the next
 * prompt and the chat opens. Edit from outside the chat goes back to the conversation the picture
 * was made in (so a follow-up carries its history); a reference joins the chat already open.
 */
export async function sendImageToChat(id: number, action: ImageAction): Promise<boolean> {
  const app = useAppStore.getState();
  const chat = useChatStore.getState();
  if (action === 'edit' && app.screen !== 'chat') {
    const origin = await unwrap(holst.library.get({ id })).then(
      ({ image }) => image.conversationId,
      () => null,
    );
    const exists =
      origin !== null &&
      (await unwrap(holst.conversations.messages({ id: origin })).then(
        () => true,
        () => false,
      ));
    if (exists && origin !== chat.currentId) await chat.select(origin);
    else if (!exists && chat.currentId !== null) await chat.select(null);
  }
  app.go('chat');
  return action === 'edit' ? chat.editImage(id) : chat.addReference(id);
}

/** A picture dragged from the library grid or an answer carries its id under this type. */
export const HOLST_IMAGE_TYPE = 'application/x-holst-image';

/** Starts dragging a library picture inside the window (onto the composer). */
export function dragImage(event: React.DragEvent, id: number): void {
  event.dataTransfer.setData(HOLST_IMAGE_TYPE, String(id));
  event.dataTransfer.setData('text/plain', String(id));
  event.dataTransfer.effectAllowed = 'copy';
}
