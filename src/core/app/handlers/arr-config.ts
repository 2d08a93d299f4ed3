// Use cases of arr.yml (docs/decisions.md D32): the Indexers dialog (definitions, list, add) and "keep the service's
// value in the file" for a drift the wiring plan shows.
import { installedStackOf } from '../../wiring/wiring-source';
import {
  addIndexer,
  adoptIntoArrConfig,
  indexerDefinitions,
  listIndexers,
  type IndexerServiceDeps,
} from '../../wiring/indexer-service';
import type { AppContext, HandlerGroup } from '../app-context';

export function arrConfigHandlers({ deps }: AppContext): HandlerGroup {
  const service: IndexerServiceDeps = { stack: () => installedStackOf(deps.installRoot), vault: deps.vault };
  return {
    'indexers.definitions': (input) => indexerDefinitions(service, input),
    'indexers.list': () => listIndexers(service),
    'indexers.add': (input) => addIndexer(service, input),
    'arrConfig.adopt': (input) => adoptIntoArrConfig(service, input),
  };
}
