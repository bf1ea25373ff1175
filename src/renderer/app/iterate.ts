import { holst, unwrap } from '../bridge';
import { useAppStore } from '../store/app-store';
import { useComposer, useThread } from '../store/chat';

export type ImageAction = 'edit' | 'reference';

/**
 * Edit or Use as reference from anywhere (library grid, viewer, answers): the image joins the next
 * prompt and the chat opens. From outside the chat it goes to the conversation the picture was made
 * in (so a follow-up carries its history), or to a new chat for a picture made elsewhere (imported,
 * or its chat deleted): never into whichever chat happened to be open. In the chat, it joins the
 * chat in view.
 */
export async function sendImageToChat(id: number, action: ImageAction): Promise<boolean> {
  const app = useAppStore.getState();
  if (app.screen !== 'chat') await openChatOf(id);
  app.go('chat');
  const composer = useComposer.getState();
  return action === 'edit' ? composer.editImage(id) : composer.addReference(id);
}

/** A library picture dropped on the main menu's Chat item: into its own conversation, as a drop on the composer would. */
export async function dropImageOnChat(id: number): Promise<boolean> {
  if (useAppStore.getState().screen !== 'chat') await openChatOf(id);
  useAppStore.getState().go('chat');
  return useComposer.getState().attachLibraryImage(id);
}

/** Opens the conversation a picture was made in, or a new chat when it has none (any more). */
async function openChatOf(id: number): Promise<void> {
  const chat = useThread.getState();
  const origin = await unwrap(holst.library.get({ id })).then(
    ({ image }) => image.conversationId,
    () => null,
  );
  const exists =
    origin !== null &&
    (await unwrap(holst.conversations.messages({ id: origin, last: 1 })).then(
      () => true,
      () => false,
    ));
  if (exists) {
    if (origin !== chat.currentId) await chat.select(origin);
  } else chat.newChat();
}

/** A picture dragged from the library grid or an answer carries its id under this type. */
export const HOLST_IMAGE_TYPE = 'application/x-holst-image';

/** Starts dragging a library picture inside the window (onto the composer). */
export function dragImage(event: React.DragEvent, id: number): void {
  event.dataTransfer.setData(HOLST_IMAGE_TYPE, String(id));
  event.dataTransfer.setData('text/plain', String(id));
  event.dataTransfer.effectAllowed = 'copy';
}
