import type { ImageRecord, ImageSource } from '../../../shared/library';

/** What an image is called wherever it needs a name: its prompt, or its number. */
export function imageLabel(image: Pick<ImageRecord, 'id' | 'prompt'>): string {
  const prompt = image.prompt?.trim();
  if (!prompt) return `Image ${image.id}`;
  return prompt.length > 200 ? `${prompt.slice(0, 199)}…` : prompt;
}

const SOURCE_LABELS: Record<ImageSource, string> = { generated: 'Generated', edited: 'Edited', imported: 'Imported' };
export const sourceLabel = (source: ImageSource): string => SOURCE_LABELS[source];

const ROLE_LABELS = { source: 'Source', reference: 'Reference', mask: 'Mask' } as const;
export const roleLabel = (role: keyof typeof ROLE_LABELS): string => ROLE_LABELS[role];

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const formatDate = (ms: number): string => dateFormat.format(new Date(ms));

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** "IMAGE/PNG" is how the core stores the type; people know it as PNG. */
export const formatType = (mime: string): string => (mime.split('/')[1] ?? mime).toUpperCase();
