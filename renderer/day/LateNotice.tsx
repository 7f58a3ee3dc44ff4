import { useEffect, useRef } from 'react';
import { useI18n } from '../app/i18n.tsx';
import { playLateSound } from '../app/sound.ts';

/**
 * The count of late payments awaiting a person, on the Today tab (always on screen, so it is also
 * where the sound for a newly found late payment is played, once per new one).
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

/** On the sale screen: a late payment needs attention, with the way to the list. */
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
