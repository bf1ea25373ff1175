import { memo, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ProviderView } from '../../../shared/contract';
import { MAX_FAN_OUT } from '../../../shared/generation';
import { usePopover } from '../../app/use-popover';
import { useComposer } from '../../store/chat';
import type { CompareTarget } from '../../store/composer/drafts';
import '../../styles/batch.css';

interface CompareWithProps {
  providers: ProviderView[];
  /** The provider and model the prompt goes to first (never offered again). */
  providerId: string;
  model: string;
}

/** Every provider with each model it lists (or its default one), as a fan-out may choose them. */
function choices(providers: ProviderView[]): CompareTarget[] {
  return providers.flatMap(({ config }) => {
    const models = config.models && config.models.length > 0 ? config.models : [''];
    return models.map((model) => ({ providerId: config.id, kind: config.kind, model }));
  });
}

const same = (a: CompareTarget, b: Pick<CompareTarget, 'providerId' | 'model'>) => a.providerId === b.providerId && a.model === b.model;

/**
 * Fan-out beside the provider picker: "Compare with…" opens a list of the other providers (and
 * models) to send the same prompt to; each chosen one shows as a chip that takes it off again.
 * The prompt box stays a prompt box.
 */
function CompareWithView({ providers, providerId, model }: CompareWithProps) {
  const { t } = useTranslation('chat');
  const { open, setOpen, button, popover, onKeyDown } = usePopover();
  const { compare, setCompare } = useComposer(useShallow((s) => ({ compare: s.compare, setCompare: s.setCompare })));
  const offered = choices(providers).filter((c) => !same(c, { providerId, model }));
  // A provider removed in Settings, or the one now picked first, is no longer compared with.
  const chosen = compare.filter((c) => offered.some((o) => same(o, c)));
  const nameOf = (target: CompareTarget) => {
    const config = providers.find((p) => p.config.id === target.providerId)?.config;
    return [config?.name ?? target.providerId, target.model].filter(Boolean).join(' · ');
  };
  const toggle = (target: CompareTarget) =>
    setCompare(chosen.some((c) => same(c, target)) ? chosen.filter((c) => !same(c, target)) : [...chosen, target]);
  const full = chosen.length >= MAX_FAN_OUT - 1;
  // …and is taken out of the draft, so a send never names it.
  useEffect(() => {
    if (chosen.length !== compare.length) setCompare(chosen);
  }, [chosen, compare.length, setCompare]);
  // With one provider and one model there is nothing to compare with: the bar stays as it was.
  if (offered.length === 0) return null;

  return (
    <div className="compare-with" role="group" aria-label={t('composer.compare.chipsLabel')}>
      {chosen.map((target) => (
        <span key={`${target.providerId}/${target.model}`} className="compare-chip">
          <span>{nameOf(target)}</span>
          <button
            type="button"
            className="icon-only compare-chip-remove"
            aria-label={t('composer.compare.remove', { name: nameOf(target) })}
            onClick={() => toggle(target)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </span>
      ))}
      <div className="picture-settings-anchor">
        <button
          type="button"
          ref={button}
          className="compare-with-button"
          aria-expanded={open}
          aria-haspopup="dialog"
          title={t('composer.compare.title')}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">+ </span>
          {t('composer.compare.button')}
        </button>
        {open && (
          <div
            ref={popover}
            className="picture-settings-popover compare-popover"
            role="dialog"
            aria-label={t('composer.compare.menuLabel')}
            onKeyDown={onKeyDown}
          >
            <p className="picture-settings-heading">{t('composer.compare.menuLabel')}</p>
            <ul className="compare-options">
              {offered.map((target) => {
                const on = chosen.some((c) => same(c, target));
                return (
                  <li key={`${target.providerId}/${target.model}`}>
                    <label>
                      <input type="checkbox" checked={on} disabled={!on && full} onChange={() => toggle(target)} />
                      <span>{nameOf(target)}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}

/** Memoized: the composer re-renders on every key. */
export const CompareWith = memo(CompareWithView);
