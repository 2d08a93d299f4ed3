// The one owner of "no stack is installed yet": the failure every use case gives before the first install, and the
// install-root lookup that gives it.
import { UpsFailure } from '../contract';
import { fixAction } from '../contract/fix-action';

/** NOT_FOUND with the setup as the fix; `consequence` says what cannot be done yet ("so no image can be changed"). */
export function notInstalled(consequence?: string): UpsFailure {
  return new UpsFailure({
    code: 'NOT_FOUND',
    message: consequence
      ? `No stack is installed yet, ${consequence}.`
      : 'No stack is installed yet (no install root is recorded).',
    fix: 'Run the setup first.',
    action: fixAction('setup.start'),
  });
}

/** The recorded install root, or the not-installed failure. */
export async function requireInstallRoot(installRoot: () => Promise<string | null>): Promise<string> {
  const root = await installRoot();
  if (!root) throw notInstalled();
  return root;
}
