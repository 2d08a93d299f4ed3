// Builds a throw-away copy of the project to package in tests, so the shared dist/ is never rebuilt or wiped.
import { cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';

export interface PackageStage {
  dir: string;
  /** Files planted where a careless `files` pattern would pick them up; none may reach the package. */
  decoys: string[];
  dispose(): void;
}

/**
 * Under <repo>/test-output so node_modules can be hard-linked (same filesystem): electron-builder's npm collector
 * loses transitive dependencies when node_modules is a symlink. Sources and scripts are symlinked (read only).
 */
export async function createPackageStage(repo: string): Promise<PackageStage> {
  mkdirSync(join(repo, 'test-output'), { recursive: true });
  const dir = mkdtempSync(join(repo, 'test-output', 'packaging-'));
  for (const f of ['package.json', 'package-lock.json', 'electron-builder.yml']) cpSync(join(repo, f), join(dir, f));
  for (const d of ['resources', 'compose']) cpSync(join(repo, d), join(dir, d), { recursive: true });
  for (const d of ['src', 'scripts', 'tests']) symlinkSync(join(repo, d), join(dir, d));
  // realpath: in a git worktree node_modules is itself a symlink, and copying the link would bring the problem back.
  await execa('cp', ['-al', realpathSync(join(repo, 'node_modules')), join(dir, 'node_modules')]);
  // The real build scripts, writing into the stage: esbuild for main/preload/cli, vite for the renderer.
  await execa('node', [join(repo, 'scripts', 'build-node.mjs')], { cwd: dir });
  await execa(
    join(repo, 'node_modules', '.bin', 'vite'),
    [
      'build',
      '--config',
      'vite.config.ts',
      '--outDir',
      join(dir, 'dist', 'renderer'),
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: repo },
  );
  const decoys = ['.env', 'dist/main/.env', 'compose/.env', 'dist/renderer/.env.local'].map((p) => join(dir, p));
  for (const d of decoys) writeFileSync(d, 'UPS_SECRET=decoy-must-not-ship\n');
  return {
    dir,
    decoys,
    dispose: () => {
      if (existsSync(dir) && resolve(dir).includes(`${join('test-output', 'packaging-')}`))
        rmSync(dir, { recursive: true, force: true });
    },
  };
}
