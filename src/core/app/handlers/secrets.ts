// Use cases of the vault: which secrets are set, store one (a replaced download-client password reaches the client and
// the apps that use it first), delete one. No call here returns a stored value (docs/decisions.md D4).
import { deleteSecret, secretsStatus } from '../../vault/secrets-service';
import { storeSecret } from '../../wiring/engine/replace-client-password';
import type { AppContext, HandlerGroup } from '../app-context';

export function secretHandlers({ deps, publish }: AppContext): HandlerGroup {
  return {
    'secrets.status': () => secretsStatus(deps.vault, deps.platform),
    'secrets.set': (input) =>
      storeSecret(
        { source: deps.wiring, vault: deps.vault, progress: (progress) => publish({ type: 'progress', progress }) },
        input,
      ),
    'secrets.delete': async ({ name }) => ({ name, deleted: await deleteSecret(deps.vault, name, deps.platform) }),
  };
}
