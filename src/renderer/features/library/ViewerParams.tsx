import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { QUALITIES, type Quality } from '../../../shared/provider-kinds';
import { formatNumber } from '../../i18n/format';

/** Parameters the app itself sends, with their names in the catalogue; any other key shows as it is. */
const KNOWN = [
  'n',
  'size',
  'aspect',
  'quality',
  'resolution',
  'outputFormat',
  'compression',
  'background',
  'moderation',
  'inputFidelity',
  'seed',
  'partialImages',
  'pictureMode',
  'system',
] as const;
type Known = (typeof KNOWN)[number];
const isKnown = (key: string): key is Known => (KNOWN as readonly string[]).includes(key);

/** The parameters a picture was asked for with (size, quality, number of images …). */
export function ViewerParams({ params }: { params: Record<string, unknown> | null }) {
  const { t } = useTranslation('library');
  const headingId = useId();
  const entries = Object.entries(params ?? {}).filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (entries.length === 0) return null;
  // Known ones first, in the composer's order.
  entries.sort(([a], [b]) => rank(a) - rank(b));

  const value = (key: string, raw: unknown): string => {
    if (key === 'quality' && typeof raw === 'string' && (QUALITIES as readonly string[]).includes(raw)) {
      return t(`viewerParams.qualities.${raw as Quality}`);
    }
    if (typeof raw === 'number') return formatNumber(raw);
    if (typeof raw === 'boolean') return raw ? t('viewerParams.yes') : t('viewerParams.no');
    return typeof raw === 'string' ? raw : JSON.stringify(raw);
  };

  return (
    <section className="viewer-params" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('viewer.meta.parameters')}</h3>
      <dl className="meta">
        {entries.map(([key, raw]) => (
          <Fragment key={key}>
            <dt className={isKnown(key) ? undefined : 'raw-key'}>{isKnown(key) ? t(`viewerParams.${key}`) : key}</dt>
            <dd className={key === 'system' ? 'pre' : undefined}>{value(key, raw)}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

const rank = (key: string) => (isKnown(key) ? KNOWN.indexOf(key) : KNOWN.length);
