// Contract for the Plex sign-in: start gives the page to open, poll says whether the user approved yet.
// The token itself never crosses the contract: it goes from plex.tv straight into the vault.
import * as z from 'zod';
import { FixActionSchema } from './fix-action';

export const PlexSignInStartSchema = z.object({
  /** plex.tv's PIN id, handed back to plex.signin.poll. */
  pinId: z.number().int().positive(),
  /** Open in the user's browser; the PIN code travels in the URL fragment. */
  authUrl: z.url(),
});
export type PlexSignInStartResult = z.infer<typeof PlexSignInStartSchema>;

export const PlexSignInPollInputSchema = z.object({ pinId: z.number().int().positive() }).strict();

/**
 * Claiming is tried right after approval; before install there is no server yet and the install claims it once Plex
 * is up; when Plex cannot be reached, the wiring (step plex.claim) claims it later.
 */
export const PlexClaimOutcomeSchema = z.object({
  ok: z.boolean(),
  detail: z.string(),
  fix: z.string().optional(),
  action: FixActionSchema.optional(),
});
export type PlexClaimOutcome = z.infer<typeof PlexClaimOutcomeSchema>;

/** Who signed in, from plex.tv's account answer: the username only (never the token, the e-mail or the rest). */
export const PlexAccountSchema = z.object({ username: z.string().min(1) });

export const PlexSignInPollSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('waiting') }),
  /** account is null when plex.tv stored the sign-in but would not say who it is (shown as "signed in"). */
  z.object({ status: z.literal('signed-in'), account: PlexAccountSchema.nullable(), claim: PlexClaimOutcomeSchema }),
]);
export type PlexSignInPoll = z.infer<typeof PlexSignInPollSchema>;

/** plex.account: the stored sign-in's account (null when none is stored) and what the installed Plex server says. */
export const PlexAccountStatusSchema = z.object({
  account: PlexAccountSchema.nullable(),
  server: z.enum(['claimed', 'unclaimed', 'not-installed', 'unreachable']),
});
export type PlexAccountStatus = z.infer<typeof PlexAccountStatusSchema>;
