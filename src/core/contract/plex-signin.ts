// Contract for the Plex sign-in (issue 7 §4): start gives the page to open, poll says whether the user approved yet.
// The token itself never crosses the contract: it goes from plex.tv straight into the vault.
import { z } from 'zod';

export const PlexSignInStartSchema = z.object({
  /** plex.tv's PIN id, handed back to plex.signin.poll. */
  pinId: z.number().int().positive(),
  /** Open in the user's browser; the PIN code travels in the URL fragment. */
  authUrl: z.url(),
});
export type PlexSignInStartResult = z.infer<typeof PlexSignInStartSchema>;

export const PlexSignInPollInputSchema = z.object({ pinId: z.number().int().positive() }).strict();

/** Claiming is tried right after approval; when Plex cannot be reached, `ups apply` claims it later (step plex.claim). */
export const PlexClaimOutcomeSchema = z.object({ ok: z.boolean(), detail: z.string(), fix: z.string().optional() });

export const PlexSignInPollSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('waiting') }),
  z.object({ status: z.literal('signed-in'), claim: PlexClaimOutcomeSchema }),
]);
export type PlexSignInPoll = z.infer<typeof PlexSignInPollSchema>;
