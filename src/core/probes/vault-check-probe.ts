// Can we keep secrets in the OS credential vault? Nothing falls back to a file when we cannot.
import type { Probe } from './probe';

export const vaultProbe: Probe = {
  id: 'vault.usable',
  title: 'Credential vault usable',
  applies: () => true,
  async check(ctx) {
    const v = await ctx.vault();
    if (v.usable) return { state: 'ok', detail: `${v.backend} stores and returns secrets.`, fixes: [] };
    return {
      state: 'fail',
      detail: `${v.backend} is not usable: ${v.reason ?? 'unknown reason'}. Secrets are never written to a file instead.`,
      fixes:
        ctx.platform === 'win32'
          ? [
              {
                kind: 'steps',
                text: 'Sign in to Windows with your own account (Credential Manager is per user) and run the checks again.',
              },
            ]
          : [
              {
                kind: 'steps',
                text: 'Run inside a desktop session with a Secret Service (gnome-keyring or KWallet) unlocked, or start Ultimate Plex Stack from a shell that has one, then run the checks again.',
                command:
                  'dbus-run-session -- sh -c "echo -n PASSWORD | gnome-keyring-daemon --unlock --components=secrets; exec $SHELL"',
              },
            ],
    };
  },
};
