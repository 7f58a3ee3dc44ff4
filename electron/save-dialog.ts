import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { writeWholeFile, type FileSaver } from './core/file-saver.ts';

/**
 * The operating system's save dialog (thin glue): it opens in the Documents folder with the
 * suggested name, sheet-attached to the cashier's window when it is open, and the file is
 * written only after a place was chosen (piece by piece when the contents come in pieces).
 */
export function createFileSaver(options: { parentWindow: () => BrowserWindow | null }): FileSaver {
  return {
    save: async ({ suggestedName, filter, contents }) => {
      const parent = options.parentWindow();
      const dialogOptions = { defaultPath: join(app.getPath('documents'), suggestedName), filters: [filter] };
      const choice = parent && !parent.isDestroyed() ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
      if (choice.canceled || !choice.filePath) return { saved: false };
      await writeWholeFile(choice.filePath, await contents());
      return { saved: true, path: choice.filePath };
    },
  };
}
