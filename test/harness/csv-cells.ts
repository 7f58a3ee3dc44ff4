/**
 * What a program reading the export does to undo its two protections (electron/core/day/csv.ts):
 * Excel's text formula `="…"` on ID columns, and the formula guard `'`.
 */
export function unprotect(cell: string): string {
  const text = /^="(.*)"$/s.exec(cell);
  if (text) return text[1]!.replaceAll('""', '"');
  return /^'[=+\-@\t\r']/.test(cell) ? cell.slice(1) : cell;
}
