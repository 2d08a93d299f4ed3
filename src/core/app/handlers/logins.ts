// Use cases of "See your logins": the installed stack's generated logins, and one password on an explicit request.
import { listLogins, revealLogin } from '../../wiring/service-logins';
import { installedStackOf } from '../../wiring/wiring-source';
import type { AppContext, HandlerGroup } from '../app-context';

export function loginHandlers({ deps }: AppContext): HandlerGroup {
  return {
    'logins.list': async () => ({ logins: await listLogins(await installedStackOf(deps.installRoot), deps.vault) }),
    'logins.reveal': ({ name }) => revealLogin(name, deps.vault),
  };
}
