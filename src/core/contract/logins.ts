// logins.*: the service logins this app generated (user name + where), and one password on an explicit request.
import * as z from 'zod';
import { SecretNameSchema, type SecretName } from './secret-names';

/**
 * The only vault entries logins.reveal may answer: web-UI passwords the app generated itself (stack-secrets.ts).
 * API keys, the Plex token, NAS and VPN credentials the user typed are never handed back (docs/decisions.md D4).
 */
export const loginSecretNames = [
  'qbittorrent.password',
  'nzbget.password',
  'arr.ui_password',
  'proxy.admin_password',
] as const satisfies readonly SecretName[];
export type LoginSecretName = (typeof loginSecretNames)[number];

export const LoginSchema = z.object({
  /** The vault entry holding the password: what logins.reveal takes. */
  secret: SecretNameSchema,
  /** The apps that accept this login, as the user knows them ("Radarr, Sonarr, Prowlarr"). */
  apps: z.string(),
  username: z.string(),
  /** Where the login page is on this PC (http://localhost:<published port>), one per app. */
  urls: z.array(z.string()),
  /** Whether the vault holds the password (false after a vault reset: setup generates it again). */
  stored: z.boolean(),
});
export type Login = z.infer<typeof LoginSchema>;

export const LoginsSchema = z.object({ logins: z.array(LoginSchema) });
export type Logins = z.infer<typeof LoginsSchema>;

export const LoginRevealInputSchema = z.object({ name: SecretNameSchema }).strict();
export const LoginRevealSchema = z.object({ name: SecretNameSchema, password: z.string() });
export type LoginReveal = z.infer<typeof LoginRevealSchema>;
