import { useTranslation } from 'react-i18next';
import type { ProviderKind } from '../../../shared/settings';
import { useComposer } from '../../store/chat';
import { EMPTY_PARAMS, PARAMS_BY_KIND, type ParamsDraft } from '../../store/composer/drafts';

const SIZES = ['auto', '1024x1024', '1536x1024', '1024x1536', '1792x1024', '1024x1792', '512x512'];
const ASPECTS = ['1:1', '2:3', '3:2', '4:3', '3:4', '4:5', '5:4', '16:9', '9:16', '21:9'];

/** The picture settings the provider's kind takes (count, size, aspect, quality, resolution), kept per provider. */
export function ParamFields({ providerId, kind, idBase }: { providerId: string; kind: ProviderKind; idBase: string }) {
  const { t } = useTranslation('chat');
  const values = useComposer((s) => s.params[providerId] ?? EMPTY_PARAMS);
  const setParam = useComposer((s) => s.setParam);
  const params = PARAMS_BY_KIND[kind];
  // eslint-disable-next-line i18next/no-literal-string -- an element id, not text
  const sizesId = `${idBase}-sizes`;

  const param = <K extends keyof ParamsDraft>(key: K) => ({
    value: values[key],
    onChange: (event: { target: { value: string } }) => setParam(providerId, key, event.target.value as ParamsDraft[K]),
  });

  return (
    <>
      {params.includes('n') && (
        <span className="field-inline">
          <label htmlFor={`${idBase}-n`}>{t('composer.params.n')}</label>
          <input id={`${idBase}-n`} className="n-input" type="number" min={1} max={10} placeholder="1" {...param('n')} />
        </span>
      )}
      {params.includes('size') && (
        <span className="field-inline">
          <label htmlFor={`${idBase}-size`}>{t('composer.params.size')}</label>
          <input
            id={`${idBase}-size`}
            className="size-input"
            list={sizesId}
            placeholder="auto"
            autoComplete="off"
            maxLength={20}
            {...param('size')}
          />
          <datalist id={sizesId}>
            {SIZES.map((size) => (
              <option key={size} value={size} />
            ))}
          </datalist>
        </span>
      )}
      {params.includes('aspect') && (
        <span className="field-inline">
          <label htmlFor={`${idBase}-aspect`}>{t('composer.params.aspect')}</label>
          <select id={`${idBase}-aspect`} {...param('aspect')}>
            <option value="">{t('composer.auto')}</option>
            {ASPECTS.map((aspect) => (
              <option key={aspect} value={aspect}>
                {aspect}
              </option>
            ))}
          </select>
        </span>
      )}
      {params.includes('quality') && (
        <span className="field-inline">
          <label htmlFor={`${idBase}-quality`}>{t('composer.params.quality')}</label>
          <select id={`${idBase}-quality`} {...param('quality')}>
            <option value="">{t('composer.auto')}</option>
            <option value="low">{t('composer.quality.low')}</option>
            <option value="medium">{t('composer.quality.medium')}</option>
            <option value="high">{t('composer.quality.high')}</option>
          </select>
        </span>
      )}
      {params.includes('resolution') && (
        <span className="field-inline">
          <label htmlFor={`${idBase}-resolution`}>{t('composer.params.resolution')}</label>
          <select id={`${idBase}-resolution`} {...param('resolution')}>
            <option value="">{t('composer.auto')}</option>
            <option value="1K">1K</option>
            <option value="2K">2K</option>
            <option value="4K">4K</option>
          </select>
        </span>
      )}
    </>
  );
}
