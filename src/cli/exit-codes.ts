// The CLI's promise to scripts: 0 ok, 1 a check or call failed, 2 bad usage.
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
