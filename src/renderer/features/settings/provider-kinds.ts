import type { ProviderKind } from '../../../shared/settings';
import { i18n } from '../../i18n';

// Called during render: a component that uses useTranslation renders again when the language changes.

/** "GigaChat", "OpenAI-compatible chat": the kind's name in the window's language. */
export const kindLabel = (kind: ProviderKind): string => i18n.t(`settings:kinds.${kind}.name`);

/** One sentence on what the kind is, for choosing one. */
export const kindDescription = (kind: ProviderKind): string => i18n.t(`settings:kinds.${kind}.description`);

/** The name a new provider of this kind starts with. */
export const kindDefaultName = (kind: ProviderKind): string => i18n.t(`settings:kinds.${kind}.defaultName`);
