// Calls the screens want before the contract has them: the App service answers UNKNOWN_CHANNEL, and the screen says so.
import type { Channel, Envelope, UpsApi, UpsError } from '../core/contract';

/** Invoke a channel by name even if calls.ts does not list it yet; the answer is the real envelope from the App service. */
export function invokeByName(api: UpsApi, channel: string, input: unknown = {}): Promise<Envelope<unknown>> {
  return (api.invoke as unknown as (c: string, i: unknown) => Promise<Envelope<unknown>>)(channel, input);
}

export const notAvailable = (e: UpsError | undefined): boolean => e?.code === 'UNKNOWN_CHANNEL';

/** Calls that exist (the panels render through PendingFeature all the same, so a failing call shows cause + fix). */
export const panelChannels = { vpnCheck: 'vpn.check', links: 'links.test', locationCheck: 'stack.location.check' } as const satisfies Record<string, Channel>;

/**
 * Channels the screens are built for but that other issues deliver; named once so the day one lands the screen lights
 * up. Until then the App service's UNKNOWN_CHANNEL envelope is what the user sees (as "not available yet").
 */
export const pendingChannels = {} as const;
