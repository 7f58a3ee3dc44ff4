import { useEffect, useRef } from 'react';
import { useI18n } from '../app/i18n.tsx';
import { playLateSound } from '../app/sound.ts';

/**
 * The count of payments awaiting a person in "Perlu tindakan" (late or overpaid), on the Today tab
 * (always on screen, so it is also where the sound for a newly found one is played, once per new one).
 */
export function LateCount({ count }: { count: number }) {
  const { t } = useI18n();
  const heard = useRef(count);
  useEffect(() => {
    if (count > heard.current) playLateSound();
    heard.current = count;
  }, [count]);
  if (count === 0) return null;
  return (
    <span className="tab-count" data-testid="late-count" aria-label={t('late.tab_count', { count })}>
      {count}
    </span>
  );
}

/** On the sale screen and at the top of Today: payments (late or overpaid) need attention, with the way to the list. */
export function LateBanner({ count, onOpen }: { count: number; onOpen: () => void }) {
  const { t } = useI18n();
  if (count === 0) return null;
  return (
    <div className="late-banner" role="alert">
      <span>{t('late.banner', { count })}</span>
      <button type="button" className="button button-secondary" onClick={onOpen}>
        {t('late.open')}
      </button>
    </div>
  );
}

/** On a Today row: this sale was paid after the counter closed it, and someone must act. */
export function LateRowNote({ tradeNo, onOpen }: { tradeNo: string; onOpen: () => void }) {
  const { t } = useI18n();
  return (
    <span className="late-row-note">
      <span className="late-row-text">{t('late.needs_action')}</span>
      <button type="button" className="button button-small button-secondary" aria-label={t('late.needs_action_go_label', { tradeNo })} onClick={onOpen}>
        {t('late.needs_action_go')}
      </button>
    </span>
  );
}
