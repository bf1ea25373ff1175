/**
 * The composer's picture settings folded into one line ("1024×1536 · High · ×2"): what is set of
 * what the chosen model takes, in the order a person reads a picture's settings, the count last.
 */
import type { TFunction } from 'i18next';
import type { KindDescription, ParamName } from '../../../shared/provider-kinds';
import { draftValue, type ParamsDraft } from '../../store/composer/drafts';

const ORDER: readonly ParamName[] = [
  'size',
  'aspect',
  'resolution',
  'quality',
  'outputFormat',
  'compression',
  'background',
  'moderation',
  'inputFidelity',
  'seed',
  'partialImages',
  'n',
];

/** The set values the model takes, in reading order (a switch is not a setting here: it has its own button). */
export function setParams(description: KindDescription, draft: ParamsDraft): Array<[ParamName, string]> {
  return ORDER.flatMap((name) => {
    const spec = description.params.find((p) => p.name === name);
    const value = spec && spec.type !== 'toggle' ? draftValue(spec, draft) : '';
    return value !== '' ? [[name, value] as [ParamName, string]] : [];
  });
}

/** The summary in the window's words; empty when nothing is set. */
export function paramSummary(description: KindDescription, draft: ParamsDraft, t: TFunction<'chat'>): string {
  return setParams(description, draft)
    .map(([name, value]) => word(name, value, t))
    .join(' · ');
}

function word(name: ParamName, value: string, t: TFunction<'chat'>): string {
  switch (name) {
    case 'n':
      return t('composer.summary.n', { n: value });
    case 'size':
      return value === 'auto' ? t('composer.summary.sizeAuto') : value.replace('x', '×');
    case 'quality':
      return t(`composer.quality.${value as 'low'}`);
    case 'outputFormat':
      return value.toUpperCase();
    case 'compression':
      return t('composer.summary.compression', { value });
    case 'background':
      return t('composer.summary.background', { background: lower(t(`composer.choice.background.${value as 'auto'}`)) });
    case 'moderation':
      return t('composer.summary.moderation', { moderation: lower(t(`composer.choice.moderation.${value as 'auto'}`)) });
    case 'inputFidelity':
      return t('composer.summary.inputFidelity', { fidelity: lower(t(`composer.choice.inputFidelity.${value as 'low'}`)) });
    case 'seed':
      return t('composer.summary.seed', { seed: value });
    case 'partialImages':
      return t('composer.summary.partialImages', { count: Number(value) });
    default:
      // Ratios and resolutions read as they are: 16:9, 2K.
      return value;
  }
}

/** A choice's name inside the line, where it is not the first word ("transparent background"). */
const lower = (text: string) => text.toLocaleLowerCase();
