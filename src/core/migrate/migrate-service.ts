// The migration use cases behind `migrate.*`: plan, start/resume the journaled copy, status, and finish (switch,
// then delete the source only when asked explicitly after a verified switch).
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UpsFailure } from '../contract/envelope';
import { fixAction, type FixAction } from '../contract/fix-action';
import type { MigrateFinishInput, MigratePlanInput, MigrateProgress, MigrateStatus } from '../contract/migrate';
import { MigratePlanInputSchema } from '../contract/migrate';
import type { Catalog } from '../stack/catalog';
import type { SecretName } from '../contract/secret-names';
import { runCopy } from './copier';
import { rewriteCompose } from '../stack/compose-rewrite';
import { deleteVerifiedSource } from './delete-source';
import { Journal, readJournal } from './journal';
import { emptyFoldersFor, makePlan, spaceRefusal } from './plan';
import {
  acquireLock,
  loadRecord,
  lockHolder,
  previousState,
  saveRecord,
  stateFiles,
  type MigrationRecord,
} from './state-store';
import { switchStack, SwitchFailedError, type LibraryHook, type StackPort } from './switch';
import { MARKER, TargetUnavailableError } from './target-check';
import { parseUnc } from '../fs/target-path';
import { installedStack, switchFiles } from './switch-files';

export interface MigrateDeps {
  stateDir: string;
  platform: NodeJS.Platform;
  /** The installed stack's data root (from stack.yml), or null when unknown. */
  dataRoot(): Promise<string | null>;
  composeFile(): Promise<string | null>;
  stack(composeFile: string): Promise<StackPort | null>;
  hooks(): Promise<LibraryHook[]>;
  onProgress?(p: MigrateProgress): void;
  stopRequested?(): boolean;
  /** Whether the vault holds a secret (a share target needs nas.user and nas.password); absent = no vault to ask. */
  hasSecret?(name: SecretName): Promise<boolean>;
  /** The service catalog the stack writer regenerates compose.yaml from (default: the bundled compose/ folder). */
  catalog?(): Promise<Catalog>;
}

const fail = (
  code: 'BAD_INPUT' | 'NOT_FOUND' | 'INTERNAL',
  message: string,
  fix?: string,
  field?: string,
  action?: FixAction,
) =>
  new UpsFailure({
    code,
    message,
    ...(fix ? { fix } : {}),
    ...(field ? { field } : {}),
    ...(action ? { action } : {}),
  });
/** The copy's own stops leave a resume behind: the journal skips finished files. */
const resumeAction = () => fixAction('migrate.resume');
const msg = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createMigrateService(deps: MigrateDeps) {
  const files = stateFiles(deps.stateDir);
  const need = async (): Promise<MigrationRecord> => {
    const rec = await loadRecord(deps.stateDir);
    if (!rec)
      throw fail(
        'NOT_FOUND',
        'No migration is planned.',
        'Choose the target folder and check it first.',
        undefined,
        fixAction('migrate.plan'),
      );
    return rec;
  };

  async function status(): Promise<MigrateStatus> {
    const rec = await loadRecord(deps.stateDir);
    if (!rec)
      return {
        phase: 'none',
        plan: null,
        progress: null,
        recopied: [],
        lastError: null,
        canDeleteSource: false,
        sourceDeleted: false,
      };
    const phase = rec.phase === 'copying' && (await lockHolder(deps.stateDir)) === null ? 'interrupted' : rec.phase;
    const switchChecks = rec.switchInfo
      ? { counts: rec.switchInfo.counts, skipped: rec.switchInfo.skipped ?? {} }
      : null;
    return {
      phase,
      plan: rec.plan,
      progress: rec.progress,
      recopied: rec.recopied,
      lastError: rec.lastError,
      canDeleteSource: rec.phase === 'switched' && !rec.sourceDeleted,
      sourceDeleted: rec.sourceDeleted,
      switchChecks,
    };
  }

  async function plan(raw: MigratePlanInput) {
    const input = MigratePlanInputSchema.parse(raw);
    // A new plan is the fix a damaged record or journal names: read what can be read, keep the damage aside below.
    const previous = await previousState(deps.stateDir);
    const current = previous.record;
    if (
      current &&
      ['copying', 'switched'].includes(current.phase) &&
      (current.phase === 'switched' || (await lockHolder(deps.stateDir)) !== null)
    ) {
      throw fail(
        'BAD_INPUT',
        `A migration is ${current.phase === 'switched' ? 'already switched over' : 'copying right now'}; a new plan would replace it.`,
        'Finish or wait for the current migration first.',
      );
    }
    // (On other systems makePlan refuses a share path outright: it must be mounted there.)
    if (parseUnc(input.to) && deps.platform === 'win32') await requireNasSecrets();
    const source = input.from ?? (await deps.dataRoot());
    if (!source)
      throw fail(
        'BAD_INPUT',
        'The data root of the stack is not known.',
        'Give the source folder (the one holding torrents/, usenet/ and media/), or set up the stack first so its data root is known.',
        'from',
      );
    const composeFile = await deps.composeFile();
    const composeText = composeFile ? await readFile(composeFile, 'utf8').catch(() => null) : null;
    // A generated compose.yaml takes its sources from stack.yml's dataRoot (`${STACK_DATA_ROOT}`): show those changes.
    const installed = composeFile ? await installedStack(path.dirname(composeFile)) : null;
    if (installed?.ok && installed.config.nas) {
      throw fail(
        'BAD_INPUT',
        `The stack already uses ${installed.config.nas.target} (stack.yml's nas block); a second move is not supported.`,
        'Keep using the current target, or move the library back and remove the nas block from stack.yml first.',
        'to',
      );
    }
    const composeSourceRoot = installed?.ok && installed.sourceMatches(source) ? installed.sourceRoot : undefined;
    await previous.setAsideDamaged();
    const { plan, targetDev } = await makePlan({
      source,
      target: input.to,
      mode: input.mediaOnly ? 'media-only' : 'everything',
      ...(input.smb ? { smb: input.smb } : {}),
      composeText,
      ...(composeSourceRoot ? { composeSourceRoot } : {}),
      journalFile: files.journal,
      platform: deps.platform,
    });
    await saveRecord(deps.stateDir, {
      plan,
      phase: 'planned',
      targetDev,
      recopied: [],
      progress: null,
      lastError: null,
      switchInfo: null,
      sourceDeleted: false,
    });
    return plan;
  }

  /** A share target is mounted by Docker with the vault's NAS credentials: refuse before anything if they are missing. */
  async function requireNasSecrets(): Promise<void> {
    const names: SecretName[] = ['nas.user', 'nas.password'];
    const missing: SecretName[] = [];
    for (const n of names) if (!(deps.hasSecret ? await deps.hasSecret(n) : false)) missing.push(n);
    if (missing.length === 0) return;
    throw fail(
      'BAD_INPUT',
      `A network share needs the NAS credentials in the vault, and ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set.`,
      `Store the NAS ${missing.map((n) => (n === 'nas.user' ? 'user name' : 'password')).join(' and ')} first, then check the target again.`,
      `secrets.${missing[0]}`,
      fixAction('secrets.set', { name: missing[0] ?? 'nas.password' }, `Set ${missing[0] ?? 'nas.password'}`),
    );
  }

  /** Runs (or continues) the copy; the journal decides what is already done. */
  async function copy(rec: MigrationRecord): Promise<MigrateStatus> {
    // Space is checked again right before copying: the share may have filled up since the plan.
    const { state } = readJournal(files.journal);
    const done = state.planId === rec.plan.id ? [...state.files.values()].reduce((n, f) => n + f.s, 0) : 0;
    const refusal = await spaceRefusal(rec.plan.target, Math.max(0, rec.plan.bytes - done)).catch(() => null);
    if (refusal) throw refusal;
    let release: () => Promise<void>;
    try {
      release = await acquireLock(deps.stateDir);
    } catch (err) {
      throw fail('BAD_INPUT', msg(err), 'Wait for it to finish, or pause it (Ctrl+C in its terminal).');
    }
    const journal = Journal.open(files.journal, rec.plan.id);
    rec.phase = 'copying';
    rec.lastError = null;
    await saveRecord(deps.stateDir, rec);
    let lastSave = Date.now();
    try {
      const out = await runCopy(
        {
          source: rec.plan.source,
          target: rec.plan.target,
          sub: rec.plan.mode === 'media-only' ? 'media' : '',
          hardlinks: rec.plan.hardlinks.supported,
          emptyFolders: emptyFoldersFor(rec.plan),
          targetDev: rec.targetDev,
          journal,
        },
        {
          onProgress: (p) => {
            rec.progress = p;
            deps.onProgress?.(p);
            if (Date.now() - lastSave > 2000) {
              lastSave = Date.now();
              void saveRecord(deps.stateDir, rec).catch(() => undefined);
            }
          },
          stopRequested: () => deps.stopRequested?.() ?? false,
        },
      );
      rec.recopied = [...new Set([...rec.recopied, ...out.recopied])];
      rec.phase = out.status === 'done' ? 'verified' : 'paused';
    } catch (err) {
      rec.phase = 'paused';
      rec.lastError =
        err instanceof TargetUnavailableError
          ? { message: err.message, fix: err.fix, action: resumeAction() }
          : (err as NodeJS.ErrnoException).code === 'ENOSPC'
            ? {
                message: `The target ${rec.plan.target} is full. The copy is paused; nothing is lost.`,
                fix: 'Free space on the share, then resume the copy; finished files are not copied again.',
                action: resumeAction(),
              }
            : {
                message: `The copy stopped: ${msg(err)}`,
                fix: 'Fix the cause, then resume the copy; finished files are not copied again.',
                action: resumeAction(),
              };
    } finally {
      journal.close();
      await saveRecord(deps.stateDir, rec);
      await release();
    }
    if (rec.lastError)
      throw fail(
        rec.phase === 'paused' && rec.lastError.message.includes('not reachable') ? 'NOT_FOUND' : 'INTERNAL',
        rec.lastError.message,
        rec.lastError.fix,
        undefined,
        rec.lastError.action,
      );
    return status();
  }

  async function start() {
    const rec = await need();
    if (['verified', 'switched', 'finished'].includes(rec.phase)) return status();
    return copy(rec);
  }

  async function resume() {
    const rec = await need();
    if (rec.phase === 'planned')
      throw fail(
        'BAD_INPUT',
        'The migration has not started yet.',
        'Start the copy first.',
        undefined,
        fixAction('migrate.start'),
      );
    if (['verified', 'switched', 'finished'].includes(rec.phase)) return status();
    return copy(rec);
  }

  async function finish(input: MigrateFinishInput) {
    let rec = await need();
    if (rec.phase === 'verified') rec = await doSwitch(rec);
    else if (rec.phase !== 'switched' && rec.phase !== 'finished') {
      throw fail(
        'BAD_INPUT',
        `The copy is not complete and verified yet (phase: ${(await status()).phase}).`,
        'Resume the copy and wait until it reports "verified".',
        undefined,
        resumeAction(),
      );
    }
    if (input.deleteSource && rec.phase === 'switched' && !rec.sourceDeleted) {
      const report = await deleteVerifiedSource(
        rec.plan.source,
        rec.plan.target,
        rec.plan.mode === 'media-only' ? 'media' : '',
        readJournal(files.journal).state,
      );
      rec.sourceDeleted = true;
      rec.phase = 'finished';
      rec.lastError = report.kept.length
        ? {
            message: `${report.kept.length} local file(s) were kept because they changed after the copy or are missing on the target: ${report.kept.slice(0, 5).join(', ')}`,
          }
        : null;
      await saveRecord(deps.stateDir, rec);
    }
    return status();
  }

  async function doSwitch(rec: MigrationRecord): Promise<MigrationRecord> {
    const composeFile = await deps.composeFile();
    const stack = composeFile ? await deps.stack(composeFile) : null;
    if (!composeFile || !stack)
      throw fail(
        'NOT_FOUND',
        'No installed stack was found to switch to the new location.',
        'Set up the stack first, or keep using the copy by hand.',
        undefined,
        fixAction('setup.start'),
      );
    if (rec.plan.targetKind === 'unc') await requireNasSecrets();
    // Everything that can refuse is decided before the stack stops: stack.yml + its regenerated files, or (no stack.yml,
    // a hand-written compose.yaml) that file with its volume sources rewritten.
    const next = await switchFiles(
      rec.plan,
      composeFile,
      deps.catalog,
      (text) =>
        rewriteCompose(text, {
          mode: rec.plan.mode,
          sourceRoot: rec.plan.source,
          target: rec.plan.target,
          ...(rec.plan.smb ? { smb: rec.plan.smb } : {}),
        }).text,
    );
    try {
      const out = await switchStack({
        dir: path.dirname(composeFile),
        next,
        stack,
        hooks: await deps.hooks(),
        catchUp: async () => {
          const st = await copy({ ...rec });
          if (st.phase !== 'verified') throw new Error(`the copy ended ${st.phase}`);
          // The marker must not show up as library content once containers read the target.
          await rm(path.join(rec.plan.target, MARKER), { force: true });
        },
      });
      rec = (await loadRecord(deps.stateDir)) ?? rec;
      rec.phase = 'switched';
      rec.switchInfo = {
        composeFile,
        ...(out.backup ? { backup: out.backup } : {}),
        switchedAt: new Date().toISOString(),
        counts: out.counts,
        skipped: out.skipped,
      };
      rec.lastError = null;
      await saveRecord(deps.stateDir, rec);
      return rec;
    } catch (err) {
      // Switched back: the target is a copy target again (resume and a later finish check for the marker).
      await writeFile(path.join(rec.plan.target, MARKER), `${rec.plan.id}\n`).catch(() => undefined);
      const latest = (await loadRecord(deps.stateDir)) ?? rec;
      const rolledBack = err instanceof SwitchFailedError && err.rolledBack;
      latest.lastError = {
        message: msg(err),
        fix: rolledBack
          ? 'Fix the cause shown, then finish the migration again.'
          : 'Restore compose.yaml from .backups/ in the install folder.',
        ...(rolledBack ? { action: fixAction('migrate.finish') } : {}),
      };
      await saveRecord(deps.stateDir, latest);
      throw fail('INTERNAL', latest.lastError.message, latest.lastError.fix, undefined, latest.lastError.action);
    }
  }

  return { plan, start, resume, status, finish };
}
export type MigrateService = ReturnType<typeof createMigrateService>;
