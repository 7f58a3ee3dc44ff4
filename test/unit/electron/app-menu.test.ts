import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeMenu, resetElectronMock, type FakeMenuItem } from '../../harness/electron-mock.ts';
import { installApplicationMenu } from '../../../electron/app-menu.ts';

vi.mock('electron', async () => (await import('../../harness/electron-mock.ts')).electronMock);

/** Every role in the menu, submenus included (roles as Electron stores them: lower case). */
function roles(items: readonly FakeMenuItem[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(item.submenu ? roles(item.submenu.items) : [])]);
}

const DEVELOPER_ROLES = ['toggledevtools', 'reload', 'forcereload', 'viewmenu'];

describe('installApplicationMenu', () => {
  beforeEach(() => resetElectronMock());

  it.each(['win32', 'linux'] as const)('packaged on %s: an Edit menu with cut, copy, paste, select all and nothing else', (platform) => {
    installApplicationMenu(true, platform);
    const menu = FakeMenu.getApplicationMenu();
    expect(menu?.items.map((item) => item.label)).toEqual(['Edit']);
    expect(roles(menu?.items ?? [])).toEqual(['cut', 'copy', 'paste', 'selectall']);
  });

  it('packaged on macOS: the app menu (About, Hide, Quit…) and Edit, without any developer item', () => {
    installApplicationMenu(true, 'darwin');
    const items = FakeMenu.getApplicationMenu()?.items ?? [];
    expect(items.map((item) => item.role ?? item.label)).toEqual(['appmenu', 'Edit']);
    expect(roles(items)).toEqual(expect.arrayContaining(['about', 'hide', 'quit', 'cut', 'copy', 'paste', 'selectall']));
    expect(roles(items).filter((role) => DEVELOPER_ROLES.includes(role))).toEqual([]);
  });

  it('in development leaves Electron\'s default menu (DevTools, reload) alone', () => {
    installApplicationMenu(false, 'linux');
    expect(FakeMenu.setApplicationMenu).not.toHaveBeenCalled();
  });
});
