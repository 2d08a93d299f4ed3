// Types for fuses.mjs (a plain ESM module so electron-builder can import it without a TypeScript step).
import type { FuseV1Config } from '@electron/fuses';
export declare const fuseConfig: FuseV1Config;
