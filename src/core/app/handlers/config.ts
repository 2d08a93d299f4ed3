// Use cases over the stack config: the installed config as the doors show it (secrets as set/unset only), and the
// secrets a config about to be installed needs. Each is one call into stack/config-report.ts.
import { secretsForConfig, showStackConfig } from '../../stack/config-report';
import type { AppContext, HandlerGroup } from '../app-context';

export function configHandlers({ deps }: AppContext): HandlerGroup {
  return {
    'stack.config.show': () => showStackConfig({ installRoot: deps.installRoot, vault: deps.vault }),
    'stack.config.secrets': ({ config }) => secretsForConfig(config, deps.vault),
  };
}
