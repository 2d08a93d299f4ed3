// Points installed services at other image references (a tag move of `ups update`, or its undo): stack.yml's
// `images` change and compose.yaml/.env are regenerated through the validating, atomic writer (previous kept).
import { UpsFailure } from '../contract';
import { readInstalledStack } from '../wiring/engine/stack-wiring-source';
import { loadCatalog } from './catalog';
import { firstOfErrors } from './stack-handlers';
import type { StackVault } from './stack-secrets';
import { writeStack } from './write-stack';

export async function moveStackImages(installRoot: () => Promise<string | null>, vault: StackVault, images: Record<string, string>): Promise<void> {
  const cfg = await readInstalledStack(installRoot);
  if (!cfg) throw new UpsFailure({ code: 'NOT_FOUND', message: 'No stack is installed yet, so no image can be changed.', fix: 'Run the setup wizard (or `ups init`) first.' });
  const w = await writeStack({ ...cfg, images: { ...cfg.images, ...images } }, { catalog: await loadCatalog(), vault });
  if (!w.ok) throw firstOfErrors(w.errors);
}
