// NZBGet's news server (Server1.*): the options the wiring owns, the drift between them and NZBGet's file, and the link
// test that has NZBGet itself connect to the server through its `testserver` call.
import type { UsenetServer } from '../../contract/usenet';
import { fixAction } from '../../contract/fix-action';
import type { NzbgetClient, NzbgetOption } from '../clients/nzbget-client';
import { failedLink, okLink } from '../engine/link-result';
import type { LinkTest } from '../wiring-types';

export interface NzbgetServerDesired extends UsenetServer {
  /** From the vault (nzbget.server.password); null when none is stored. Never shown in a plan or a message. */
  password: string | null;
}

/**
 * The Server1.* options the wiring sets, named as in nzbget.conf (nzbgetcom/nzbget v26.0 nzbget.conf, "NEWS SERVERS"
 * section; Debian's 21.0 file has the same names). Server1.CertVerification is left to the file: the v26.0 template
 * sets `strict`, and NZBGet 21 has no such option. Server1 is the one the stock template already defines.
 */
export function serverOptions(want: NzbgetServerDesired): Record<string, string> {
  return {
    'Server1.Active': 'yes',
    'Server1.Host': want.host,
    'Server1.Port': String(want.port),
    'Server1.Encryption': want.tls ? 'yes' : 'no',
    'Server1.Username': want.username,
    'Server1.Password': want.password ?? '',
    'Server1.Connections': String(want.connections),
  };
}

/** Names of the options whose value in the file differs (case-insensitive names, as NZBGet reads them). */
export function serverDrift(file: NzbgetOption[], want: NzbgetServerDesired): string[] {
  const byName = new Map(file.map((o) => [o.Name.toLowerCase(), o.Value]));
  return Object.entries(serverOptions(want))
    .filter(([k, v]) => (byName.get(k.toLowerCase()) ?? '') !== v)
    .map(([k]) => k);
}

/** Seconds NZBGet waits for the server in the test (testserver's `timeout`; 0 would mean its ArticleTimeout). */
const TEST_TIMEOUT_S = 10;

/**
 * NZBGet → news server: NZBGet opens the connection itself (from inside the VPN in the stack), logs in, asks for an
 * article that cannot exist and accepts a 2xx/4xx answer (v26.0 daemon/remote/XmlRpc.cpp TestServerXmlCommand::Execute).
 */
export function nzbgetServerLinkTest(client: NzbgetClient, want: NzbgetServerDesired): LinkTest {
  const base = { id: 'nzbget->usenet', from: 'nzbget', to: 'usenet' };
  const where = `${want.host}:${want.port}${want.tls ? ' (TLS)' : ''}`;
  return {
    ...base,
    async run() {
      if (want.username && !want.password)
        return {
          ...base,
          ok: false,
          detail: `No password is stored for the news server login "${want.username}".`,
          fix: "Store your Usenet provider's password, then repair the links.",
          action: fixAction('secrets.set', { name: 'nzbget.server.password' }, 'Set the news server password'),
        };
      try {
        const error = await client.testServer({
          host: want.host,
          port: want.port,
          username: want.username,
          password: want.password ?? '',
          tls: want.tls,
          timeoutS: TEST_TIMEOUT_S,
        });
        if (error === '') return okLink(base, `NZBGet connected to the news server ${where} and logged in.`);
        const auth = /authori[sz]ation|auth/i.test(error);
        return {
          ...base,
          ok: false,
          detail: `NZBGet could not use the news server ${where}: ${error}`,
          fix: auth
            ? "The news server refused the login: check the user name in the stack settings and store your provider's password again, then repair the links."
            : "Check the news server's host, port and TLS setting against your provider's details (stack settings), and that the VPN lets NZBGet out; then test the links again.",
          ...(auth
            ? { action: fixAction('secrets.set', { name: 'nzbget.server.password' }, 'Set the news server password') }
            : {}),
        };
      } catch (err) {
        return failedLink(base, err);
      }
    },
  };
}
