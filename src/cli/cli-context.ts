// What every command module receives: the injected deps and the helpers that keep output and exit codes uniform.
import type { Command } from 'commander';
import type { AppService } from '../core/app/app-service';
import type { Envelope } from '../core/contract';
import type { LineLog } from '../core/log/line-log';
import { renderError } from './render';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliDeps {
  version: string;
  /** The App service; ups.ts loads it on first use (a Promise), tests hand in one they built. */
  app(): AppService | Promise<AppService>;
  serve(opts: { port: number }): Promise<number>;
  io: CliIo;
  /** The CLI's log file (ups.ts); failed calls are recorded there, redacted like every log line. */
  log?: LineLog;
}

export interface CliContext {
  deps: CliDeps;
  /** Prints an envelope as JSON or text; returns whether it was ok. */
  print<T>(env: Envelope<T>, json: boolean, text: (v: T) => string): boolean;
  setExitCode(code: number): void;
}

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export function createCliContext(deps: CliDeps, setExitCode: (code: number) => void): CliContext {
  return {
    deps,
    setExitCode,
    print(env, json, text) {
      if (json) deps.io.out(JSON.stringify(env, null, 2));
      else if (env.ok) deps.io.out(text(env.value));
      else deps.io.err(renderError(env.error));
      if (!env.ok)
        deps.log?.warn(
          { code: env.error.code, ...(env.error.field ? { field: env.error.field } : {}) },
          env.error.message,
        );
      return env.ok;
    },
  };
}
