import type { CounterState } from '../../shared/payment.ts';
import { useI18n } from '../app/i18n.tsx';

/** A payment's counter state (shared/payment.ts counterStateFor) as a short label. */
export function StatusBadge({ state }: { state: CounterState }) {
  const { t } = useI18n();
  return <span className={`badge badge-${state}`}>{t(`badge.${state}`)}</span>;
}
