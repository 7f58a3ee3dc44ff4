import { rename, rm, writeFile } from 'node:fs/promises';

export type FileContents = string | Uint8Array | AsyncIterable<string | Uint8Array>;

/** The outcome of a save: where the file went, or nothing when the owner cancelled the dialog. */
export type SaveResult = { saved: true; path: string } | { saved: false };

/**
 * Saving a file where the owner chooses, which only Electron can do (electron/save-dialog.ts: the
 * operating system's save dialog). Core works without one: the web preview hands the file to the
 * browser as a download instead.
 */
export interface FileSaver {
  /**
   * Asks where to save, then writes `contents()` there; `contents` is not called when cancelled.
   * Large files come as an async iterable of pieces, written as they come (the CSV export).
   */
  save(file: {
    suggestedName: string;
    filter: { name: string; extensions: string[] };
    contents: () => FileContents | Promise<FileContents>;
  }): Promise<SaveResult>;
}

/**
 * Writes `contents` (pieces as they come) to a file next to `path`, renamed over `path` only once
 * complete: a write that fails half-way (disk full, an export that throws) leaves no truncated
 * file that looks whole, and an earlier file of that name stays as it was.
 */
export async function writeWholeFile(path: string, contents: FileContents): Promise<void> {
  const partial = `${path}.part`;
  try {
    await writeFile(partial, contents);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
