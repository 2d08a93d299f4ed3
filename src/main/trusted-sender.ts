// Only our own renderer, loaded from our own file, may call the App service over IPC.
import { pathToFileURL } from 'node:url';

export function isTrustedSenderUrl(frameUrl: string | undefined, rendererIndex: string): boolean {
  if (!frameUrl) return false;
  try {
    const expected = pathToFileURL(rendererIndex);
    const actual = new URL(frameUrl);
    return actual.protocol === 'file:' && actual.pathname === expected.pathname;
  } catch {
    return false;
  }
}
