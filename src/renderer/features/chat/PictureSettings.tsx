import { memo, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeModel } from '../../../shared/model-catalogue';
import type { ProviderKind } from '../../../shared/settings';
import { usePopover } from '../../app/use-popover';
import { ChevronDownIcon } from '../../icons';
import { SettingsNavIcon } from '../../icons/nav';
import { useAppStore } from '../../store/app-store';
import { useComposer } from '../../store/chat';
import { EMPTY_PARAMS, withVariations } from '../../store/composer/drafts';
import { ParamFields } from './ParamFields';
import { paramSummary, setParams } from './param-summary';

interface PictureSettingsProps {
  providerId: string;
  kind: ProviderKind;
  model: string;
  idBase: string;
}

/**
 * The picture settings folded into one button that says what is set ("1024×1536 · High · ×2",
 * else "Auto"), so the prompt box stays a prompt box; it opens a popover with exactly what the
 * chosen model takes (model-catalogue.ts), and Reset.
 */
function PictureSettingsView({ providerId, kind, model, idBase }: PictureSettingsProps) {
  const { t } = useTranslation('chat');
  const { open, setOpen, button, popover, onKeyDown } = usePopover();
  const values = useComposer((s) => s.params[providerId] ?? EMPTY_PARAMS);
  const setParam = useComposer((s) => s.setParam);
  const catalogue = useAppStore((s) => s.settings?.modelCatalogue);
  // "How many" (×N) is offered for every model: the core makes the rest as further requests.
  const description = withVariations(describeModel(kind, model.trim(), catalogue));
  const summary = paramSummary(description, values, t);

  // The first field takes the focus (the popover's own choice would be its first button, Reset).
  useEffect(() => {
    if (open) popover.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [open, popover]);

  if (!description.params.some((spec) => spec.type !== 'toggle')) return null;
  const reset = () => {
    for (const [name] of setParams(description, values)) setParam(providerId, name as 'size', '');
  };

  return (
    <div className="picture-settings-anchor">
      <button
        type="button"
        ref={button}
        className={summary ? 'picture-settings-button set' : 'picture-settings-button'}
        aria-expanded={open}
        aria-haspopup="dialog"
        title={t('composer.settings.title')}
        onClick={() => setOpen(!open)}
      >
        <SettingsNavIcon size={14} strokeWidth={2} />
        <span className="visually-hidden">{t('composer.settings.label')}: </span>
        <span>{summary || t('composer.settings.auto')}</span>
        <ChevronDownIcon />
      </button>
      {open && (
        <div
          ref={popover}
          className="picture-settings-popover"
          role="dialog"
          aria-label={t('composer.settings.label')}
          onKeyDown={onKeyDown}
        >
          {(description.model !== undefined || model.trim() !== '') && (
            <p className="picture-settings-heading">
              {description.model !== undefined
                ? t('composer.settings.takes', { model: description.model })
                : t('composer.settings.takesAny', { model: model.trim() })}
            </p>
          )}
          <div className="picture-settings-fields">
            <ParamFields providerId={providerId} kind={kind} model={model} idBase={idBase} />
          </div>
          <div className="popover-actions">
            <button type="button" className="link" disabled={summary === ''} onClick={reset}>
              {t('composer.settings.reset')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** Memoized: the composer re-renders on every key, and this does not change with the prompt. */
export const PictureSettings = memo(PictureSettingsView);
