import { useI18n } from '../app/i18n.tsx';
import { formatRemaining } from '../app/time.ts';
import { useNow } from '../app/useNow.ts';

/** Time left until the QR expires, ticking each second. Not a live region: it would chatter. */
export function Countdown({ expiresAt }: { expiresAt: number }) {
  const { t } = useI18n();
  const left = expiresAt - useNow();
  return (
    <p className={`countdown${left < 60_000 ? ' countdown-low' : ''}`}>
      {left > 0 ? t('qr.expires_in', { time: formatRemaining(left) }) : t('qr.expired_at')}
    </p>
  );
}
