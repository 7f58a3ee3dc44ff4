/**
 * Reads ESC/POS bytes back into what a printer would do with them: the printed lines (decoded
 * with the selected code page) and the commands in order. Knows the commands our encoder sends;
 * anything else is reported as `unknown` so a test notices.
 */
export type EscPosCommand =
  | { name: 'init' }
  | { name: 'codepage'; page: number }
  | { name: 'bold' | 'invert' | 'underline'; on: boolean }
  | { name: 'size'; width: number; height: number }
  | { name: 'align'; align: 'left' | 'center' | 'right' }
  | { name: 'font'; font: number }
  | { name: 'kanji-off' }
  | { name: 'qr'; data: string }
  | { name: 'qr-setting'; fn: number }
  | { name: 'feed'; lines: number }
  | { name: 'cut'; partial: boolean }
  | { name: 'status-request'; n: number }
  /** ESC p m t1 t2: kick the cash drawer on pin 2 (m = 0) or 5 (m = 1), on/off times in 2 ms units. */
  | { name: 'pulse'; pin: 2 | 5; onMs: number; offMs: number }
  | { name: 'unknown'; byte: number; at: number };

export interface PrintedLine {
  text: string;
  /** Columns the line takes: characters times their width (double size counts 2). */
  columns: number;
}

export interface ReadReceipt {
  lines: PrintedLine[];
  commands: EscPosCommand[];
}

/** Code pages (ESC t n) the reader decodes beyond ASCII, by their Epson number. */
const WINDOWS_1252 = new TextDecoder('windows-1252');
const DECODERS: Record<number, { decode(raw: Uint8Array): string }> = { 16: WINDOWS_1252 };
// Another page's upper half would print other glyphs: shown as `?` so a test sees it.
const ASCII_ONLY = { decode: (raw: Uint8Array) => String.fromCharCode(...raw.map((byte) => (byte < 0x80 ? byte : 0x3f))) };

const ALIGN = ['left', 'center', 'right'] as const;

/** The command starting at `i` and how many bytes it takes; null: a printable byte. */
function commandAt(bytes: Uint8Array, i: number): { command: EscPosCommand; length: number } | null {
  const at = (offset: number) => bytes[i + offset] ?? 0;
  const b = at(0);
  const c = at(1);
  if (b === 0x1b) {
    switch (c) {
      case 0x40: return { command: { name: 'init' }, length: 2 };
      case 0x74: return { command: { name: 'codepage', page: at(2) }, length: 3 };
      case 0x45: return { command: { name: 'bold', on: at(2) === 1 }, length: 3 };
      case 0x2d: return { command: { name: 'underline', on: at(2) !== 0 }, length: 3 };
      case 0x4d: return { command: { name: 'font', font: at(2) }, length: 3 };
      case 0x61: return { command: { name: 'align', align: ALIGN[at(2)] ?? 'left' }, length: 3 };
      case 0x64: return { command: { name: 'feed', lines: at(2) }, length: 3 };
      case 0x70: return { command: { name: 'pulse', pin: (at(2) & 1) === 1 ? 5 : 2, onMs: at(3) * 2, offMs: at(4) * 2 }, length: 5 };
      default: return { command: { name: 'unknown', byte: c, at: i }, length: 2 };
    }
  }
  if (b === 0x1c && c === 0x2e) return { command: { name: 'kanji-off' }, length: 2 };
  if (b === 0x10 && c === 0x04) return { command: { name: 'status-request', n: at(2) }, length: 3 };
  if (b !== 0x1d) return null;
  switch (c) {
    case 0x42: return { command: { name: 'invert', on: at(2) === 1 }, length: 3 };
    case 0x21: return { command: { name: 'size', width: (at(2) >> 4) + 1, height: (at(2) & 0x0f) + 1 }, length: 3 };
    case 0x56: {
      const m = at(2);
      return { command: { name: 'cut', partial: m === 1 || m === 49 || m === 66 }, length: m >= 65 ? 4 : 3 };
    }
    case 0x28: {
      if (at(2) !== 0x6b) break;
      const size = at(3) + at(4) * 256;
      const fn = at(6);
      const command: EscPosCommand =
        fn === 0x50 ? { name: 'qr', data: new TextDecoder('latin1').decode(bytes.slice(i + 8, i + 5 + size)) } : { name: 'qr-setting', fn };
      return { command, length: 5 + size };
    }
  }
  return { command: { name: 'unknown', byte: c, at: i }, length: 2 };
}

export function readEscPos(bytes: Uint8Array): ReadReceipt {
  const lines: PrintedLine[] = [];
  const commands: EscPosCommand[] = [];
  let decoder = ASCII_ONLY;
  let width = 1;
  let pending: number[] = [];
  let line = '';
  let columns = 0;
  const flush = () => {
    line += decoder.decode(Uint8Array.from(pending));
    pending = [];
  };

  for (let i = 0; i < bytes.length; ) {
    const found = commandAt(bytes, i);
    if (found) {
      flush();
      const { command } = found;
      commands.push(command);
      if (command.name === 'init') {
        decoder = ASCII_ONLY;
        width = 1;
      }
      if (command.name === 'codepage') decoder = DECODERS[command.page] ?? ASCII_ONLY;
      if (command.name === 'size') width = command.width;
      i += found.length;
      continue;
    }
    const byte = bytes[i]!;
    if (byte === 0x0a) {
      flush();
      lines.push({ text: line, columns });
      line = '';
      columns = 0;
    } else if (byte !== 0x0d) {
      pending.push(byte);
      columns += width;
    }
    i += 1;
  }
  flush();
  if (line !== '') lines.push({ text: line, columns });
  return { lines, commands };
}

/** The printed text only, no-break spaces as spaces, trailing blanks dropped. */
export function printedText(receipt: ReadReceipt): string[] {
  return receipt.lines.map((line) => line.text.replace(/\u00a0/g, ' ').trimEnd());
}
