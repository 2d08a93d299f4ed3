// secrets.set for a download-client password on an installed stack: the client first, then the vault, then every app
// that signs in to the client, each reported as a progress step of one operation.
import { randomUUID } from 'node:crypto';
import { UpsFailure, type ProgressEvent } from '../../contract';
import type { SecretName } from '../../contract/secret-names';
import type { SecretSetResult } from '../../contract/secrets';
import type { WiringSource } from '../wiring-source';
import type { WiringStep } from '../wiring-types';
import { applyWiring } from './apply-wiring';
import { isDownloadClientSecret, type DownloadClientSecret } from './client-password';
import { stepError } from './plan-wiring';

export interface ReplaceSecretDeps {
  source: WiringSource;
  vault: { get(name: SecretName): Promise<string | null>; set(name: SecretName, value: string): Promise<void> };
  progress: (p: ProgressEvent) => void;
}

/** The client's own steps and every app's download-client entry for it; dependencies outside the set are dropped. */
function stepsFor(steps: WiringStep[], service: string): WiringStep[] {
  const picked = steps.filter((s) => s.service === service || s.id.endsWith(`.download-client.${service}`));
  const ids = new Set(picked.map((s) => s.id));
  return picked.map((s) => ({ ...s, dependsOn: s.dependsOn.filter((d) => ids.has(d)) }));
}

/**
 * Stores a secret. A replaced qBittorrent/NZBGet password is set in the client (signed in with the stored one) before
 * the vault changes, so a refusal leaves the stored password as it was and nothing is lost; then the apps' download-
 * client entries are written again with it. Any other secret, or a stack without that client, is simply stored.
 */
export async function storeSecret(
  deps: ReplaceSecretDeps,
  input: { name: SecretName; value: string; operationId?: string },
): Promise<SecretSetResult> {
  const { name, value } = input;
  const wiring = isDownloadClientSecret(name) ? await deps.source() : null;
  const change = wiring?.passwords?.[name as DownloadClientSecret];
  if (!change) {
    await deps.vault.set(name, value);
    return { name };
  }
  const operationId = input.operationId ?? randomUUID();
  const step = `secrets.${change.service}`;
  const tell = (current: number, message: string) => deps.progress({ operationId, step, current, total: 3, message });

  const current = await deps.vault.get(name);
  tell(0, `${change.label}: applying the new password`);
  let client: 'changed' | 'already';
  try {
    client = await change.change(current, value, (message) => tell(0, message));
  } catch (err) {
    const why = stepError(err);
    throw new UpsFailure({
      code: err instanceof UpsFailure ? err.error.code : 'INTERNAL',
      message: `${change.label} did not take the new password, so the stored one was kept: ${why.message}`,
      fix: why.fix,
      ...(why.action ? { action: why.action } : {}),
    });
  }
  tell(
    1,
    client === 'changed'
      ? `${change.label} now uses the new password`
      : `${change.label} already uses the new password`,
  );

  try {
    await deps.vault.set(name, value);
  } catch (err) {
    // The client holds the new password but the vault could not take it: put the client back so the two agree.
    if (client === 'changed' && current !== null) await change.change(value, current, () => undefined).catch(() => {});
    throw err;
  }
  tell(2, `Stored the new ${change.label} password; updating the apps that use ${change.label}`);

  const fresh = await deps.source({ replaced: [name as DownloadClientSecret] });
  const apps = await applyWiring(stepsFor(fresh?.steps ?? [], change.service), {
    operationId,
    progress: deps.progress,
  });
  tell(
    3,
    apps.ok
      ? `Every app that uses ${change.label} has the new password`
      : `${change.label} has the new password, but some apps could not be updated`,
  );
  return { name, propagated: { client, apps } };
}
