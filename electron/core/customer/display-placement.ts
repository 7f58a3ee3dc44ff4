/**
 * Where the customer display goes, as pure functions over display lists (Electron's
 * `screen.getAllDisplays()` shape, reduced to what is used). The glue (electron/customer-display.ts)
 * only applies the answers, so hot-plugging is tested here with fake lists.
 */

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of Electron's `Display` the placement needs. */
export interface DisplayLike {
  id: number;
  label: string;
  bounds: Rectangle;
  internal: boolean;
}

/** A display as the settings screen offers it. */
export interface DisplayOption {
  id: number;
  label: string;
  width: number;
  height: number;
  /** The screen the cashier's window is on: not offered as the customer's. */
  cashier: boolean;
}

/**
 * The display the customer window belongs on: the one the owner chose, when it is connected and
 * is not the cashier's. Otherwise none — never a fallback onto another screen, so an unplugged
 * monitor never puts the customer display over the cashier's screen.
 */
export function chooseCustomerDisplay(
  displays: readonly DisplayLike[],
  chosenId: number | null,
  cashierDisplayId: number | null,
): DisplayLike | null {
  if (chosenId === null || chosenId === cashierDisplayId) return null;
  return displays.find((display) => display.id === chosenId) ?? null;
}

/** Where the window is now (null: no window), and what to do about it. */
export type PlacementAction =
  | { kind: 'keep' }
  | { kind: 'open'; displayId: number; bounds: Rectangle }
  | { kind: 'move'; displayId: number; bounds: Rectangle }
  | { kind: 'close' };

export function planCustomerWindow(
  current: { displayId: number; bounds: Rectangle } | null,
  target: DisplayLike | null,
): PlacementAction {
  if (target === null) return current === null ? { kind: 'keep' } : { kind: 'close' };
  if (current === null) return { kind: 'open', displayId: target.id, bounds: target.bounds };
  if (current.displayId === target.id && sameRectangle(current.bounds, target.bounds)) return { kind: 'keep' };
  return { kind: 'move', displayId: target.id, bounds: target.bounds };
}

/** The displays for the settings' choice, the cashier's marked, with a readable name. */
export function displayOptions(displays: readonly DisplayLike[], cashierDisplayId: number | null): DisplayOption[] {
  return displays.map((display, index) => ({
    id: display.id,
    label: display.label.trim() || `#${index + 1}`,
    width: display.bounds.width,
    height: display.bounds.height,
    cashier: display.id === cashierDisplayId,
  }));
}

function sameRectangle(a: Rectangle, b: Rectangle): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
