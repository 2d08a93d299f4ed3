// An App service with production modules but test-chosen project, install root and vault service name.
import { createAppService, type AppService } from '../../src/core/app/app-service';
import { createDockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { detectCompose } from '../../src/core/engine/compose-detect';
import { createKeytarVault } from '../../src/core/vault/keytar-vault';

export function createTestApp(opts: { project: string; installRoot?: string | null; door?: 'cli' | 'browser' | 'electron' }): AppService {
  return createAppService({
    version: 'test',
    platform: process.platform,
    arch: process.arch,
    door: opts.door ?? 'browser',
    project: opts.project,
    installRoot: async () => opts.installRoot ?? null,
    endpoint: createDockerEndpoint(),
    detectCompose: () => detectCompose(),
    vault: createKeytarVault('UPS test vault'),
  });
}
