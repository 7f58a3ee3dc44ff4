import { useEffect, useState } from 'react';
import { formatDifference, type ShiftCash } from '../../shared/day/shift-cash.ts';
import type { IpcResponse } from '../../shared/ipc-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { formatClock } from '../app/time.ts';
import './drawer.css';

type Movement = IpcResponse<'listCashMovements'>['movements'][number];

/**
 * The shift's cash, apart from the QRIS money: float, cash sales, kas masuk and keluar, cash
 * refunds, what the drawer should hold, and — once counted at close — the count and the difference
 * (selisih), frozen with the report. Then each movement by hand with its reason.
 */
export function CashReport({ shiftId, cash }: { shiftId: number; cash: ShiftCash }) {
  const { t } = useI18n();
  const [movements, setMovements] = useState<Movement[]>([]);
  useEffect(() => {
    void safeCall((api) => api.listCashMovements({ shiftId })).then((result) => {
      if (result.ok) setMovements(result.value.movements);
    });
  }, [shiftId, cash.expected]);

  return (
    <div className="cash-report" data-testid="cash-report" role="group" aria-label={t('drawer.report_heading')}>
      <h4>{t('drawer.report_heading')}</h4>
      <dl className="cash-facts">
        <dt>{t('drawer.float')}</dt>
        <dd data-testid="cash-float">{formatRupiah(cash.float)}</dd>
        <dt>{t('drawer.cash_sales')}</dt>
        <dd>{formatRupiah(cash.cashSales)}</dd>
        <dt>{t('drawer.cash_in')}</dt>
        <dd>{`${formatRupiah(cash.cashIn.amount)} (${cash.cashIn.count}×)`}</dd>
        <dt>{t('drawer.cash_out')}</dt>
        <dd>{`−${formatRupiah(cash.cashOut.amount)} (${cash.cashOut.count}×)`}</dd>
        <dt>{t('drawer.cash_refunds')}</dt>
        <dd>{`−${formatRupiah(cash.cashRefunds.amount)} (${cash.cashRefunds.count}×)`}</dd>
        <dt className="cash-total">{t('drawer.expected')}</dt>
        <dd className="cash-total" data-testid="cash-expected">{formatRupiah(cash.expected)}</dd>
        {cash.counted !== null && cash.difference !== null ? (
          <>
            <dt>{t('drawer.counted')}</dt>
            <dd data-testid="cash-counted">{formatRupiah(cash.counted)}</dd>
            <dt className="cash-total">{t('drawer.difference')}</dt>
            <dd className={`cash-total ${cash.difference < 0 ? 'cash-short' : ''}`} data-testid="cash-difference">
              {formatDifference(cash.difference)}
              {cash.differenceApproved ? ` · ${t('drawer.difference_approved')}` : ''}
            </dd>
          </>
        ) : null}
        <dt>{t('drawer.no_sale_openings')}</dt>
        <dd data-testid="cash-no-sale-openings">{cash.noSaleOpenings}</dd>
      </dl>
      {movements.length > 0 ? (
        <table className="cash-movements" data-testid="cash-movements">
          <thead>
            <tr>
              <th scope="col">{t('drawer.col_time')}</th>
              <th scope="col">{t('drawer.col_kind')}</th>
              <th scope="col" className="num">{t('drawer.col_amount')}</th>
              <th scope="col">{t('drawer.col_reason')}</th>
            </tr>
          </thead>
          <tbody>
            {movements.map((movement) => (
              <tr key={movement.id}>
                <td>{formatClock(movement.at)}</td>
                <td>{t(`drawer.kind.${movement.kind}`)}</td>
                <td className="num">{formatRupiah(movement.amount)}</td>
                <td>{movement.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
