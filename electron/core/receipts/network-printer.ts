import { connect, type Socket } from 'node:net';

/**
 * Raw TCP printing (port 9100, "JetDirect"), the way LAN receipt printers take ESC/POS.
 *
 * Raw TCP has no acknowledgement: bytes accepted by our kernel may never reach the printer. So
 * the printer is asked for its real-time status (`DLE EOT 1`) before the receipt, to hear that it
 * is there and online, and again after it: a printer answers real-time commands as they arrive
 * in its receive buffer, so the second answer says every byte before it was received.
 */

/** `failed`: an operating-system printer's driver refused the job (its reason in the message). */
export type PrinterFault = 'offline' | 'refused' | 'timed_out' | 'closed' | 'failed';

export class PrinterError extends Error {
  readonly fault: PrinterFault;
  /** `print.offline`, `print.refused`…: what the renderer translates. */
  readonly code: `print.${PrinterFault}`;
  constructor(fault: PrinterFault, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PrinterError';
    this.fault = fault;
    this.code = `print.${fault}`;
  }
}

export interface NetworkPrinterAddress {
  host: string;
  port: number;
}

export interface SendOptions {
  /** From dialling to the first status answer. */
  connectTimeoutMs?: number;
  /** From the first byte of the receipt to the printer's answer after the last. */
  writeTimeoutMs?: number;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;
export const DEFAULT_WRITE_TIMEOUT_MS = 10_000;

/** DLE EOT 1: transmit printer status. */
export const STATUS_REQUEST = Uint8Array.of(0x10, 0x04, 0x01);
/** Bit 3 of the printer status byte: offline (cover open, paper out, feeding, error). */
const STATUS_OFFLINE = 0x08;

// Errors that say the address cannot be reached at all, as opposed to refused by a listener.
const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL']);

/** Sends `data` to the printer and resolves once the printer has said it received all of it. */
export async function sendToNetworkPrinter(
  address: NetworkPrinterAddress,
  data: Uint8Array,
  options: SendOptions = {},
): Promise<void> {
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const writeTimeoutMs = options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS;
  const where = `${address.host}:${address.port}`;
  const socket = connect({ host: address.host, port: address.port, noDelay: true });
  const link = new StatusLink(socket, where);
  try {
    await link.connected(connectTimeoutMs);
    link.assertOnline(await link.status(STATUS_REQUEST, connectTimeoutMs, 'before printing'));
    link.assertOnline(await link.status(concat(data, STATUS_REQUEST), writeTimeoutMs, 'while receiving the receipt'));
    socket.end();
  } finally {
    link.dispose();
  }
}

/** One socket, read one status byte at a time; every failure becomes a PrinterError. */
class StatusLink {
  readonly #socket: Socket;
  readonly #where: string;
  readonly #answers: number[] = [];
  #failure: PrinterError | null = null;
  #wake: (() => void) | null = null;

  constructor(socket: Socket, where: string) {
    this.#socket = socket;
    this.#where = where;
    socket.on('data', (chunk: Buffer) => {
      this.#answers.push(...chunk);
      this.#notify();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => this.#fail(fromSocketError(error, where)));
    socket.on('close', () => this.#fail(new PrinterError('closed', `The printer at ${where} closed the connection.`)));
  }

  connected(timeoutMs: number): Promise<void> {
    if (!this.#socket.connecting) return Promise.resolve();
    return this.#until(() => !this.#socket.connecting, timeoutMs, `did not accept a connection within ${timeoutMs} ms`, 'connect');
  }

  async status(bytes: Uint8Array, timeoutMs: number, when: string): Promise<number> {
    this.#socket.write(bytes);
    await this.#until(() => this.#answers.length > 0, timeoutMs, `did not answer ${when} within ${timeoutMs} ms`);
    return this.#answers.shift()!;
  }

  assertOnline(status: number): void {
    if (status & STATUS_OFFLINE) {
      throw new PrinterError('offline', `The printer at ${this.#where} reports it is offline (cover open or out of paper?).`);
    }
  }

  dispose(): void {
    this.#socket.removeAllListeners('data');
    // Errors after the verdict (a reset as we hang up) have nobody to tell.
    this.#socket.on('error', () => undefined);
    if (!this.#socket.writableEnded) this.#socket.destroy();
  }

  #until(done: () => boolean, timeoutMs: number, timeoutText: string, event?: 'connect'): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (done()) return finish(null);
        if (this.#failure) return finish(this.#failure);
      };
      const timer = setTimeout(() => finish(new PrinterError('timed_out', `The printer at ${this.#where} ${timeoutText}.`)), timeoutMs);
      const finish = (error: PrinterError | null) => {
        clearTimeout(timer);
        this.#wake = null;
        if (event) this.#socket.removeListener(event, check);
        if (error) reject(error);
        else resolve();
      };
      this.#wake = check;
      if (event) this.#socket.once(event, check);
      check();
    });
  }

  #fail(error: PrinterError): void {
    this.#failure ??= error;
    this.#notify();
  }

  #notify(): void {
    this.#wake?.();
  }
}

function fromSocketError(error: NodeJS.ErrnoException, where: string): PrinterError {
  const code = error.code ?? '';
  if (code === 'ECONNREFUSED') return new PrinterError('refused', `Nothing accepts print jobs at ${where} (connection refused).`, { cause: error });
  if (UNREACHABLE.has(code)) return new PrinterError('offline', `The printer at ${where} cannot be reached (${code}).`, { cause: error });
  if (code === 'ETIMEDOUT') return new PrinterError('timed_out', `The printer at ${where} did not answer (${code}).`, { cause: error });
  return new PrinterError('closed', `The connection to the printer at ${where} broke (${code || error.message}).`, { cause: error });
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}
