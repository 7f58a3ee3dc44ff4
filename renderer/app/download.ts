import type { IpcResponse } from '../../shared/ipc-contract.ts';

/** The web preview's way to save: the browser's download of the CSV. */
function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Where an exported CSV went, for "Tersimpan: …": main saved it where the owner chose, or (web
 * preview) the browser downloads it now; null when the owner cancelled the save dialog.
 */
export function deliverCsv(file: IpcResponse<'exportSales'>): { file: string; rows: number } | null {
  if (file.outcome === 'cancelled') return null;
  if (file.outcome === 'download') downloadCsv(file.fileName, file.csv);
  return { file: file.outcome === 'saved' ? file.path : file.fileName, rows: file.rows };
}
