// Types for sign-windows.mjs (the subset of electron-builder's WindowsSignTaskConfiguration it reads).
export interface SignTaskLike {
  path: string;
  cscInfo: unknown;
  computeSignToolArgs?: (isWin: boolean) => string[] | Promise<string[]>;
}
export default function signWindows(
  configuration: SignTaskLike,
  packager: unknown,
  run?: (file: string, args: string[], opts: { stdio: 'inherit' }) => unknown,
  log?: (line: string) => void,
): Promise<boolean>;
