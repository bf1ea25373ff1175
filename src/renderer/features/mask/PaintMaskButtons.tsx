import { useState } from 'react';
import type { ImageRecord } from '../../../shared/library';
import { maskSupport } from '../../../shared/mask';
import type { ProviderKind } from '../../../shared/settings';
import { sendImageToChat } from '../../app/iterate';
import { useChatStore } from '../../store/chat-store';
import { CloseIcon } from '../library/icons';
import { BrushIcon } from './icons';
import { MaskPainter } from './MaskPainter';

/**
 * On the composer's source chip: paint a mask over the source (or edit the one set), for provider
 * kinds that take one; for others the button is there but disabled, saying why.
 */
export function ChipMaskButton({ source, kind, onDone }: { source: ImageRecord; kind: ProviderKind | undefined; onDone(): void }) {
  const mask = useChatStore((s) => s.mask);
  const setMask = useChatStore((s) => s.setMask);
  const [open, setOpen] = useState(false);
  const support = kind ? maskSupport(kind) : { ok: false as const, reason: 'Choose a provider first.' };
  const masked = support.ok && mask !== null;
  const label = masked ? 'Edit mask' : 'Paint mask';

  return (
    <>
      <span className={masked ? 'chip-mask is-set' : 'chip-mask'}>
        <button
          type="button"
          className="chip-mask-open"
          disabled={!support.ok}
          title={support.ok ? `${label}: mark the area to change` : support.reason}
          aria-description={support.ok ? undefined : support.reason}
          onClick={() => setOpen(true)}
        >
          {masked ? <span className="chip-mask-dot" aria-hidden="true" /> : <BrushIcon />}
          {label}
        </button>
        {masked && (
          <button
            type="button"
            className="chip-mask-remove"
            aria-label="Remove mask"
            title="Remove the mask (change the whole picture)"
            onClick={() => {
              setMask(null);
              onDone();
            }}
          >
            <CloseIcon />
          </button>
        )}
      </span>
      {open && (
        <MaskPainter
          source={source}
          initialMask={masked ? mask : null}
          onCancel={() => setOpen(false)}
          onSave={(saved) => {
            setMask(saved);
            setOpen(false);
            onDone();
          }}
        />
      )}
    </>
  );
}

/** In the viewer: paint a mask over this picture; saving makes it the chat's source with that mask. */
export function ViewerMaskButton({ image, onClose }: { image: ImageRecord; onClose(): void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" title="Paint the area to change, then describe the change in the chat" onClick={() => setOpen(true)}>
        Paint mask
      </button>
      {open && (
        <MaskPainter
          source={image}
          onCancel={() => setOpen(false)}
          onSave={(mask) => {
            onClose();
            void sendImageToChat(image.id, 'edit').then((ok) => ok && useChatStore.getState().setMask(mask));
          }}
        />
      )}
    </>
  );
}
