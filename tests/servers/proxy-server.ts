// A real HTTP proxy on 127.0.0.1 that tunnels with CONNECT (what undici's ProxyAgent speaks for
// http and https targets alike) and asks for Basic credentials when it is given some, answering
// 407 otherwise, as corporate proxies do. It records every tunnel it was asked for.
import http from 'node:http';
import net from 'node:net';

export interface ProxyServer {
  url: string;
  /** Every CONNECT, with the credentials it carried (decoded) and whether it was let through. */
  tunnels: Array<{ target: string; credentials: string | null; allowed: boolean }>;
  close(): Promise<void>;
}

export async function startProxyServer(options: { username?: string; password?: string } = {}): Promise<ProxyServer> {
  const tunnels: ProxyServer['tunnels'] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_request, response) => {
    response.writeHead(405, { 'Content-Type': 'text/plain' }).end('This proxy only tunnels (CONNECT).');
  });
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const header = request.headers['proxy-authorization'];
    const credentials = header?.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : null;
    const allowed = options.username === undefined || credentials === `${options.username}:${options.password ?? ''}`;
    const target = request.url ?? '';
    tunnels.push({ target, credentials, allowed });
    if (!allowed) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
    const upstream = net.connect(port, host.replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
