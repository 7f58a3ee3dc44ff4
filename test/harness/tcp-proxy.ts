import { createServer, connect, type Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of a server, for the head-office fault suite: `drop` cuts every
 * connection (and refuses new ones until `pass`), `stall` keeps connections open but forwards
 * nothing more (a link that went silent), `pass` forwards again.
 */
export interface TcpProxy {
  port: number;
  mode: 'pass' | 'drop' | 'stall';
  drop(): void;
  /** Drops everything once this many more bytes went from the clients to the server (a cut mid-statement). */
  dropAfter(bytes: number): void;
  stall(): void;
  pass(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const proxy = {} as TcpProxy;
  proxy.mode = 'pass';
  let bytesUntilDrop = Infinity;
  const server = createServer((client) => {
    if (proxy.mode === 'drop') {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(from);
      from.on('data', (chunk: Buffer) => {
        if (proxy.mode !== 'pass') return;
        if (from === client) {
          bytesUntilDrop -= chunk.length;
          if (bytesUntilDrop <= 0) {
            proxy.drop();
            return;
          }
        }
        to.write(chunk);
      });
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
      from.on('error', () => to.destroy());
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  proxy.port = (server.address() as { port: number }).port;
  proxy.drop = () => {
    proxy.mode = 'drop';
    for (const socket of sockets) socket.destroy();
  };
  proxy.dropAfter = (bytes) => {
    bytesUntilDrop = bytes;
  };
  proxy.stall = () => {
    proxy.mode = 'stall';
  };
  proxy.pass = () => {
    proxy.mode = 'pass';
    bytesUntilDrop = Infinity;
  };
  proxy.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((done) => server.close(() => done()));
  };
  return proxy;
}
