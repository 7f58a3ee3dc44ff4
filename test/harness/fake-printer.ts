import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A LAN receipt printer on 127.0.0.1 for tests: accepts raw TCP like port 9100, keeps what each
 * connection sent, and answers `DLE EOT 1` (real-time status) the way an Epson TM printer does:
 * one byte, 0x12 online, 0x1A with the offline bit.
 *
 * Behaviours: `online`, `offline` (answers with the offline bit), `stall` (accepts, never reads
 * nor answers), `close-mid-write` (closes as soon as receipt bytes arrive).
 */
export type FakePrinterBehaviour = 'online' | 'offline' | 'stall' | 'close-mid-write';

const STATUS_ONLINE = 0x12;
const STATUS_OFFLINE = 0x1a;

export interface FakePrinter {
  readonly host: '127.0.0.1';
  readonly port: number;
  behaviour: FakePrinterBehaviour;
  /** The bytes of every finished job (connection), status requests removed, oldest first. */
  readonly jobs: Uint8Array[];
  /** performance.now() when each job's last receipt byte arrived (same order as `jobs`). */
  readonly lastByteAt: number[];
  /** Resolves when `count` jobs have been received in all. */
  waitForJobs(count: number, timeoutMs?: number): Promise<Uint8Array[]>;
  /** Stops listening (the printer is switched off); `start()` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakePrinter(options: { behaviour?: FakePrinterBehaviour; port?: number } = {}): Promise<FakePrinter> {
  const jobs: Uint8Array[] = [];
  const lastByteAt: number[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = options.port ?? 0;

  const printer: FakePrinter = {
    host: '127.0.0.1',
    get port() {
      return port;
    },
    behaviour: options.behaviour ?? 'online',
    jobs,
    lastByteAt,
    waitForJobs(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (jobs.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(jobs.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake printer: ${jobs.length} of ${count} jobs after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    start: async () => {
      server = createServer((socket) => serve(socket));
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, '127.0.0.1', () => resolve());
      });
      port = (server.address() as AddressInfo).port;
    },
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      const closing = server;
      server = null;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    close: () => printer.stop(),
  };

  function serve(socket: Socket): void {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const behaviour = printer.behaviour;
    if (behaviour === 'stall') {
      socket.pause();
      return;
    }
    const received: number[] = [];
    let receivedAt = 0;
    socket.on('data', (chunk: Buffer) => {
      const arrived = performance.now();
      for (let i = 0; i < chunk.length; i++) {
        if (chunk[i] === 0x10 && chunk[i + 1] === 0x04 && chunk[i + 2] === 0x01) {
          socket.write(Uint8Array.of(behaviour === 'offline' ? STATUS_OFFLINE : STATUS_ONLINE));
          i += 2;
        } else if (behaviour === 'close-mid-write') {
          // Hangs up on the first receipt byte, before it could answer the status after it.
          socket.destroy();
          return;
        } else {
          received.push(chunk[i]!);
          receivedAt = arrived;
        }
      }
    });
    socket.on('end', () => {
      // A status check alone (a refused or offline verdict) prints nothing.
      if (received.length > 0) {
        lastByteAt.push(receivedAt);
        jobs.push(Uint8Array.from(received));
      }
      for (const wake of [...waiters]) wake();
      socket.end();
    });
  }

  await printer.start();
  return printer;
}
