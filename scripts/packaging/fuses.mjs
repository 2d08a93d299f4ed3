// The Electron fuses we burn into every packaged binary (docs/decisions.md D12), shared by the afterPack hook and its tests.
import fuses from '@electron/fuses';

const { FuseV1Options, FuseVersion } = fuses;

/** Why each: RunAsNode/NODE_OPTIONS/--inspect turn the signed app into a general Node runtime; asar-only stops side-loaded code. */
export const fuseConfig = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // GrantFileProtocolExtraPrivileges stays as shipped: the renderer is loaded from file:// as ES modules, which
  // needs the privileges Electron grants file:// by default.
};
