import { useEffect, useState } from 'react';
import type { ClosedShift, ShiftView } from '../../shared/day/day-contract.ts';
import type { IpcError } from '../../shared/ipc-contract.ts';
import { formatRupiah } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import { formatSaleMoment } from '../app/time.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import type { DrawerCount as Count } from '../../shared/day/shift-cash.ts';
import { DrawerCount } from '../drawer/DrawerCount.tsx';

/** `onConfirm` gets the drawer's count, or undefined when the cashier left it blank (closed uncounted). */
type Props = { shift: ShiftView; onConfirm: (count: Count | undefined) => void; onDismiss: () => void };

/**
 * "Tutup shift?" — a closed shift never opens again, so the cashier sees what is about to close
 * (who, since when, how many sales, the money received) and the safe answer has the focus. The
 * drawer is counted here: the difference (selisih) shows before the close.
 */
export function CloseShiftDialog({ shift, onConfirm, onDismiss }: Props) {
  const { t, language } = useI18n();
  const [current, setCurrent] = useState<ClosedShift | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [count, setCount] = useState<Count | null>(null);

  useEffect(() => {
    void safeCall((api) => api.getShiftReport({ shiftId: shift.id })).then((result) => {
      if (result.ok) setCurrent(result.value);
      else setFailure(result.error);
    });
  }, [shift.id]);

  const figure = (value: (report: ClosedShift['report']) => string) => (current ? value(current.report) : '…');
  return (
    <ConfirmDialog
      title={t('shift.close_title')}
      body={t('shift.close_body')}
      confirmLabel={t('shift.close_confirm')}
      dismissLabel={t('shift.close_dismiss')}
      onConfirm={() => onConfirm(count ?? undefined)}
      onDismiss={onDismiss}
    >
      <dl className="close-shift-facts" data-testid="close-shift-facts">
        <dt>{t('shift.close_cashier')}</dt>
        <dd>{shift.cashierName}</dd>
        <dt>{t('shift.close_since')}</dt>
        <dd>{formatSaleMoment(shift.openedAt, null, language)}</dd>
        <dt>{t('shift.close_sales')}</dt>
        <dd data-testid="close-shift-sales">{figure((report) => String(report.saleCount))}</dd>
        <dt>{t('shift.close_received')}</dt>
        <dd data-testid="close-shift-received">{figure((report) => formatRupiah(report.received))}</dd>
      </dl>
      {current?.report.cash ? <DrawerCount cash={current.report.cash} onChange={setCount} /> : null}
      {failure ? <ErrorBanner error={failure} /> : null}
    </ConfirmDialog>
  );
}
