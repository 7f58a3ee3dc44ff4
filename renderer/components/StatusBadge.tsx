import type { PaymentState } from '../../shared/payment.ts';
import { useI18n } from '../app/i18n.tsx';

export function StatusBadge({ state }: { state: PaymentState }) {
  const { t } = useI18n();
  return <span className={`badge badge-${state}`}>{t(`badge.${state}`)}</span>;
}
