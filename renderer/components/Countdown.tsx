import { useEffect, useState } from 'react';
import { useI18n } from '../app/i18n.tsx';
import { formatRemaining } from '../app/time.ts';

/** Time left until the QR expires, ticking each second. Not a live region: it would chatter. */
export function Countdown({ expiresAt }: { expiresAt: number }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = expiresAt - now;
  return (
    <p className={`countdown${left < 60_000 ? ' countdown-low' : ''}`}>
      {left > 0 ? t('qr.expires_in', { time: formatRemaining(left) }) : t('qr.expired_at')}
    </p>
  );
}
