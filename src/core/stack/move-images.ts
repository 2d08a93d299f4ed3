// Points installed services at other image references (a tag move of a stack update, or its undo): stack.yml's
// `images` change and compose.yaml/.env are regenerated through the validating, atomic writer (previous kept).
import { UpsFailure, type StackConfig } from '../contract';
import { readInstalledStack } from '../install/read-installed-stack';
import { notInstalled } from '../install/not-installed';
import { loadCatalog } from './catalog';
import type { StackVault } from './stack-secrets';
import { writeStack } from './write-stack';

export async function moveStackImages(
  installRoot: () => Promise<string | null>,
  vault: StackVault,
  images: Record<string, string>,
  /** Runs on the installed config before anything is written (its images are still the ones on the engine). */
  beforeWrite?: (cfg: StackConfig) => Promise<void>,
): Promise<void> {
  const root = await installRoot();
  const cfg = root ? await readInstalledStack(root) : null;
  if (!cfg) throw notInstalled('so no image can be changed');
  await beforeWrite?.(cfg);
  const w = await writeStack({ ...cfg, images: { ...cfg.images, ...images } }, { catalog: await loadCatalog(), vault });
  if (!w.ok) throw new UpsFailure(w.errors[0]!);
}
