// Sets a new web UI / control password in qBittorrent or NZBGet by signing in with the stored one, through each
// client's own API; nothing is stored here (the caller writes the vault only once the client took the change).
import { UpsFailure } from '../../contract';
import { fixAction } from '../../contract/fix-action';
import type { HttpCall } from '../../http/http-json';
import { createNzbgetClient } from '../clients/nzbget-client';
import { createQbittorrentClient, type QbittorrentClient } from '../clients/qbittorrent-client';
import { setNzbgetOption } from '../steps/nzbget-steps';

/** The vault entries whose replacement must reach a client first (docs/decisions.md D4 names). */
export const downloadClientSecrets = ['qbittorrent.password', 'nzbget.password'] as const;
export type DownloadClientSecret = (typeof downloadClientSecrets)[number];

export function isDownloadClientSecret(name: string): name is DownloadClientSecret {
  return (downloadClientSecrets as readonly string[]).includes(name);
}

export interface ClientPasswordChange {
  /** The service id (`qbittorrent`) and how a user names it (`qBittorrent`). */
  service: 'qbittorrent' | 'nzbget';
  label: string;
  /**
   * Signs in with `current` (the stored password) and makes `next` the client's password. `already` when `next`
   * opens the client already (the user changed it there by hand). Throws a UpsFailure when the client refuses.
   */
  change(current: string | null, next: string, say: (message: string) => void): Promise<'changed' | 'already'>;
}

interface ClientAt {
  baseUrl: string;
  username: string;
  timeoutMs?: number;
  onCall?: (call: HttpCall) => void;
}

function neitherOpens(label: string, where: string, name: DownloadClientSecret): UpsFailure {
  return new UpsFailure({
    code: 'UNAUTHORIZED',
    message: `${label} at ${where} accepts neither the stored password nor the new one, so nothing was changed and the stored password was kept.`,
    fix: `Store the password ${label} uses now (the one you set in its web UI); the apps are then given that one.`,
    action: fixAction('secrets.set', { name }, `Store the password ${label} uses now`),
  });
}

/** true when the login opens a session, false when the client refuses it; anything else (unreachable…) is thrown. */
async function opens(client: { loggedInWith(): Promise<unknown> }): Promise<boolean> {
  try {
    await client.loggedInWith();
    return true;
  } catch (err) {
    if (err instanceof UpsFailure && err.error.code === 'UNAUTHORIZED') return false;
    throw err;
  }
}

/**
 * qBittorrent: `POST /api/v2/app/setPreferences` with `web_ui_password`, plain text and write-only for Web API ≥ 2.3.0
 * (qbittorrent/wiki `WebUI-API-(qBittorrent-5.0).md` and `-4.1).md`, master@64e1d91, "Set application preferences").
 * The old password is tried first and the new one only after a refusal: every failed login counts towards the ban
 * (WebUI\MaxAuthenticationFailCount, see qbittorrent-client.ts), so at most one failure is spent here.
 */
export function qbittorrentPasswordChange(at: ClientAt): ClientPasswordChange {
  const make = (password: string): QbittorrentClient =>
    createQbittorrentClient({
      baseUrl: at.baseUrl,
      credential: { username: at.username, password },
      timeoutMs: at.timeoutMs,
      onCall: at.onCall,
    });
  return {
    service: 'qbittorrent',
    label: 'qBittorrent',
    async change(current, next, say) {
      if (current !== null && current !== next) {
        const old = make(current);
        if (await opens(old)) {
          say('qBittorrent: signed in with the stored password, setting the new one');
          await old.setPreferences({ web_ui_password: next });
          // A fresh session proves the new password works before the vault is told about it.
          if (!(await opens(make(next))))
            throw new UpsFailure({
              code: 'UNAUTHORIZED',
              message: `qBittorrent at ${old.where} took the new password but then refused it, so the stored password was kept.`,
              fix: 'Open qBittorrent (Tools → Options → Web UI), set the password you want there, then store that password here.',
              action: fixAction(
                'secrets.set',
                { name: 'qbittorrent.password' },
                'Store the password qBittorrent uses now',
              ),
            });
          return 'changed';
        }
      }
      const fresh = make(next);
      if (await opens(fresh)) return 'already';
      throw neitherOpens('qBittorrent', fresh.where, 'qbittorrent.password');
    },
  };
}

/**
 * NZBGet: `loadconfig` → the same list with ControlPassword replaced → `saveconfig` (saves exactly the list it gets)
 * → `reload` (nzbgetcom/nzbget docs/api/LOADCONFIG.md, SAVECONFIG.md, RELOAD.md, develop@063e1cd). The new password is
 * tried first because NZBGet has no login ban; once it answers, the client was changed already.
 */
export function nzbgetPasswordChange(at: ClientAt): ClientPasswordChange {
  return {
    service: 'nzbget',
    label: 'NZBGet',
    async change(current, next, say) {
      const credential = (password: string) => ({ username: at.username, password });
      const client = createNzbgetClient({
        baseUrl: at.baseUrl,
        credential: credential(next),
        ...(current !== null && current !== next ? { initial: credential(current) } : {}),
        timeoutMs: at.timeoutMs,
        onCall: at.onCall,
      });
      let login: 'credential' | 'initial';
      try {
        login = await client.loggedInWith();
      } catch (err) {
        if (err instanceof UpsFailure && err.error.code === 'UNAUTHORIZED')
          throw neitherOpens('NZBGet', client.where, 'nzbget.password');
        throw err;
      }
      if (login === 'credential') return 'already';
      say('NZBGet: signed in with the stored password, saving the new one');
      const options = (await client.loadConfig()).map((o) => ({ ...o }));
      setNzbgetOption(options, 'ControlPassword', next);
      await client.saveConfig(options);
      say('NZBGet: reloading with the new password');
      // The reload is sent with the old login; NZBGet comes back with the new one, which the wait then uses.
      await client.reloadAndWait({ adoptCredential: true });
      return 'changed';
    },
  };
}
