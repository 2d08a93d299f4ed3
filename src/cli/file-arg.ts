// Reads a file named on the command line (`--config`, `config validate FILE`): only a regular file of sane size is
// read; a directory, FIFO, device or a file under /proc, /sys or /dev is a usage error that names the flag.
import { readFile, realpath, stat } from 'node:fs/promises';
import type { UpsError } from '../core/contract';

/** Answers files and stack.yml are a few KiB; anything this big is the wrong file. */
export const MAX_FILE_ARG_BYTES = 1024 * 1024;

export type FileArg = { ok: true; text: string } | { ok: false; usage: boolean; error: UpsError };

const pseudo = /^\/(proc|sys|dev)(\/|$)/;

function kindOf(s: Awaited<ReturnType<typeof stat>>): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a pipe (FIFO)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

export async function readFileArg(path: string, flag: string, fix: string): Promise<FileArg> {
  const usage = (message: string): FileArg => ({
    ok: false,
    usage: true,
    error: { code: 'BAD_INPUT', field: flag, message: `${flag}: ${message}`, fix },
  });
  let info: Awaited<ReturnType<typeof stat>>;
  let real: string;
  try {
    info = await stat(path);
    real = await realpath(path);
  } catch (err) {
    return {
      ok: false,
      usage: false,
      error: { code: 'NOT_FOUND', field: flag, message: `${path} cannot be read: ${(err as Error).message}`, fix },
    };
  }
  if (!info.isFile()) return usage(`${path} is ${kindOf(info)}, not a regular file.`);
  // /proc and /sys files claim to be regular (size 0) and /dev paths lead to streams: none is an answers file.
  if (process.platform !== 'win32' && pseudo.test(real))
    return usage(`${path} is a system file (${real}), not an answers file.`);
  if (info.size > MAX_FILE_ARG_BYTES)
    return usage(`${path} is ${info.size} bytes; a config file is at most ${MAX_FILE_ARG_BYTES} bytes.`);
  try {
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (err) {
    return {
      ok: false,
      usage: false,
      error: { code: 'NOT_FOUND', field: flag, message: `${path} cannot be read: ${(err as Error).message}`, fix },
    };
  }
}
