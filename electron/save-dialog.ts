import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { writeWholeFile, type FileSaver } from './core/file-saver.ts';

/**
 * The operating system's save dialog (thin glue): it opens in the Documents folder with the
 * suggested name, sheet-attached to the cashier's window when it is open, and the file is
 * written only after a place was chosen (piece by piece when the contents come in pieces).
 *
 * Linux (GTK) confirms an overwrite only when asked (`showOverwriteConfirmation`) and keeps the
 * name as typed, so the filter's extension is added here. If the name with the extension is an
 * existing file, the dialog is shown again on that name, so that overwriting it is confirmed too.
 */
export function createFileSaver(options: { parentWindow: () => BrowserWindow | null }): FileSaver {
  const ask = async (defaultPath: string, filter: { name: string; extensions: string[] }) => {
    const parent = options.parentWindow();
    const dialogOptions: SaveDialogOptions = { defaultPath, filters: [filter], properties: ['showOverwriteConfirmation', 'createDirectory'] };
    const choice = parent && !parent.isDestroyed() ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
    return choice.canceled || !choice.filePath ? null : choice.filePath;
  };
  return {
    save: async ({ suggestedName, filter, contents }) => {
      let path = await ask(join(app.getPath('documents'), suggestedName), filter);
      while (path !== null && !hasExtension(path, filter.extensions)) {
        const withExtension = `${path}.${filter.extensions[0]}`;
        path = existsSync(withExtension) ? await ask(withExtension, filter) : withExtension;
      }
      if (path === null) return { saved: false };
      await writeWholeFile(path, await contents());
      return { saved: true, path };
    },
  };
}

function hasExtension(path: string, extensions: readonly string[]): boolean {
  const extension = extname(path).slice(1).toLowerCase();
  return extensions.length === 0 || extensions.some((allowed) => allowed.toLowerCase() === extension);
}
