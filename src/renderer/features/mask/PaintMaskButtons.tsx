import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageRecord } from '../../../shared/library';
import { maskSupport, type MaskSupport } from '../../../shared/mask';
import type { ProviderKind } from '../../../shared/settings';
import { sendImageToChat } from '../../app/iterate';
import { useComposer } from '../../store/chat';
import { MaskPainter } from './MaskPainter';
import { BrushIcon, CloseIcon } from '../../icons';

/** No provider chosen yet: nothing to ask about masks. */
const NO_PROVIDER = { ok: false, reason: 'no-provider' } as const;

/**
 * On the composer's source chip: paint a mask over the source (or edit the one set), for provider
 * kinds that take one; for others the button is there but disabled, saying why.
 */
export function ChipMaskButton({ source, kind, onDone }: { source: ImageRecord; kind: ProviderKind | undefined; onDone(): void }) {
  const mask = useComposer((s) => s.mask);
  const setMask = useComposer((s) => s.setMask);
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('mask');
  const support: MaskSupport | typeof NO_PROVIDER = kind ? maskSupport(kind) : NO_PROVIDER;
  const reason = support.ok ? undefined : t(`unsupported.${support.reason}`);
  const masked = support.ok && mask !== null;
  const label = masked ? t('chip.edit') : t('chip.paint');

  return (
    <>
      <span className={masked ? 'chip-mask is-set' : 'chip-mask'}>
        <button
          type="button"
          className="chip-mask-open"
          disabled={!support.ok}
          title={reason ?? t('chip.openHint', { label })}
          aria-description={reason}
          onClick={() => setOpen(true)}
        >
          {masked ? <span className="chip-mask-dot" aria-hidden="true" /> : <BrushIcon />}
          {label}
        </button>
        {masked && (
          <button
            type="button"
            className="chip-mask-remove"
            aria-label={t('chip.remove')}
            title={t('chip.removeHint')}
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

/**
 * In the viewer's toolbar (an icon named "Paint mask"): paint a mask over this picture; saving
 * makes it the chat's source with that mask.
 */
export function ViewerMaskButton({ image, onClose }: { image: ImageRecord; onClose(): void }) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('mask');
  return (
    <>
      <button
        type="button"
        className="viewer-tool"
        aria-label={t('viewer.paint')}
        title={t('viewer.paintHint')}
        onClick={() => setOpen(true)}
      >
        <BrushIcon size={16} />
      </button>
      {open && (
        <MaskPainter
          source={image}
          onCancel={() => setOpen(false)}
          onSave={(mask) => {
            onClose();
            void sendImageToChat(image.id, 'edit').then((ok) => ok && useComposer.getState().setMask(mask));
          }}
        />
      )}
    </>
  );
}
