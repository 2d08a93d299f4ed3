// `npm run bench`: runs each scenario and prints one JSON line per metric. Add scenarios to the list below.
import type { Scenario } from './metric';
import { foundationScenario } from './scenarios/foundation';
import { stackScenario } from './scenarios/stack';
import { wiringScenario } from './scenarios/wiring';
import { wiringArrScenario } from './scenarios/wiring-arr';
import { wiringFullScenario } from './scenarios/wiring-full';
import { migrateScenario } from './scenarios/migrate';
import { migrateRsyncScenario } from './scenarios/migrate-rsync';
import { vaultScenario } from './scenarios/vault';
import { engineScenario } from './scenarios/engine';
import { uiScenario } from './scenarios/ui';
import { cliStartupScenario } from './scenarios/cli-startup';
import { chainScenario } from './scenarios/chain';
import { arrConfigScenario } from './scenarios/arr-config';
import { stackMoveScenario } from './scenarios/stack-move';

const scenarios: [string, Scenario][] = [
  ['foundation', foundationScenario],
  ['stack', stackScenario],
  ['wiring-arr', wiringArrScenario],
  ['migrate', migrateScenario],
  ['migrate-rsync', migrateRsyncScenario],
  ['vault', vaultScenario],
  ['wiring', wiringScenario],
  ['wiring-full', wiringFullScenario],
  ['engine', engineScenario],
  ['ui', uiScenario],
  ['cli-startup', cliStartupScenario],
  ['chain', chainScenario],
  ['arr-config', arrConfigScenario],
  ['stack-move', stackMoveScenario],
];

const only = process.argv[2];
let failed = false;
for (const [name, run] of scenarios) {
  if (only && only !== name) continue;
  try {
    for (const m of await run()) process.stdout.write(`${JSON.stringify(m)}\n`);
  } catch (err) {
    failed = true;
    process.stdout.write(
      `${JSON.stringify({ name: `${name}.error`, value: 0, unit: 'n/a', note: err instanceof Error ? err.message : String(err) })}\n`,
    );
  }
}
process.exitCode = failed ? 1 : 0;
