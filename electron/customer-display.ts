import type { BrowserWindow, Screen } from 'electron';
import { customerViewChannel } from '../shared/ipc-channels.ts';
import type { CustomerView } from '../shared/customer-view.ts';
import {
  chooseCustomerDisplay,
  displayOptions,
  planCustomerWindow,
  displayMemoryOf,
  type DisplayMemory,
  type DisplayOption,
  type Rectangle,
} from './core/customer/display-placement.ts';

export interface CustomerDisplayDeps {
  screen: Pick<Screen, 'getAllDisplays' | 'getDisplayMatching' | 'on' | 'removeListener'>;
  /** The cashier's window: its screen is never used for the customer display. */
  cashierWindow(): BrowserWindow | null;
  /** The display id chosen in the settings (null: no customer display). */
  chosenDisplayId(): number | null;
  /** What is remembered of the display the window was last placed on (it survives restarts). */
  rememberedDisplay(): DisplayMemory | null;
  rememberDisplay(memory: DisplayMemory): void;
  /** The chosen display was found again under a new id (re-plugged): save that id as the choice. */
  saveChosenDisplayId(id: number): void;
  /** A new customer window filling these bounds (window.ts, createCustomerWindow). */
  openWindow(bounds: Rectangle): BrowserWindow;
  /** The core's customer feed. */
  currentView(): CustomerView;
  onView(listener: (view: CustomerView) => void): () => void;
  onSettingsChanged(listener: () => void): () => void;
}

export interface CustomerDisplay {
  /** The connected displays for the settings' choice. */
  displays(): DisplayOption[];
  stop(): void;
}

/**
 * Glue only: applies display-placement.ts's answers to a real window and feeds it. Re-applied
 * at start, on every display change and after settings are saved. An unplugged display closes
 * the window (nothing moves onto the cashier's screen); plugging it back opens it again.
 */
export function startCustomerDisplay(deps: CustomerDisplayDeps): CustomerDisplay {
  let placed: { window: BrowserWindow; displayId: number; bounds: Rectangle } | null = null;

  const cashierDisplayId = (): number | null => {
    const cashier = deps.cashierWindow();
    if (!cashier || cashier.isDestroyed()) return null;
    return deps.screen.getDisplayMatching(cashier.getBounds()).id;
  };

  const send = (view: CustomerView) => {
    if (placed && !placed.window.isDestroyed()) placed.window.webContents.send(customerViewChannel, view);
  };

  const apply = () => {
    const chosenId = deps.chosenDisplayId();
    const remembered = deps.rememberedDisplay();
    const target = chooseCustomerDisplay(deps.screen.getAllDisplays(), chosenId, cashierDisplayId(), remembered);
    if (target !== null) {
      const memory = displayMemoryOf(target);
      if (JSON.stringify(memory) !== JSON.stringify(remembered)) deps.rememberDisplay(memory);
      if (target.id !== chosenId) deps.saveChosenDisplayId(target.id);
    }
    const action = planCustomerWindow(placed && { displayId: placed.displayId, bounds: placed.bounds }, target);
    switch (action.kind) {
      case 'keep':
        return;
      case 'close': {
        const { window } = placed!;
        placed = null;
        window.close();
        return;
      }
      case 'move':
        // A plain frameless window: moving it is one synchronous setBounds (no fullscreen to leave).
        placed!.window.setBounds(action.bounds);
        placed = { ...placed!, displayId: action.displayId, bounds: action.bounds };
        return;
      case 'open': {
        const window = deps.openWindow(action.bounds);
        placed = { window, displayId: action.displayId, bounds: action.bounds };
        // The page subscribes before it finishes loading; then it gets the view of the moment.
        window.webContents.on('did-finish-load', () => send(deps.currentView()));
        window.on('closed', () => {
          if (placed?.window === window) placed = null;
        });
      }
    }
  };

  const screenEvents = ['display-added', 'display-removed', 'display-metrics-changed'] as const;
  for (const name of screenEvents) deps.screen.on(name as 'display-added', apply);
  const unsubscribeView = deps.onView(send);
  const unsubscribeSettings = deps.onSettingsChanged(apply);
  apply();

  return {
    displays: () => displayOptions(deps.screen.getAllDisplays(), cashierDisplayId()),
    stop() {
      for (const name of screenEvents) deps.screen.removeListener(name as 'display-added', apply);
      unsubscribeView();
      unsubscribeSettings();
      const window = placed?.window;
      placed = null;
      if (window && !window.isDestroyed()) window.close();
    },
  };
}
