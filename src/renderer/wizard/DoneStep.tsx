// Step 9: the stack is running and connected: the links the install made (Retry for a failed one), then one web link
// per app at the ports the config chose.
import { Link, Table, TableBody, TableCell, TableRow, Text } from '@fluentui/react-components';
import type { StackConfig } from '../../core/contract';
import { PlexSignIn } from '../components/PlexSignIn';
import { DoneLinks } from './DoneLinks';
import { FirstIndexer } from './FirstIndexer';
import { LoginsDialog } from '../logins/LoginsDialog';
import { useShellStore } from '../stores/shell-store';
import { plexServerText, signedInText, usePlexAccount } from './use-plex-account';
import { isSet, useSecretsStatus } from './use-secrets-status';
import { StepFrame } from './StepFrame';
import { useWizard } from './use-wizard';
import { validateDraft } from './validation';
import { linkHost, useServiceHost } from '../use-service-host';

/** Each app's web UI where the engine publishes it: localhost for an engine on this PC (whatever the LAN choice),
 *  else the engine's host (docs/decisions.md D14); the download clients' ports are published on the VPN container (D6). */
export function appLinks(cfg: StackConfig, host = 'localhost'): { name: string; url: string }[] {
  const at = (port: number, path = '') => `http://${linkHost(host)}:${port}${path}`;
  const links = [
    { name: 'Plex', url: at(cfg.ports.plex, '/web') },
    { name: 'Seerr (requests)', url: at(cfg.ports.seerr) },
    { name: 'Radarr (films)', url: at(cfg.ports.radarr) },
    { name: 'Sonarr (series)', url: at(cfg.ports.sonarr) },
    { name: 'Prowlarr (indexers)', url: at(cfg.ports.prowlarr) },
    { name: 'Bazarr (subtitles)', url: at(cfg.ports.bazarr) },
  ];
  if (cfg.services.qbittorrent) links.push({ name: 'qBittorrent', url: at(cfg.ports.qbittorrent) });
  if (cfg.services.nzbget) links.push({ name: 'NZBGet', url: at(cfg.ports.nzbget) });
  if (cfg.services.tdarr) links.push({ name: 'Tdarr', url: at(cfg.ports.tdarr) });
  if (cfg.services.proxy.enabled) links.push({ name: 'Nginx Proxy Manager', url: at(cfg.ports.proxyAdmin) });
  return links;
}

/** Where the links work, said plainly (docs/decisions.md D17): never promise LAN links the stack does not publish. */
export function reachText(cfg: StackConfig): string {
  return cfg.lanAccess
    ? "These links work on this PC. Other devices on your network can open the same apps at this PC's network address instead of localhost; each app asks for its sign-in."
    : 'These links work on this PC only; each app asks for its sign-in. Plex is also reachable from TVs and phones on your network. To open the other apps from another device, turn on "Reach my apps from other devices on my network" in Settings.';
}

export function DoneStep() {
  const w = useWizard();
  const navigate = useShellStore((s) => s.navigate);
  const { config } = validateDraft(w.state.draft);
  const [secrets, reload] = useSecretsStatus();
  // Signed in before install: the install claimed the server, and this line says for whom.
  const [account, reloadAccount] = usePlexAccount();
  const host = useServiceHost();
  return (
    <StepFrame
      title="All set"
      intro="Your media server is running and its apps are connected to each other. Bookmark the apps you will use."
      onNext={() => navigate('dashboard')}
      nextLabel="Open the dashboard"
    >
      <PlexSignIn
        signedIn={isSet(secrets, 'plex.token')}
        onSignedIn={() => {
          void reload();
          void reloadAccount();
        }}
      />
      {account.phase === 'ready' && account.status.account && (
        <Text data-testid="plex-account" data-server={account.status.server}>
          {signedInText(account.status)} {plexServerText(account.status.server)}
        </Text>
      )}
      <DoneLinks />
      <FirstIndexer />
      {config && <Text data-testid="done-reach">{reachText(config)}</Text>}
      {/* Each app asks for its sign-in: the generated user names and passwords are one click away. */}
      <div>
        <LoginsDialog label="See your logins" />
      </div>
      {config && (
        <Table aria-label="Your apps" size="small">
          <TableBody>
            {appLinks(config, host).map((l) => (
              <TableRow key={l.name}>
                <TableCell>{l.name}</TableCell>
                <TableCell>
                  <Link href={l.url} target="_blank" rel="noreferrer">
                    {l.url}
                  </Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </StepFrame>
  );
}
