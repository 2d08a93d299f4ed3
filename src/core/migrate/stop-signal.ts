// The in-process pause switch of a running copy: `migrate.pause` (Electron, browser) and Ctrl+C (CLI) flip it; the
// copier checks it between chunks and stops cleanly (temp file removed, journal intact).
let requested = false;

export const requestMigrationStop = (): void => {
  requested = true;
};
export const migrationStopRequested = (): boolean => requested;
export const clearMigrationStop = (): void => {
  requested = false;
};
