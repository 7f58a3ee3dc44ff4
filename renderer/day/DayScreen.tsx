import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../app/i18n.tsx';
import { formatBusinessDate } from '../app/time.ts';
import { DayReportPanel } from './DayReportPanel.tsx';
import { HqReportPanel } from './HqReportPanel.tsx';
import { useHqOwnerView } from './useHqOwnerView.ts';
import { LatePayments } from './LatePayments.tsx';
import { Reconciliation } from './Reconciliation.tsx';
import { SalesSearch } from './SalesSearch.tsx';
import { ShiftPanel } from './ShiftPanel.tsx';
import { DrawerPanel } from '../drawer/DrawerPanel.tsx';
import { needingAction, type DayStatus } from './useDayStatus.ts';
import './day.css';

/**
 * The shop's day: the shift, late payments to resolve, the day's report and export, history and
 * search. The status is the app shell's (one source for the Today badge, the banner and here).
 */
type Props = {
  status: DayStatus | null;
  reload: () => Promise<void>;
  /** Set (a new object each time) when opened to search (F6): the focus goes to the number box. */
  searchRequest?: object | null;
};

export function DayScreen({ status, reload, searchRequest = null }: Props) {
  const { t, language } = useI18n();
  const [refreshKey, setRefreshKey] = useState(0);
  const ownerView = useHqOwnerView();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openedToSearch = useRef(searchRequest !== null);
  useEffect(() => {
    if (!openedToSearch.current) headingRef.current?.focus();
  }, []);
  // Read again on opening: settings saved meanwhile (cashier PINs on or off) change the shift panel.
  useEffect(() => void reload(), [reload]);
  const changed = () => {
    void reload();
    setRefreshKey((key) => key + 1);
  };

  const search = status ? <SalesSearch businessDate={status.businessDate} focusRequest={searchRequest} /> : null;

  return (
    <section className="day-screen" aria-labelledby="day-heading">
      <h1 id="day-heading" ref={headingRef} tabIndex={-1}>
        {status ? t('day.heading', { date: formatBusinessDate(status.businessDate, language) }) : t('app.loading')}
      </h1>
      {status ? (
        <>
          {/* Opened to search (F6): the search first, where nothing loading above it can push it away. */}
          {searchRequest !== null ? search : null}
          <LatePayments count={needingAction(status)} onResolved={changed} />
          <ShiftPanel status={status} onChange={changed} />
          {status.shift ? <DrawerPanel shiftId={status.shift.id} refreshKey={refreshKey} /> : null}
          <DayReportPanel businessDate={status.businessDate} refreshKey={refreshKey + needingAction(status)} csvFormat={status.csvFormat} />
          <Reconciliation businessDate={status.businessDate} refreshKey={refreshKey} />
          {ownerView ? <HqReportPanel businessDate={status.businessDate} /> : null}
          {searchRequest === null ? search : null}
        </>
      ) : null}
    </section>
  );
}
