import type { ImageRecord, ImageSource, ParentRole } from '../../../shared/library';
import { i18n } from '../../i18n';

/** What an image is called wherever it needs a name: its prompt, or its number. */
export function imageLabel(image: Pick<ImageRecord, 'id' | 'prompt'>): string {
  const prompt = image.prompt?.trim();
  if (!prompt) return i18n.t('common:imageN', { id: image.id });
  return prompt.length > 200 ? `${prompt.slice(0, 199)}…` : prompt;
}

export const sourceLabel = (source: ImageSource): string => i18n.t(`library:source.${source}`);

export const roleLabel = (role: ParentRole | 'mask'): string => i18n.t(`common:role.${role}`);

/** "IMAGE/PNG" is how the core stores the type; people know it as PNG. */
export const formatType = (mime: string): string => (mime.split('/')[1] ?? mime).toUpperCase();
