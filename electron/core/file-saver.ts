/** The outcome of a save: where the file went, or nothing when the owner cancelled the dialog. */
export type SaveResult = { saved: true; path: string } | { saved: false };

/**
 * Saving a file where the owner chooses, which only Electron can do (electron/save-dialog.ts: the
 * operating system's save dialog). Core works without one: the web preview hands the file to the
 * browser as a download instead.
 */
export interface FileSaver {
  /** Asks where to save, then writes `contents()` there; `contents` is not called when cancelled. */
  save(file: {
    suggestedName: string;
    filter: { name: string; extensions: string[] };
    contents: () => string | Uint8Array | Promise<string | Uint8Array>;
  }): Promise<SaveResult>;
}
