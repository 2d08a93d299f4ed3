// Hop "usenet" (only when NZBGet is on): NZBGet runs with the stack's news server and can connect to it and log in,
// asked through NZBGet's own API (`config`, then `testserver`, so the connection starts inside the VPN in the stack).
import type { UsenetServer } from '../../contract/usenet';
import { fixAction } from '../../contract/fix-action';
import type { NzbgetClient } from '../clients/nzbget-client';
import { nzbgetServerLinkTest, serverDrift } from '../steps/nzbget-server';
import { broken, passed, type ChainStep } from './chain-run';

export interface UsenetHopInput {
  nzbget: NzbgetClient;
  /** stack.yml's `usenet`; undefined when no news server was ever given. */
  server: UsenetServer | undefined;
  /** The vault's nzbget.server.password (null when none is stored). Never put in a detail. */
  password: string | null;
}

/** Server1.Host → "host": the option in the user's words (the Password option's value is never shown, only its name). */
const optionWord = (name: string) => name.replace(/^Server1\./, '').toLowerCase();

export function usenetHop(input: UsenetHopInput): ChainStep {
  return {
    hop: 'usenet',
    async run() {
      if (!input.server)
        return broken(
          'NZBGet has no news server, so nothing can be downloaded from Usenet.',
          "Add your Usenet provider's news server in the dashboard's Settings (Stack settings, Usenet), then check the chain again.",
          fixAction('settings.usenet'),
        );
      const want = { ...input.server, password: input.password };
      // What NZBGet runs with (`config`, the running values) must be the stack's server: testing the stack's values
      // against a NZBGet that never took them would pass while its downloads fail.
      // Without a stored password the link test says so itself (and offers to store it), so the password is not drift.
      const drift = serverDrift(await input.nzbget.config(), want).filter(
        (name) => input.password !== null || name !== 'Server1.Password',
      );
      if (drift.length > 0)
        return broken(
          `NZBGet is not using the news server from the stack settings (different ${drift.map(optionWord).join(', ')}).`,
          'Repair the links: they write the news server into NZBGet again.',
          fixAction('wiring.apply'),
        );
      const link = await nzbgetServerLinkTest(input.nzbget, want).run();
      if (link.ok) return passed(link.detail);
      return broken(
        link.detail,
        link.fix ?? 'Check the news server settings, then check the chain again.',
        // A refused login is fixed by storing the password again (the link test's action); anything else is the
        // network path: NZBGet reaches the server only through the VPN, so restarting both is the one action to offer.
        link.action ?? fixAction('stack.restart', { services: ['vpn', 'nzbget'] }),
      );
    },
  };
}
