// vpn.nordvpn.derive: a NordVPN access token in, the credentials gluetun needs stored in the vault; the token itself
// is used once and never kept. Nothing secret comes back out: only the names of what was stored.
import * as z from 'zod';
import { SecretNameSchema } from './secret-names';

export const NordDeriveInputSchema = z
  .object({
    /** Nord Account → NordVPN → Set up NordVPN manually → Access token. */
    token: z
      .string()
      .trim()
      .min(16, 'an access token is a long string of letters and digits; copy the whole token')
      .max(512, 'that is longer than an access token; paste only the token')
      .regex(
        /^[A-Za-z0-9._~+/=-]+$/,
        'an access token has no spaces or "@"; paste the token, not your e-mail or password',
      ),
    /** WireGuard stores the NordLynx private key; OpenVPN stores the service user name and password. */
    type: z.enum(['openvpn', 'wireguard']),
  })
  .strict();
export type NordDeriveInput = z.infer<typeof NordDeriveInputSchema>;

export const NordDeriveResultSchema = z.object({ stored: z.array(SecretNameSchema) });
export type NordDeriveResult = z.infer<typeof NordDeriveResultSchema>;
