// The names of what an install folder holds: the one place these file names are spelled.
export const STACK_FILE = 'stack.yml';
export const COMPOSE_FILE = 'compose.yaml';
export const ENV_FILE = '.env';
/** The Arr-side desired state the user owns (docs/decisions.md D32). */
export const ARR_CONFIG_FILE = 'arr.yml';
/** Each replaced version of a file is kept under `.backups/<stamp>/`. */
export const BACKUPS_DIR = '.backups';
