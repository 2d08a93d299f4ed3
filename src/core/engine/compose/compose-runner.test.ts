// The compose child process: always -p and -f, `--ansi never`, and an environment of engine variables + secrets only.
import { describe, expect, it } from 'vitest';
import { childEnv, composeArgv, type ComposeTarget } from './compose-runner';

const target = (command: string[]): ComposeTarget => ({
  compose: { available: true, variant: command.length > 1 ? 'v2' : 'v1', version: 'x', command },
  project: 'ups',
  file: '/srv/ups/compose.yaml',
  secretEnv: { UPS_VPN_CONTROL_API_KEY: 'k-123' },
  hostEnv: { PATH: '/bin', HOME: '/root', TZ: 'Mars/Olympus', UPS_VPN_CONTROL_API_KEY: 'from-host', PUID: '0' },
  env: { DOCKER_HOST: 'unix:///x.sock' },
});

describe('composeArgv', () => {
  it('v2: docker compose … -p ups -f file verb args', () => {
    expect(composeArgv(target(['docker', 'compose']), 'up', ['-d', 'radarr'])).toEqual({ file: 'docker', argv: ['compose', '--ansi', 'never', '-p', 'ups', '-f', '/srv/ups/compose.yaml', 'up', '-d', 'radarr'] });
  });
  it('v1: docker-compose with the same flags', () => {
    expect(composeArgv(target(['docker-compose']), 'stop', [])).toEqual({ file: 'docker-compose', argv: ['--ansi', 'never', '-p', 'ups', '-f', '/srv/ups/compose.yaml', 'stop'] });
  });
});

describe('childEnv', () => {
  it('passes engine variables and secrets, never other host variables', () => {
    const env = childEnv(target(['docker-compose']));
    expect(env).toEqual({ PATH: '/bin', HOME: '/root', DOCKER_HOST: 'unix:///x.sock', UPS_VPN_CONTROL_API_KEY: 'k-123' });
  });
});
