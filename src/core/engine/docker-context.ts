// Reads a Docker CLI context from the Docker config dir, where `docker context create/use` keeps it, so the app
// follows the same engine the user's `docker` command does (docs/decisions.md D14).
//
// Layout, as read in github.com/docker/cli at tag v28.2.2:
// - config dir: $DOCKER_CONFIG, else ~/.docker (cli/config/config.go, EnvOverrideConfigDir, configFileDir);
//   `currentContext` in its config.json (cli/config/configfile/file.go);
// - contexts/meta/<sha256(name) hex>/meta.json = {"Name", "Metadata", "Endpoints": {"docker": {"Host",
//   "SkipTLSVerify"}}} (cli/config/config.go contextsDir; cli/context/store/store.go Metadata and contextdirOf =
//   digest.FromString(name).Encoded(); cli/context/store/metadatastore.go metadataDir/metaFile;
//   cli/context/endpoint.go EndpointMetaBase; cli/context/docker/constants.go DockerEndpoint = "docker");
// - contexts/tls/<sha256(name) hex>/docker/{ca,cert,key}.pem (cli/context/store/tlsstore.go; cli/context/tlsdata.go).
// "default" is no stored context: it is the platform's default engine (cli/context/store/store.go).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DockerContext {
  name: string;
  /** The docker endpoint's Host, e.g. tcp://nas:2376 or ssh://me@nas. */
  host: string;
  skipTlsVerify: boolean;
  /** The folder holding the context's ca.pem / cert.pem / key.pem, when it has TLS material. */
  tlsDir?: string;
}

/** The Docker config dir the CLI uses: $DOCKER_CONFIG, else <home>/.docker. */
export function dockerConfigDir(env: NodeJS.ProcessEnv, home: string): string {
  return env.DOCKER_CONFIG || join(home, '.docker');
}

/** The context the CLI would use when neither --host nor DOCKER_HOST is set: DOCKER_CONTEXT, then config.json. */
export function currentContextName(env: NodeJS.ProcessEnv, configDir: string): string | undefined {
  if (env.DOCKER_CONTEXT) return env.DOCKER_CONTEXT;
  const file = join(configDir, 'config.json');
  if (!existsSync(file)) return undefined;
  try {
    const cfg = JSON.parse(readFileSync(file, 'utf8')) as { currentContext?: unknown };
    return typeof cfg.currentContext === 'string' && cfg.currentContext ? cfg.currentContext : undefined;
  } catch (err) {
    throw new Error(`${file} is not valid JSON (${(err as Error).message}); fix or remove it.`);
  }
}

export function contextDirName(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

/** Reads a named context; throws a plain message naming the file when it is missing or not understood. */
export function readDockerContext(configDir: string, name: string): DockerContext {
  const id = contextDirName(name);
  const file = join(configDir, 'contexts', 'meta', id, 'meta.json');
  if (!existsSync(file))
    throw new Error(
      `Docker context "${name}" was not found (no ${file}). Run \`docker context ls\` and pick an existing one.`,
    );
  let meta: { Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } } };
  try {
    meta = JSON.parse(readFileSync(file, 'utf8')) as typeof meta;
  } catch (err) {
    throw new Error(`Docker context "${name}": ${file} is not valid JSON (${(err as Error).message}).`);
  }
  const ep = meta.Endpoints?.docker;
  if (!ep || typeof ep.Host !== 'string' || !ep.Host)
    throw new Error(`Docker context "${name}" has no docker endpoint host in ${file}.`);
  const tlsDir = join(configDir, 'contexts', 'tls', id, 'docker');
  return {
    name,
    host: ep.Host,
    skipTlsVerify: ep.SkipTLSVerify === true,
    ...(existsSync(join(tlsDir, 'ca.pem')) || existsSync(join(tlsDir, 'cert.pem')) ? { tlsDir } : {}),
  };
}
