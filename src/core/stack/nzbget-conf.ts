// nzbget.conf seeded into the nzbget-config volume before the first start: the image's own template with our login,
// paths and categories set, so the password never goes through NZBGET_PASS (which the nzbgetcom/nzbget v26.0
// docker/entrypoint.sh turns into `-o ControlPassword=…` on the command line, visible in `ps`).
import { usenetCategories } from './data-layout';

/** Where the entrypoint looks (`/config/nzbget.conf`, copied from the template only when absent): relative to the volume. */
export const NZBGET_CONF_PATH = 'nzbget.conf';
/** The template the nzbgetcom/nzbget image ships (docker/Dockerfile v26.0 installs it with `install-conf`). */
export const NZBGET_TEMPLATE_PATH = '/app/nzbget/share/nzbget/nzbget.conf';
export const NZBGET_MAIN_DIR = '/data/usenet';
/** The control user wiring logs in as (the password is the vault's nzbget.password). */
export const NZBGET_USER = 'nzbget';

export interface NzbgetSeed {
  username: string;
  password: string;
  mainDir?: string;
}

/**
 * Sets options in NZBGet's `Name=Value` file, replacing the first active line of each and appending the rest; comments
 * and every other option are kept. Values are single-line (NZBGet reads one option per line).
 */
export function setNzbgetOptions(text: string, options: Record<string, string>): string {
  for (const [k, v] of Object.entries(options))
    if (/[\r\n]/.test(k + v)) throw new Error(`nzbget.conf option ${k} must be a single line`);
  const done = new Set<string>();
  const lines = text.split('\n').map((line) => {
    const m = /^([A-Za-z0-9.]+)=/.exec(line);
    const name = m?.[1];
    if (!name || !(name in options) || done.has(name)) return line;
    done.add(name);
    return `${name}=${options[name]}`;
  });
  const rest = Object.entries(options).filter(([k]) => !done.has(k));
  if (lines.at(-1) === '') lines.pop();
  return `${[...lines, ...rest.map(([k, v]) => `${k}=${v}`)].join('\n')}\n`;
}

/** Category slots in the template (`CategoryN.Name`), so ours replace the stock ones in order rather than pile up. */
function categoryOptions(): Record<string, string> {
  const out: Record<string, string> = {};
  usenetCategories.forEach((c, i) => {
    out[`Category${i + 1}.Name`] = c.name;
    // Empty DestDir: NZBGet completes into DestDir/<name> (AppendCategoryDir=yes), the folder the layout pre-creates.
    out[`Category${i + 1}.DestDir`] = '';
  });
  // Stock categories beyond ours (Series/Music/Software) stay: they harm nothing and the user may use them.
  return out;
}

/** The one address NZBGet lets in without its password: the container's own loopback (healthcheck; see nzbgetSeedConfig). */
export const NZBGET_AUTHORIZED_IP = '127.0.0.1';

export function nzbgetSeedConfig(template: string, seed: NzbgetSeed): string {
  if (!/^ControlPassword=/m.test(template))
    throw new Error('The NZBGet image has no usable nzbget.conf template (no ControlPassword option).');
  const mainDir = seed.mainDir ?? NZBGET_MAIN_DIR;
  return setNzbgetOptions(template, {
    MainDir: mainDir,
    DestDir: '${MainDir}/complete',
    InterDir: '${MainDir}/incomplete',
    ControlUsername: seed.username,
    ControlPassword: seed.password,
    // Only processes in the container's own network namespace connect from 127.0.0.1 (a published port arrives from
    // the bridge): the healthcheck then needs no password. The image's template sets the same (Dockerfile v26.0 sed).
    AuthorizedIP: NZBGET_AUTHORIZED_IP,
    AppendCategoryDir: 'yes',
    ...categoryOptions(),
  });
}
