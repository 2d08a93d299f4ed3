// Where tests make temporary folders: the disk-backed folder the test environment gives (UPS_CI_TMP), else the OS's.
import { tmpdir } from 'node:os';

export const testTempRoot = (): string => process.env.UPS_CI_TMP ?? tmpdir();
