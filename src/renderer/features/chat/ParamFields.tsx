import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeKind, type ChoiceSpec, type ParamSpec, type Quality, type ToggleSpec } from '../../../shared/provider-kinds';
import type { ProviderKind } from '../../../shared/settings';
import { useComposer } from '../../store/chat';
import { EMPTY_PARAMS, type ParamsDraft } from '../../store/composer/drafts';

/**
 * The picture settings the provider's kind takes, as its description in provider-kinds.ts says
 * (count, size, aspect, quality, resolution, with their ranges and choices), kept per provider.
 */
function ParamFieldsView({ providerId, kind, idBase }: { providerId: string; kind: ProviderKind; idBase: string }) {
  const { t } = useTranslation('chat');
  const values = useComposer((s) => s.params[providerId] ?? EMPTY_PARAMS);
  const setParam = useComposer((s) => s.setParam);

  const param = <K extends keyof ParamsDraft>(key: K) => ({
    value: values[key],
    onChange: (event: { target: { value: string } }) => setParam(providerId, key, event.target.value as ParamsDraft[K]),
  });
  /** A choice as the window names it: qualities in words, the rest (ratios, 1K …) as they are. */
  const choiceLabel = (spec: ChoiceSpec, value: string) => (spec.name === 'quality' ? t(`composer.quality.${value as Quality}`) : value);

  const field = (spec: Exclude<ParamSpec, ToggleSpec>) => {
    const id = `${idBase}-${spec.name}`;
    if (spec.type === 'count')
      return (
        <input id={id} className="n-input" type="number" min={spec.min} max={spec.max} placeholder={String(spec.default)} {...param('n')} />
      );
    if (spec.type === 'pixels') {
      // eslint-disable-next-line i18next/no-literal-string -- an element id, not text
      const sizesId = `${idBase}-sizes`;
      return (
        <>
          <input
            id={id}
            className="size-input"
            list={sizesId}
            placeholder={spec.default}
            autoComplete="off"
            maxLength={20}
            {...param('size')}
          />
          <datalist id={sizesId}>
            {spec.suggestions.map((size) => (
              <option key={size} value={size} />
            ))}
          </datalist>
        </>
      );
    }
    return (
      <select id={id} {...param(spec.name)}>
        <option value="">{t('composer.auto')}</option>
        {spec.values.map((value) => (
          <option key={value} value={value}>
            {choiceLabel(spec, value)}
          </option>
        ))}
      </select>
    );
  };

  return (
    <>
      {/* A switch (picture mode) is not a field: PictureModeToggle shows it beside the provider. */}
      {describeKind(kind)
        .params.flatMap((spec) => (spec.type === 'toggle' ? [] : [spec]))
        .map((spec) => (
          <span key={spec.name} className="field-inline">
            <label htmlFor={`${idBase}-${spec.name}`}>{t(`composer.params.${spec.name}`)}</label>
            {field(spec)}
          </span>
        ))}
    </>
  );
}

/** Memoized: the composer re-renders on every key, and this does not change with the prompt. */
export const ParamFields = memo(ParamFieldsView);
