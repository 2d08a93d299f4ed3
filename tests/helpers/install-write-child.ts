// The child process of the kill -9 trials: writes stack file sets through the real writer in a loop, alternating
// configs, until the test kills it. argv: mode base configDir catalogDir firstIndex.
import { loadCatalog } from '../../src/core/stack/catalog';
import { writeStack } from '../../src/core/stack/write-stack';
import { memoryVault, trialConfig, type TrialMode } from './install-write-trials';

const [mode, base, configDir, catalogDir, first] = process.argv.slice(2) as [TrialMode, string, string, string, string];
const catalog = await loadCatalog(catalogDir);
const vault = memoryVault();
process.stdout.write('ready\n');
for (let i = Number(first); ; i++) {
  // One mark per write, so the test can kill inside a warm write rather than during start-up.
  process.stdout.write('w\n');
  const w = await writeStack(trialConfig(mode, base, i), {
    catalog,
    vault,
    ...(mode === 'install' ? { configDir } : {}),
  });
  if (!w.ok) {
    process.stderr.write(`${JSON.stringify(w.errors)}\n`);
    process.exit(3);
  }
}
