// Types for after-pack.mjs (the subset of electron-builder's AfterPackContext it reads).
export interface AfterPackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName: string };
}
export declare function electronBinary(context: AfterPackContextLike): string;
export default function afterPack(context: AfterPackContextLike): Promise<void>;
