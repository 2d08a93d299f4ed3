// A real SMB share on loopback for tests and the bench: Debian's samba (smbd, private config, 127.0.0.1:445 only)
// serves a folder that a FUSE SMB client (smbnetfs) mounts. The throwaway password is generated per run and lives only
// in the temp config smbnetfs needs (mode 0600, deleted with the folder). Both daemons are stopped by pid.
import { execa } from 'execa';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface SmbShare {
  /** The temp folder holding everything (the bench and tests may put their sources here too). */
  dir: string;
  /** The folder smbd serves, read directly (what the server stored). */
  share: string;
  /** The share as the client sees it, through the smbnetfs mount. */
  mounted: string;
  stop(): Promise<void>;
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startSmbShare(prefix = 'ups-t-smb-'): Promise<SmbShare> {
  let dir = '';
  let smbd: ChildProcess | undefined;
  let smbnetfs: ChildProcess | undefined;
  let mounted = false;
  const share = () => path.join(dir, 'share');
  const mnt = () => path.join(dir, 'mnt');
  const stop = async () => {
    // Lazy unmount: a listing still blocked in the kernel must not keep the mount (and the temp folder) busy.
    if (mounted) await execa('umount', ['-l', mnt()], { reject: false });
    if (smbnetfs?.pid) {
      try {
        process.kill(-smbnetfs.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (smbd?.pid) {
      try {
        process.kill(-smbd.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const bin of ['/usr/sbin/smbd', '/usr/bin/smbpasswd', '/usr/bin/smbnetfs']) {
      if (!existsSync(bin))
        throw new Error(`${bin} is missing: install Debian's samba and smbnetfs (listed in .ci/run).`);
    }
    if (!existsSync('/dev/fuse'))
      throw new Error('/dev/fuse is missing: the SMB share is mounted through FUSE (smbnetfs).');
    dir = await mkdtemp(path.join(process.env.UPS_CI_TMP ?? os.tmpdir(), prefix));
    for (const d of ['private', 'lock', 'state', 'cache', 'pid', 'ncalrpc', 'share', 'mnt', 'home/.smb'])
      await mkdir(path.join(dir, d), { recursive: true });
    const conf = path.join(dir, 'smb.conf');
    const dirs = ['private', 'lock', 'state', 'cache', 'pid', 'ncalrpc'].map(
      (d) =>
        `  ${d === 'private' ? 'private dir' : d === 'ncalrpc' ? 'ncalrpc dir' : `${d} directory`} = ${path.join(dir, d)}`,
    );
    await writeFile(
      conf,
      [
        '[global]',
        '  server role = standalone server',
        '  bind interfaces only = yes',
        '  interfaces = lo',
        '  smb ports = 445',
        '  disable netbios = yes',
        ...dirs,
        `  log file = ${path.join(dir, 'smbd.log')}`,
        `  passdb backend = tdbsam:${path.join(dir, 'private', 'passdb.tdb')}`,
        '  load printers = no',
        '  printcap name = /dev/null',
        '[media]',
        `  path = ${share()}`,
        '  read only = no',
        '  force user = root',
        '',
      ].join('\n'),
    );
    const password = randomBytes(12).toString('hex');
    const added = await execa('smbpasswd', ['-c', conf, '-a', '-s', 'root'], {
      input: `${password}\n${password}\n`,
      reject: false,
    });
    if (added.exitCode !== 0) throw new Error(`smbpasswd failed: ${added.stderr}`);
    // A session of its own (detached) and no group change by smbd: it signals its whole group when it stops, and that
    // must not reach the test runner.
    smbd = spawn('/usr/sbin/smbd', ['--foreground', '--no-process-group', `--configfile=${conf}`], {
      stdio: 'ignore',
      detached: true,
    });
    await waitFor(
      async () => (await execa('ss', ['-ltn', 'sport = :445'], { reject: false })).stdout.includes('127.0.0.1:445'),
      'smbd listening on 127.0.0.1:445 (is another SMB server using port 445?)',
    );
    const home = path.join(dir, 'home');
    await writeFile(path.join(home, '.smb', 'smb.conf'), '[global]\n  client min protocol = SMB2\n');
    await writeFile(
      path.join(home, '.smb', 'smbnetfs.conf'),
      `auth "127.0.0.1" "root" "${password}"\nhost 127.0.0.1 visible=true\n`,
    );
    await chmod(path.join(home, '.smb', 'smbnetfs.conf'), 0o600);
    // Foreground (-f) in its own session so we hold its pid and can stop it by pid. (No use_libsecret option: inside the
    // D-Bus session the tests run in, this smbnetfs build passes it on to FUSE, which refuses to mount.)
    const fs = spawn('smbnetfs', [mnt(), '-f', '-o', 'smb_query_browsers=false,quiet_flag=true'], {
      env: { ...process.env, HOME: home },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    smbnetfs = fs;
    let said = '';
    fs.stderr?.on('data', (b: Buffer) => (said += b.toString()));
    await waitFor(
      async () => {
        if (fs.exitCode !== null)
          throw new Error(`smbnetfs exited (${fs.exitCode}) before mounting: ${said.trim() || 'no message'}`);
        return (await readFile('/proc/mounts', 'utf8')).includes(` ${mnt()} fuse`);
      },
      'smbnetfs to mount its FUSE file system',
      20_000,
    );
    mounted = true;
    // A listing of a smbnetfs mount that has not reached the server yet can block for minutes inside the kernel, and an
    // in-process readdir would hold a libuv thread and this hook with it. Each probe is a child process killed after 5 s.
    const probe = path.join(mnt(), '127.0.0.1');
    await waitFor(
      async () => {
        const ls = await execa('ls', ['-1', probe], { timeout: 5_000, killSignal: 'SIGKILL', reject: false });
        return ls.exitCode === 0 && ls.stdout.split('\n').includes('media');
      },
      'the SMB share to appear in the smbnetfs mount',
      60_000,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return { dir, share: share(), mounted: path.join(mnt(), '127.0.0.1', 'media'), stop };
}
