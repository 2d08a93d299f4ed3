// The value a secret's compose variable carries. Most go into the environment as stored; the NAS user and password
// are interpolated into a CIFS volume's `o=` option list (src/core/migrate/compose-rewrite.ts), where a comma ends the
// option: Docker's local driver hands `o` unchanged to mount(2) (moby v28.5.2 volume/local/local_unix.go,
// getMountOptions only rewrites `addr=`), and the kernel's CIFS parser reads a doubled comma as one literal comma
// inside a value (linux fs/smb/client/fs_context.c, smb3_fs_context_parse_monolithic), the same rule mount.cifs(8)
// applies when it builds the kernel options. So `pa,ss` travels as `pa,,ss`.
import type { SecretName } from '../contract/secret-names';

const IN_CIFS_OPTIONS: ReadonlySet<SecretName> = new Set<SecretName>(['nas.user', 'nas.password']);

export function composeEnvValue(name: SecretName, value: string): string {
  return IN_CIFS_OPTIONS.has(name) ? escapeCifsOptionValue(value) : value;
}

/** Doubles every comma so the kernel's option splitter keeps it inside the value. */
export function escapeCifsOptionValue(value: string): string {
  return value.replace(/,/g, ',,');
}
