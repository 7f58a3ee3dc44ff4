import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback server whose every answer the test writes by hand (for what the simulator never says). */
export interface ScriptedServer {
  baseUrl: string;
  bodies: Record<string, unknown>[];
  close(): Promise<void>;
}

export type Answer = (req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>) => void;

export async function startScriptedServer(answer: Answer): Promise<ScriptedServer> {
  const bodies: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      bodies.push(body);
      answer(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/indonesia-pay`,
    bodies,
    close: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}

/** Answers every request with this JSON (status 200 unless told). */
export function json(value: unknown, status = 200): Answer {
  return (_req, res) => {
    const text = JSON.stringify(value);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };
}
