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
 * What the glue remembers of the display it last placed the window on. Electron's display id is
 * not stable: Windows derives it from the adapter's `\\.\DISPLAYn`, which can change when a
 * monitor is re-plugged or the till restarts, so the saved id alone can lose the monitor.
 */
export interface DisplayMemory {
  id: number;
  label: string;
  bounds: Rectangle;
}

/**
 * The display the customer window belongs on: the one the owner chose, when it is connected and
 * is not the cashier's. A chosen id that is gone is looked for by what was remembered of it (same
 * position and size, then the label); a match must be the only one. Otherwise none — never a
 * fallback onto another screen, so an unplugged monitor never puts the customer display over the
 * cashier's screen. When the answer's id differs from `chosenId`, the glue saves the new id.
 */
export function chooseCustomerDisplay(
  displays: readonly DisplayLike[],
  chosenId: number | null,
  cashierDisplayId: number | null,
  memory: DisplayMemory | null = null,
): DisplayLike | null {
  if (chosenId === null) return null;
  const found = displays.find((display) => display.id === chosenId) ?? (memory?.id === chosenId ? findRemembered(displays, memory) : null);
  return found === null || found.id === cashierDisplayId ? null : found;
}

/** The one display that is the remembered one re-numbered: the strictest test with a single match wins. */
function findRemembered(displays: readonly DisplayLike[], memory: DisplayMemory): DisplayLike | null {
  const sameLabel = (display: DisplayLike) => memory.label.trim() !== '' && display.label === memory.label;
  const samePlace = (display: DisplayLike) => sameRectangle(display.bounds, memory.bounds);
  const sameSize = (display: DisplayLike) => display.bounds.width === memory.bounds.width && display.bounds.height === memory.bounds.height;
  const tests = [
    (display: DisplayLike) => samePlace(display) && sameLabel(display),
    samePlace,
    (display: DisplayLike) => sameSize(display) && sameLabel(display),
  ];
  for (const test of tests) {
    const matches = displays.filter(test);
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) return null; // two alike: guessing could cover the cashier's screen
  }
  return null;
}

/** The memory to keep of the display the window is placed on. */
export function displayMemoryOf(display: DisplayLike): DisplayMemory {
  return { id: display.id, label: display.label, bounds: { ...display.bounds } };
}

/** A stored memory as read back (from the settings file): null unless it has the right shape. */
export function parseDisplayMemory(stored: unknown): DisplayMemory | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { id, label, bounds } = stored as Record<string, unknown>;
  if (!Number.isInteger(id) || typeof label !== 'string' || typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (![x, y, width, height].every((value) => Number.isInteger(value))) return null;
  return { id: id as number, label, bounds: { x: x as number, y: y as number, width: width as number, height: height as number } };
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
