import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { answerYes, useTrashConfirm } from './trash-actions';
import { TrashIcon } from '../../icons';

/** "Empty trash…" in the trash view's toolbar: asks first, saying how many images go for good. */
export function EmptyTrashButton({ count }: { count: number }) {
  const { t } = useTranslation('library');
  const ask = useTrashConfirm((s) => s.ask);
  return (
    <button type="button" className="filter-button danger-outline" disabled={count === 0} onClick={() => ask({ kind: 'empty', count })}>
      <TrashIcon size={14} />
      {t('trash.emptyTrash')}
      {count > 0 && <span className="segmented-count">{formatNumber(count)}</span>}
    </button>
  );
}

/** The confirmation the trash's actions ask for (empty the trash, delete one image for good). Mount it once. */
export function TrashConfirmHost() {
  const { t } = useTranslation('library');
  const { asking, dismiss } = useTrashConfirm();
  if (!asking) return null;
  const words =
    asking.kind === 'empty'
      ? {
          title: t('trash.emptyTitle'),
          body: t('trash.emptyBody', { count: asking.count }),
          confirm: t('trash.emptyConfirm', { count: asking.count }),
        }
      : { title: t('trash.deleteTitle'), body: t('trash.deleteBody'), confirm: t('trash.deleteConfirm') };
  return (
    <ConfirmDialog
      title={words.title}
      body={words.body}
      confirmLabel={words.confirm}
      onCancel={dismiss}
      onConfirm={async () => {
        await answerYes(asking);
        dismiss();
      }}
    />
  );
}
