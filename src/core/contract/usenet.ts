// The Usenet news server NZBGet downloads from: everything but the password, which lives in the vault
// as `nzbget.server.password`. Written into NZBGet's Server1.* options by the wiring (wiring/steps/nzbget-server.ts).
import * as z from 'zod';

// Host names and addresses only: no scheme, no port, no spaces (NZBGet's Server1.Host is one bare host).
const HOST =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

const PORT_MESSAGE = 'must be a port from 1 to 65535: your provider lists it (usually 563 with TLS, 119 without)';
const CONNECTIONS_MESSAGE = "must be from 1 to 100: your provider's plan says how many connections you may use";

export const UsenetServerSchema = z
  .object({
    host: z
      .string()
      .trim()
      .refine((v) => HOST.test(v) || IPV4.test(v), {
        message: "must be your provider's news server name, like news.example.com (no http://, no port)",
      }),
    /** 563 is NNTP over TLS, 119 plain NNTP (RFC 4642 / RFC 3977); providers often offer 443 too. */
    port: z.number().int().min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE).default(563),
    /** NZBGet's Server1.Encryption; the certificate is checked strictly (Server1.CertVerification=strict). */
    tls: z.boolean().default(true),
    /** Empty when the provider needs no login; the password is the vault's nzbget.server.password. */
    username: z
      .string()
      .max(200)
      .regex(/^[^\r\n]*$/, { message: 'must be on one line' })
      .default(''),
    /** Server1.Connections: how many connections the provider allows (your plan says; 8 is a common floor). */
    connections: z.number().int().min(1, CONNECTIONS_MESSAGE).max(100, CONNECTIONS_MESSAGE).default(8),
  })
  .strict();
export type UsenetServer = z.infer<typeof UsenetServerSchema>;
export type UsenetServerInput = z.input<typeof UsenetServerSchema>;

/** The vault entry for the news server's password (contract/secret-names.ts). */
export const USENET_PASSWORD_SECRET = 'nzbget.server.password' as const;
