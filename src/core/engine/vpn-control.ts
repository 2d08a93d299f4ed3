// Gluetun's control server, asked from inside the `vpn` container (it listens on 127.0.0.1:8000 there; D14: we go
// through the engine, not a host port). GET /v1/vpn/status → {"status":"running"}, GET /v1/publicip/ip →
// {"public_ip":"…"}; since gluetun v3.39.1 the API key travels in the X-API-Key header. No `wget -T`: busybox
// builds segfault on it (DESIGN §5); the exec timeout bounds the call instead.
import type Docker from 'dockerode';
import * as z from 'zod';
import { execIn } from './vpn-exec';

const VpnStatusSchema = z.object({ status: z.string() });
const PublicIpSchema = z.object({ public_ip: z.string() });

export interface ControlAnswer<T> {
  ok: boolean;
  value?: T;
  error?: string;
}

/** The key goes in through the exec environment, never on the command line (it would show in `ps` and inspect). */
async function getJson(
  docker: Docker,
  vpnId: string,
  path: string,
  apiKey: string | null,
  port: number,
): Promise<ControlAnswer<unknown>> {
  const script = `wget -q -O - ${apiKey ? '--header "X-API-Key: $UPS_CONTROL_KEY" ' : ''}http://127.0.0.1:${port}${path}`;
  try {
    const r = await execIn(docker, vpnId, ['sh', '-c', script], {
      env: apiKey ? [`UPS_CONTROL_KEY=${apiKey}`] : [],
      timeoutMs: 15_000,
    });
    if (r.exitCode !== 0)
      return {
        ok: false,
        error: `control server ${path} failed (exit ${r.exitCode}${r.stderr.trim() ? `: ${r.stderr.trim().replaceAll(apiKey ?? '\0', '«redacted»')}` : ''})`,
      };
    return { ok: true, value: JSON.parse(r.stdout) as unknown };
  } catch (err) {
    return {
      ok: false,
      error: `control server ${path} unreachable: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

export async function readTunnelStatus(
  docker: Docker,
  vpnId: string,
  apiKey: string | null,
  port = 8000,
): Promise<ControlAnswer<string>> {
  const a = await getJson(docker, vpnId, '/v1/vpn/status', apiKey, port);
  if (!a.ok) return { ok: false, error: a.error };
  const p = VpnStatusSchema.safeParse(a.value);
  return p.success
    ? { ok: true, value: p.data.status }
    : { ok: false, error: `control server answered an unexpected /v1/vpn/status shape: ${JSON.stringify(a.value)}` };
}

export async function readVpnPublicIp(
  docker: Docker,
  vpnId: string,
  apiKey: string | null,
  port = 8000,
): Promise<ControlAnswer<string>> {
  const a = await getJson(docker, vpnId, '/v1/publicip/ip', apiKey, port);
  if (!a.ok) return { ok: false, error: a.error };
  const p = PublicIpSchema.safeParse(a.value);
  return p.success
    ? { ok: true, value: p.data.public_ip }
    : { ok: false, error: `control server answered an unexpected /v1/publicip/ip shape: ${JSON.stringify(a.value)}` };
}
