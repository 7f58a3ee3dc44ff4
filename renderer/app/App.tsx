import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { IpcError, SettingsView } from '../../shared/ipc-contract.ts';
import type { PaymentView } from '../../shared/payment.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { UnsavedChangesDialog } from '../components/UnsavedChangesDialog.tsx';
import { ConnectionIndicator } from '../components/ConnectionIndicator.tsx';
import { HqSyncIndicator } from '../components/HqSyncIndicator.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { ScreenErrorBoundary } from '../components/ScreenErrorBoundary.tsx';
import { QrScreen } from '../screens/QrScreen.tsx';
import { SaleScreen } from '../screens/SaleScreen.tsx';
import { SettingsScreen } from '../screens/SettingsScreen.tsx';
import { TodayScreen } from '../screens/TodayScreen.tsx';
import { DayScreen } from '../day/DayScreen.tsx';
import { LateBanner, LateCount } from '../day/LateNotice.tsx';
import { needingAction, useDayStatus } from '../day/useDayStatus.ts';
import { I18nProvider, useI18n } from './i18n.tsx';
import { hasPos, safeCall } from './pos.ts';
import { setPaymentSoundsEnabled } from './sound.ts';
import { isSearchKey, routeForKey, type Route } from './routes.ts';
import { useCharge } from './useCharge.ts';

/** Set up enough to take a payment: a merchant number and a stored secret. */
export function isConfigured(view: SettingsView): boolean {
  return view.secret.configured && view.settings.merchantNo !== '';
}

/**
 * Where the app opens: on the sale once it can sell. Training needs no credentials, only the
 * owner's first save (PIN, language, limits); live needs the merchant number and the secret.
 */
export function readyToSell(view: SettingsView): boolean {
  return isConfigured(view) || (view.settings.environment === 'training' && view.savedOnce);
}

export function App() {
  const [view, setView] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<IpcError | null>(null);

  useEffect(() => {
    if (!hasPos()) {
      setLoadError({ code: 'internal', detail: 'window.pos is missing' });
      return;
    }
    void safeCall((api) => api.getSettings({})).then((result) => {
      if (result.ok) setView(result.value);
      else setLoadError(result.error);
    });
  }, []);

  const sounds = view?.settings.paymentSounds ?? DEFAULT_SETTINGS.paymentSounds;
  useEffect(() => setPaymentSoundsEnabled(sounds), [sounds]);

  const language = view?.settings.language ?? DEFAULT_SETTINGS.language;
  return (
    <I18nProvider language={language}>
      {view ? <Shell view={view} onViewChange={setView} /> : <Loading error={loadError} />}
    </I18nProvider>
  );
}

function Loading({ error }: { error: IpcError | null }) {
  const { t } = useI18n();
  return (
    <main className="loading">
      <h1>{t('app.title')}</h1>
      {error ? (
        <ErrorBanner error={error}>
          <p>{t('app.no_bridge')}</p>
        </ErrorBanner>
      ) : (
        <p role="status">{t('app.loading')}</p>
      )}
    </main>
  );
}

const TABS: ReadonlyArray<{ route: Route; key: 'nav.sale' | 'nav.today' | 'nav.settings' | 'nav.day'; shortcut: string }> = [
  { route: 'sale', key: 'nav.sale', shortcut: 'F1' },
  { route: 'today', key: 'nav.today', shortcut: 'F2' },
  { route: 'settings', key: 'nav.settings', shortcut: 'F3' },
  { route: 'day', key: 'nav.day', shortcut: 'F4' },
];

function Shell({ view, onViewChange }: { view: SettingsView; onViewChange: (view: SettingsView) => void }) {
  const { t } = useI18n();
  const [route, setRoute] = useState<Route>(() => (readyToSell(view) ? 'sale' : 'settings'));
  const [payment, setPayment] = useState<PaymentView | null>(null);
  const [adminUnlocked, setAdminUnlocked] = useState(false);
  const charge = useCharge(setPayment);
  const { status: day, reload: reloadDay } = useDayStatus();
  const tabRefs = useRef(new Map<Route, HTMLButtonElement>());

  const routeRef = useRef(route);
  routeRef.current = route;

  // Settings typed and not saved: leaving asks first (the answer then goes where the cashier meant).
  const settingsUnsaved = useRef(false);
  const [leaving, setLeaving] = useState<Route | null>(null);
  // F6 (or Today's Cari button): Laporan with the focus in the search's number box. A new object
  // each time, so that asking again while there focuses the box again.
  const [searchRequest, setSearchRequest] = useState<object | null>(null);
  const onSettingsUnsaved = useCallback((unsaved: boolean) => void (settingsUnsaved.current = unsaved), []);

  const navigate = useCallback(
    (next: Route) => {
      if (routeRef.current === 'settings' && next !== 'settings' && settingsUnsaved.current) {
        setLeaving(next);
        return;
      }
      if (routeRef.current === 'settings' && next !== 'settings' && view.adminPinSet) {
        // Leaving the settings closes the admin session.
        void safeCall((api) => api.lockAdmin({}));
        setAdminUnlocked(false);
      }
      setRoute(next);
      setSearchRequest(null);
    },
    [view.adminPinSet],
  );

  const openSearch = useCallback(() => {
    navigate('day');
    setSearchRequest({});
  }, [navigate]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('[role="dialog"]')) return;
      if (isSearchKey(event)) {
        event.preventDefault();
        openSearch();
        return;
      }
      const next = routeForKey(event);
      if (!next) return;
      event.preventDefault();
      navigate(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, openSearch]);

  const onTabKey = (event: ReactKeyboardEvent<HTMLButtonElement>, index: number) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const nextIndex = (index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    const next = TABS[nextIndex];
    if (!next) return;
    navigate(next.route);
    tabRefs.current.get(next.route)?.focus();
  };

  const environment = route === 'sale' && payment ? payment.environment : view.settings.environment;

  return (
    <div className={`shell${environment === 'training' ? ' shell-training' : ''}`}>
      {environment === 'training' ? <div className="training-banner">{t('app.training_banner')}</div> : null}
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <div className="tabs" role="tablist" aria-label={t('nav.label')}>
          {TABS.map((tab, index) => (
            <button
              key={tab.route}
              ref={(element) => {
                if (element) tabRefs.current.set(tab.route, element);
                else tabRefs.current.delete(tab.route);
              }}
              type="button"
              role="tab"
              id={`tab-${tab.route}`}
              aria-selected={route === tab.route}
              aria-controls="panel"
              aria-keyshortcuts={`${tab.shortcut} Alt+${index + 1}`}
              tabIndex={route === tab.route ? 0 : -1}
              className="tab"
              onClick={() => navigate(tab.route)}
              onKeyDown={(event) => onTabKey(event, index)}
            >
              {t(tab.key)}
              {tab.route === 'today' ? <LateCount count={needingAction(day)} /> : null}
              <kbd aria-hidden="true">{tab.shortcut}</kbd>
            </button>
          ))}
        </div>
        <ConnectionIndicator />
        <HqSyncIndicator />
      </header>
      <main id="panel" role="tabpanel" aria-labelledby={`tab-${route}`} className="panel">
        {route === 'sale' ? <LateBanner count={needingAction(day)} onOpen={() => navigate('day')} /> : null}
        <ScreenErrorBoundary
          key={`${route}:${payment?.tradeNo ?? ''}`}
          onBack={() => {
            setPayment(null);
            navigate('sale');
          }}
        >
        {route === 'sale' && payment ? (
          <QrScreen
            payment={payment}
            onPaymentChange={setPayment}
            onNewSale={() => setPayment(null)}
            onOpenLate={() => navigate('day')}
          />
        ) : null}
        {route === 'sale' && !payment ? (
          <SaleScreen view={view} charge={charge} onOpenSettings={() => navigate('settings')} onPaid={setPayment} />
        ) : null}
        {route === 'today' ? (
          <TodayScreen
            onOpen={(open) => {
              setPayment(open);
              navigate('sale');
            }}
            lateCount={day?.needsAttention ?? 0}
            actionCount={needingAction(day)}
            onOpenLate={() => navigate('day')}
            onOpenSearch={openSearch}
          />
        ) : null}
        {route === 'day' ? <DayScreen status={day} reload={reloadDay} searchRequest={searchRequest} /> : null}
        {route === 'settings' ? (
          <SettingsScreen
            view={view}
            onViewChange={onViewChange}
            unlocked={adminUnlocked || !view.adminPinSet}
            onUnlocked={setAdminUnlocked}
            onUnsavedChange={onSettingsUnsaved}
            firstRun={!readyToSell(view)}
          />
        ) : null}
        </ScreenErrorBoundary>
      </main>
      {leaving ? (
        <UnsavedChangesDialog
          onDiscard={() => {
            settingsUnsaved.current = false;
            setLeaving(null);
            navigate(leaving);
          }}
          onStay={() => setLeaving(null)}
        />
      ) : null}
    </div>
  );
}
