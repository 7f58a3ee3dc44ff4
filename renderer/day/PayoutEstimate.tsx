import { useEffect, useState } from 'react';
import type { PayoutEstimate as Estimate } from '../../shared/day/mdr.ts';
import { formatRupiah } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import './reconciliation.css';

/** "Perkiraan dana dari Paypro" of the report's day or range: QRIS received − MDR (per transaction). */
export function PayoutEstimate({ from, to, refreshKey }: { from: string; to: string; refreshKey: number }) {
  const { t } = useI18n();
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  useEffect(() => {
    let current = true;
    void safeCall((api) => api.getPayoutEstimate({ from, to })).then((result) => {
      // A refused range is already reported by the report above it.
      if (current) setEstimate(result.ok ? result.value : null);
    });
    return () => {
      current = false;
    };
  }, [from, to, refreshKey]);
  if (estimate === null) return null;
  return (
    <div className="payout-estimate" role="group" aria-label={t('payout.heading')}>
      <dl>
        <dt>{t('payout.received', { count: estimate.count })}</dt>
        <dd>{formatRupiah(estimate.received)}</dd>
        <dt>{t('payout.mdr', { plan: t(`payout.plan.${estimate.plan}`) })}</dt>
        <dd>{`− ${formatRupiah(estimate.mdr)}`}</dd>
        <dt className="payout-expected">{t('payout.heading')}</dt>
        <dd className="payout-expected" data-testid="payout-expected">{formatRupiah(estimate.expected)}</dd>
      </dl>
      <p className="field-hint">{t('payout.note')}</p>
    </div>
  );
}
