// The host variables a compose child may inherit, in a module of its own: the composition reads it for every door,
// and it must not load the compose runner (execa) to do so (bench cli-startup).

/** What compose needs from the host to find the engine and run; nothing else is inherited, so a host variable
 *  (TZ, PUID, a stray UPS_…) can never shadow the stack's .env or a vault secret. */
const INHERITED = ['PATH', 'HOME', 'DOCKER_HOST', 'DOCKER_CONFIG', 'DOCKER_CONTEXT', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY', 'DOCKER_TLS', 'SSH_AUTH_SOCK', 'SystemRoot', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'ProgramData', 'ProgramFiles', 'TEMP', 'TMP'];

/** The part of a host environment compose may see; the composition calls this once with the real environment. */
export function inheritedHostEnv(host: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of INHERITED) if (host[k]) env[k] = host[k];
  return env;
}

