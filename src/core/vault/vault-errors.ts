// Turns what keytar/libsecret/Credential Manager throw into one clear error: what is wrong and how to fix it.
// Nothing falls back to a file: every problem here stops the operation.
import { UpsFailure } from '../contract/envelope';

export type VaultProblem = 'absent' | 'no-keyring' | 'locked' | 'timeout' | 'module' | 'error';

/** libsecret and D-Bus messages are English in practice; anything unrecognised is still reported, with its text. */
export function classifyVaultError(message: string): VaultProblem {
  if (/locked|prompt.*(dismissed|cancel)|IsLocked/i.test(message)) return 'locked';
  if (
    /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|not provided by any \.service|ServiceUnknown|Failed to connect to socket|Could not connect|Connection refused|No such file or directory/i.test(
      message,
    )
  )
    return 'absent';
  if (/collection\/login|No such secret collection|Object does not exist at path/i.test(message)) return 'no-keyring';
  if (
    /Cannot find module|Failed to load keytar native addon|compiled against a different Node\.js|NODE_MODULE_VERSION|invalid ELF|\.node/i.test(
      message,
    )
  )
    return 'module';
  if (/within \d+ ms/.test(message)) return 'timeout';
  return 'error';
}

// A shell inside a fresh D-Bus session with an unlocked keyring: the app (or its command line) started from it can use it.
const linuxStart = `dbus-run-session -- sh -c 'printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets; exec "$SHELL"'`;

export function vaultProblemText(
  problem: VaultProblem,
  backend: string,
  platform: NodeJS.Platform,
  raw: string,
): { message: string; fix: string } {
  const windows = platform === 'win32';
  switch (problem) {
    case 'absent':
      return {
        message: `No ${backend} is reachable in this session (${raw}).`,
        fix: windows
          ? 'Sign in to Windows with your own account: Credential Manager belongs to the signed-in user.'
          : `Run Ultimate Plex Stack inside a desktop session (GNOME Keyring or KWallet), or start it from a shell with its own Secret Service: ${linuxStart}`,
      };
    case 'no-keyring':
      return {
        message: `${backend} has no default keyring to store secrets in (${raw}).`,
        fix: windows
          ? 'Open Credential Manager once to initialise it, then try again.'
          : `Create and unlock a default ("login") keyring, e.g. start the daemon with --unlock: ${linuxStart}`,
      };
    case 'locked':
      return {
        message: `${backend} is locked, so secrets can be neither read nor stored.`,
        fix: windows
          ? 'Sign in to Windows again (unlock your session), then retry.'
          : 'Unlock the keyring (log in to the desktop session, or open "Passwords and Keys" and unlock "Login"), then retry.',
      };
    case 'timeout':
      return {
        message: `${backend} did not answer in time (${raw}); an unlock prompt may be waiting.`,
        fix: 'Answer or dismiss any keyring prompt on screen, then retry.',
      };
    case 'module':
      return {
        message: `The credential vault module could not be loaded (${raw}).`,
        fix: 'Reinstall Ultimate Plex Stack: its keytar module does not match this system.',
      };
    default:
      return {
        message: `${backend} failed: ${raw}`,
        fix: windows
          ? 'Restart Windows and retry; Credential Manager may be in a bad state.'
          : 'Check that gnome-keyring or KWallet is running and unlocked, then retry.',
      };
  }
}

/** The error every vault operation throws; `problem` lets probes and tests tell the cases apart. */
export class VaultError extends UpsFailure {
  constructor(
    readonly problem: VaultProblem,
    text: { message: string; fix: string },
  ) {
    super({ code: 'VAULT_UNAVAILABLE', message: text.message, fix: text.fix });
    this.name = 'VaultError';
  }
}

export function toVaultError(err: unknown, backend: string, platform: NodeJS.Platform): VaultError {
  if (err instanceof VaultError) return err;
  const raw = err instanceof Error ? err.message : String(err);
  const problem = classifyVaultError(raw);
  return new VaultError(problem, vaultProblemText(problem, backend, platform, raw));
}
