// The web-UI logins this app generates and sets up (user name, password entry, login pages) for one installed stack,
// and the one way to read such a password back: only a generated login, only on request, known to the redactor.
import { UpsFailure, type StackConfig } from '../contract';
import { loginSecretNames, type Login, type LoginSecretName } from '../contract/logins';
import type { SecretName } from '../contract/secret-names';
import { secretRedactor, type Redactor } from '../log/redactor';
import { NZBGET_USER } from '../stack/nzbget-conf';
import { QBITTORRENT_USER } from '../stack/qbittorrent-conf';
import { npmAdminEmail } from './clients/npm';
import { ARR_UI_USER } from './steps/radarr-sonarr-stack-wiring';

export interface LoginVault {
  get(name: SecretName): Promise<string | null>;
}

const local = (port: number) => `http://localhost:${port}`;

/** The logins this config has, in the order the user meets them; the values come from the same constants the
 *  seeding (stack/*-conf.ts) and the wiring (Arr forms auth, NPM identity) use, so they cannot drift apart. */
export function loginsFor(cfg: StackConfig): Omit<Login, 'stored'>[] {
  const out: Omit<Login, 'stored'>[] = [];
  if (cfg.services.qbittorrent)
    out.push({
      secret: 'qbittorrent.password',
      apps: 'qBittorrent',
      username: QBITTORRENT_USER,
      urls: [local(cfg.ports.qbittorrent)],
    });
  if (cfg.services.nzbget)
    out.push({ secret: 'nzbget.password', apps: 'NZBGet', username: NZBGET_USER, urls: [local(cfg.ports.nzbget)] });
  out.push({
    secret: 'arr.ui_password',
    apps: 'Radarr, Sonarr, Prowlarr',
    username: ARR_UI_USER,
    urls: [local(cfg.ports.radarr), local(cfg.ports.sonarr), local(cfg.ports.prowlarr)],
  });
  const proxy = cfg.services.proxy;
  if (proxy.enabled && proxy.acmeEmail)
    out.push({
      secret: 'proxy.admin_password',
      apps: 'Nginx Proxy Manager',
      username: npmAdminEmail(proxy.acmeEmail),
      urls: [local(cfg.ports.proxyAdmin)],
    });
  return out;
}

/** The logins with whether the vault holds each password; the values themselves stay in the vault. */
export async function listLogins(cfg: StackConfig | null, vault: LoginVault): Promise<Login[]> {
  if (!cfg) return [];
  const out: Login[] = [];
  for (const l of loginsFor(cfg)) out.push({ ...l, stored: (await vault.get(l.secret)) !== null });
  return out;
}

export const isLoginSecret = (name: string): name is LoginSecretName =>
  (loginSecretNames as readonly string[]).includes(name);

/**
 * One generated login password, for the user who clicked "Show" or "Copy". Everything else in the vault (VPN and NAS
 * credentials the user typed, API keys, the Plex token) is refused: those never leave the vault (docs/decisions.md D4).
 * The value is handed to the redactor first, so a log line or error that ever carried it would print [REDACTED].
 */
export async function revealLogin(
  name: SecretName,
  vault: LoginVault,
  redactor: Redactor = secretRedactor,
): Promise<{ name: SecretName; password: string }> {
  if (!isLoginSecret(name))
    throw new UpsFailure({
      code: 'FORBIDDEN',
      field: 'name',
      message: `${name} is not a login this app generated, so it is never shown.`,
      fix: 'Only the generated service logins listed under Logins can be shown; to change another secret, replace it under Credentials.',
    });
  const password = await vault.get(name);
  if (password === null)
    throw new UpsFailure({
      code: 'NOT_FOUND',
      field: 'name',
      message: `No password is stored for ${name}.`,
      fix: 'Run the setup again: it generates the missing login and sets it in the service.',
    });
  redactor.add(password);
  return { name, password };
}
