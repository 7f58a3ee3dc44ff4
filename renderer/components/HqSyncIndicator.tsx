import { useEffect, useState } from 'react';
import type { IpcResponse } from '../../shared/ipc-contract.ts';
import { useI18n } from '../app/i18n.tsx';
import { safeCall } from '../app/pos.ts';
import './hq.css';

type HqStatus = IpcResponse<'getHqStatus'>;
const POLL_MS = 3_000;

/**
 * The head-office sync in the top bar (issue 23): Tersinkron / 12 menunggu / Kantor pusat offline ·
 * 10.42 / Kantor pusat perlu diperbarui: short, at most two lines beside the tabs on a 1024 px till;
 * the whole sentence is its tooltip. Only words: it never blocks or slows a sale (main syncs on its own).
 */
export function HqSyncIndicator() {
  const { t } = useI18n();
  const [status, setStatus] = useState<HqStatus | null>(null);
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void safeCall((api) => api.getHqStatus({})).then((result) => {
        if (live && result.ok) setStatus(result.value);
      });
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (!status?.configured) return null;
  // A head office that answers "no such column" is not unreachable: its schema is older than this app.
  const level = status.outdated ? 'outdated' : status.unreachableSince !== null ? 'unreachable' : status.pending > 0 ? 'pending' : 'synced';
  const time = hourMinute(status.unreachableSince ?? 0);
  const [text, detail] =
    level === 'outdated'
      ? [t('hq.sync.outdated'), t('hq.settings.outdated')]
      : level === 'unreachable'
        ? [t('hq.sync.unreachable', { time }), t('hq.sync.unreachable_detail', { time })]
        : level === 'pending'
          ? [t('hq.sync.pending', { count: status.pending }), t('hq.sync.pending_detail', { count: status.pending })]
          : [t('hq.sync.synced'), t('hq.sync.synced_detail')];
  return (
    <p className={`hq-sync hq-sync-${level}`} role="status" data-testid="hq-sync" title={detail}>
      <span className="hq-sync-dot" aria-hidden="true" />
      {text}
    </p>
  );
}

/** `10.42`: the hour and minute, as Indonesian text writes a time of day (the top bar has no room for seconds). */
function hourMinute(epochMs: number): string {
  const date = new Date(epochMs);
  return [date.getHours(), date.getMinutes()].map((part) => String(part).padStart(2, '0')).join('.');
}
