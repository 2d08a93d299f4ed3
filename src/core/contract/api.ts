// The one object every door gives the renderer as `window.ups`.
import type { CallInput, CallOutput, Channel } from './calls';
import type { Envelope } from './envelope';
import type { PushListener } from './progress';

export interface UpsApi {
  invoke<C extends Channel>(channel: C, input: CallInput<C>): Promise<Envelope<CallOutput<C>>>;
  /** Returns the function that unsubscribes. */
  subscribe(listener: PushListener): () => void;
}
