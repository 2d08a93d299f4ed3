import { describe, expect, it } from 'vitest';
import { defaultEndpointLabel, dockerOptionsFor } from './docker-endpoint';

describe('docker endpoint', () => {
  it('defaults to the named pipe on Windows and the socket elsewhere', () => {
    expect(defaultEndpointLabel({}, 'win32')).toBe('npipe:////./pipe/docker_engine');
    expect(defaultEndpointLabel({}, 'linux')).toBe('unix:///var/run/docker.sock');
    expect(defaultEndpointLabel({ DOCKER_HOST: 'tcp://nas:2375' }, 'win32')).toBe('tcp://nas:2375');
  });

  it('parses the transports', () => {
    expect(dockerOptionsFor('unix:///tmp/x/docker.sock')).toEqual({ socketPath: '/tmp/x/docker.sock' });
    expect(dockerOptionsFor('npipe:////./pipe/docker_engine')).toEqual({ socketPath: '\\\\.\\pipe\\docker_engine' });
    expect(dockerOptionsFor('tcp://10.0.0.5:2376')).toEqual({ host: '10.0.0.5', port: 2376, protocol: 'http' });
  });
});
