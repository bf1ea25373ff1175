import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeModel } from '../../../shared/model-catalogue';
import type { ChoiceSpec, ParamSpec, ToggleSpec } from '../../../shared/provider-kinds';
import type { ProviderKind } from '../../../shared/settings';
import { useAppStore } from '../../store/app-store';
import { useComposer } from '../../store/chat';
import { draftValue, EMPTY_PARAMS, withVariations, type ParamsDraft } from '../../store/composer/drafts';

interface ParamFieldsProps {
  providerId: string;
  kind: ProviderKind;
  model: string;
  idBase: string;
}

/**
 * The picture settings the chosen model takes, as its description says (model-catalogue.ts, with
 * the settings file's entries; its kind's where the model is not known): count, size, aspect,
 * quality, resolution, format and the rest, with their ranges and choices, kept per provider.
 * The composer shows them in its settings popover (PictureSettings.tsx).
 */
function ParamFieldsView({ providerId, kind, model, idBase }: ParamFieldsProps) {
  const { t } = useTranslation('chat');
  const values = useComposer((s) => s.params[providerId] ?? EMPTY_PARAMS);
  const setParam = useComposer((s) => s.setParam);
  const catalogue = useAppStore((s) => s.settings?.modelCatalogue);
  const specs = withVariations(describeModel(kind, model.trim(), catalogue)).params.flatMap((spec) =>
    // A switch (picture mode) is not a field: PictureModeToggle shows it beside the provider.
    spec.type === 'toggle' ? [] : [spec],
  );

  const param = (spec: Exclude<ParamSpec, ToggleSpec>) => ({
    value: draftValue(spec, values),
    onChange: (event: { target: { value: string } }) =>
      setParam(providerId, spec.name, event.target.value as ParamsDraft[typeof spec.name]),
  });
  /** A choice as the window names it: qualities and the like in words, formats in capitals, the rest (ratios, 1K …) as they are. */
  const choiceLabel = (spec: ChoiceSpec, value: string): string => {
    switch (spec.name) {
      case 'quality':
        return t(`composer.quality.${value as 'low'}`);
      case 'background':
      case 'moderation':
      case 'inputFidelity':
        return t(`composer.choice.${spec.name}.${value as 'auto'}` as 'composer.choice.background.auto');
      case 'outputFormat':
        return value.toUpperCase();
      default:
        return value;
    }
  };

  const field = (spec: Exclude<ParamSpec, ToggleSpec>) => {
    const id = `${idBase}-${spec.name}`;
    if (spec.type === 'count' || spec.type === 'number') {
      // Left empty, nothing is streamed: no pictures on the way.
      const unset = spec.name === 'partialImages' ? t('composer.partialImagesNone') : t('composer.auto');
      const placeholder = spec.default === null ? unset : String(spec.default);
      const className = spec.name === 'seed' ? 'seed-input' : 'n-input';
      return <input id={id} className={className} type="number" min={spec.min} max={spec.max} placeholder={placeholder} {...param(spec)} />;
    }
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
            {...param(spec)}
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
      <select id={id} {...param(spec)}>
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
      {specs.map((spec) => (
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
