// Runs the bundled `ups` CLI (dist/cli) inside the app's own runtime, for `ups.cmd` on PATH: no Node install needed,
// and the RunAsNode fuse stays off because this binary only ever runs our CLI this way (docs/decisions.md#d29).
import { pathToFileURL } from 'node:url';

/** An output stream as far as draining it goes (process.stdout and process.stderr are ones). */
export interface WritableOut {
  write(chunk: string, cb?: () => void): boolean;
}

/** The parts of `process` the CLI reads and writes; the real one in production. */
export interface CliProcess {
  argv: string[];
  execPath: string;
  exitCode?: number | string | null | undefined;
  stdout: WritableOut;
  stderr: WritableOut;
}

export interface CliEntryDeps {
  /** Absolute path of dist/cli/ups.mjs (inside app.asar when packaged). */
  cliEntry: string;
  proc: CliProcess;
  importModule: (url: string) => Promise<unknown>;
  /** app.exit: Electron keeps running with no window, so the CLI's end must end the process explicitly. */
  exit: (code: number) => void;
}

/** Exit code when the CLI could not be loaded at all (the CLI's own failures keep their codes). */
export const EXIT_CLI_NOT_LOADED = 1;

/** Waits until what was written has left (TTY writes are asynchronous on Windows), so app.exit loses no output. */
function drained(stream: WritableOut): Promise<void> {
  return new Promise((resolve) => {
    if (!stream.write('', () => resolve())) resolve();
  });
}

/**
 * dist/cli/ups.mjs runs its command when imported, reading `process.argv.slice(2)` and leaving `process.exitCode`,
 * exactly as under `node ups.mjs …`; so argv is given Node's shape first and the exit code is read afterwards.
 */
export async function runBundledCli(args: readonly string[], deps: CliEntryDeps): Promise<number> {
  const { proc } = deps;
  proc.argv = [proc.execPath, deps.cliEntry, ...args];
  proc.exitCode = undefined;
  let code: number;
  try {
    await deps.importModule(pathToFileURL(deps.cliEntry).href);
    code = typeof proc.exitCode === 'number' ? proc.exitCode : Number(proc.exitCode ?? 0) || 0;
  } catch (err) {
    // Only a broken package lands here (the CLI turns its own failures into exit codes): say so, without a stack.
    proc.stderr.write(
      `error: the ups command inside Ultimate Plex Stack could not start (${(err as Error).message}).\n` +
        '  fix: repair or reinstall Ultimate Plex Stack, then run ups again.\n',
    );
    code = EXIT_CLI_NOT_LOADED;
  }
  await Promise.all([drained(proc.stdout), drained(proc.stderr)]);
  deps.exit(code);
  return code;
}
