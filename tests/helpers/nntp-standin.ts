// A tiny loopback NNTP server for NZBGet's `testserver`: the greeting, AUTHINFO USER/PASS and an ARTICLE miss, as NZBGet's
// NntpConnection expects them (nzbgetcom/nzbget v26.0 daemon/nntp/NntpConnection.cpp: Connect wants a 2xx greeting,
// AuthInfoUser accepts 281/381, AuthInfoPass a 2xx; XmlRpc.cpp TestServerXmlCommand accepts a 2xx/4xx to ARTICLE).
// Reply codes are RFC 3977 (200 greeting, 430 no such article, 205 bye) and RFC 4643 (381 more, 281 ok, 481 refused).
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface NntpStandin {
  port: number;
  /** Every command line received, with the password masked (the test asserts the login happened). */
  commands: string[];
  close(): Promise<void>;
}

export async function startNntpStandin(login: { username: string; password: string }): Promise<NntpStandin> {
  const commands: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let user: string | null = null;
    let authed = false;
    let buf = '';
    socket.write('200 ups-test NNTP stand-in ready (posting allowed)\r\n');
    socket.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      for (let i = buf.indexOf('\r\n'); i >= 0; i = buf.indexOf('\r\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const [verb = '', arg = '', value = ''] = line.split(' ');
        const cmd = `${verb} ${arg}`.toUpperCase();
        commands.push(cmd === 'AUTHINFO PASS' ? 'AUTHINFO PASS ***' : line);
        if (cmd === 'AUTHINFO USER') {
          user = value;
          socket.write('381 Password required\r\n');
        } else if (cmd === 'AUTHINFO PASS') {
          authed = user === login.username && value === login.password;
          socket.write(authed ? '281 Authentication accepted\r\n' : '481 Authentication failed\r\n');
        } else if (verb.toUpperCase() === 'QUIT') {
          socket.end('205 Bye\r\n');
        } else if (!authed) {
          socket.write('480 Authentication required\r\n');
        } else if (verb.toUpperCase() === 'ARTICLE') {
          socket.write('430 No such article\r\n');
        } else {
          socket.write('500 Unknown command\r\n');
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    commands,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
