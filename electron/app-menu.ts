import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * The packaged app's menu: editing only, so the text shortcuts keep working (on macOS they live in
 * the menu) while Electron's default menu — Toggle Developer Tools (Ctrl+Shift+I), Reload
 * (Ctrl+R), Force Reload — is gone. With DevTools open, a cashier would hold `window.pos`.
 */
export function packagedMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  // macOS: the app menu (About, Services, Hide, Quit…) is where people expect to quit.
  return platform === 'darwin' ? [{ role: 'appMenu' }, edit] : [edit];
}

/** Sets the packaged menu; in development Electron's default menu (DevTools, reload) stays. */
export function installApplicationMenu(isPackaged: boolean, platform: NodeJS.Platform): void {
  if (!isPackaged) return;
  Menu.setApplicationMenu(Menu.buildFromTemplate(packagedMenuTemplate(platform)));
}
