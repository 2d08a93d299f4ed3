// What the Arr fakes do when a provider is tested: really connect, through a map that models the Docker network
// (container host:port → a loopback URL), like the real services' `Test()` of a download client or application.
import type { FakeReply } from './spec-fake-server';

type Json = Record<string, unknown>;

export interface NetworkTarget {
  url: string;
  /** Credentials the target accepts; a download client test fails with "Authentication failure" otherwise. */
  username?: string;
  password?: string;
}

/** Keyed `host:port` as seen from inside a container, e.g. `vpn:8080`, `radarr:7878`. */
export type FakeNetwork = Record<string, NetworkTarget>;

function fieldValue(p: Json, name: string): unknown {
  return ((p.fields as Json[] | undefined) ?? []).find((f) => f.name === name)?.value;
}

async function reachable(url: string, headers: Record<string, string> = {}): Promise<number | null> {
  try {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return null;
  }
}

export async function testDownloadClient(p: Json, network: FakeNetwork): Promise<string[]> {
  const name = String(p.implementationName ?? p.implementation);
  const target = network[`${String(fieldValue(p, 'host'))}:${String(fieldValue(p, 'port'))}`];
  if (!target || (await reachable(target.url)) === null) return [`Unable to connect to ${name}`];
  if (target.username !== undefined && (fieldValue(p, 'username') !== target.username || fieldValue(p, 'password') !== target.password)) {
    return ['Authentication failure'];
  }
  return [];
}

/** Prowlarr's application test calls the app's `system/status` with the API key it was given. */
export async function testApplication(p: Json, network: FakeNetwork): Promise<string[]> {
  const app = String(p.implementation);
  let hostPort = '';
  try {
    hostPort = new URL(String(fieldValue(p, 'baseUrl'))).host;
  } catch {
    return [`Invalid ${app} URL`];
  }
  const target = network[hostPort];
  if (!target) return [`Unable to complete application test, cannot connect to ${app}`];
  const status = await reachable(`${target.url}/api/v3/system/status`, { 'X-Api-Key': String(fieldValue(p, 'apiKey') ?? '') });
  if (status === 401) return ['Unauthorized - ApiKey is invalid'];
  if (status !== 200) return [`Unable to complete application test, cannot connect to ${app}`];
  return [];
}

/**
 * The real services answer a failed validation with HTTP 400 and a list of FluentValidation failures (shape of
 * `ValidationFailure` serialised by Servarr's `NzbDroneErrorPipeline`), which the OpenAPI files do not declare.
 */
export function failures(messages: string[], propertyName = ''): FakeReply {
  return {
    status: 400,
    offSpec: 'Servarr 400 validation-failure list (not in the OpenAPI files)',
    body: messages.map((errorMessage) => ({ isWarning: false, propertyName, errorMessage, severity: 'error' })),
  };
}
