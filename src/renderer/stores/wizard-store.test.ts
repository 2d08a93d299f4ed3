// Wizard state machine: pure transitions, resume rules, and that what is persisted passes the strict no-secret schema.
import { describe, expect, it } from 'vitest';
import { WizardProgressSchema, wizardSteps, type WizardProgress } from '../../core/contract';
import { initialWizard, wizardTransitions as t, type WizardState } from './wizard-store';

const walk = (n: number): WizardState => Array.from({ length: n }).reduce<WizardState>((s) => t.next(s), initialWizard);

describe('wizard transitions', () => {
  it('walks welcome → … → done in order, marking each step completed, and stops at done', () => {
    const seen = [initialWizard.step];
    let s = initialWizard;
    for (let i = 0; i < wizardSteps.length + 2; i++) {
      s = t.next(s);
      if (seen.at(-1) !== s.step) seen.push(s.step);
    }
    expect(seen).toEqual([...wizardSteps]);
    expect(s.completed).toEqual(wizardSteps.slice(0, -1));
    expect(t.next(s)).toBe(s);
  });

  it('goes back one step, never before welcome, never out of done', () => {
    expect(t.back(initialWizard)).toBe(initialWizard);
    expect(t.back(walk(3)).step).toBe('location');
    const done = walk(8);
    expect(done.step).toBe('done');
    expect(t.back(done)).toBe(done);
  });

  it('jumps only to steps already reached, and not while installing', () => {
    const atVpn = walk(4);
    expect(atVpn.step).toBe('vpn');
    expect(t.goTo(atVpn, 'location').step).toBe('location');
    expect(t.goTo(atVpn, 'review')).toBe(atVpn);
    // Gone back to location: vpn stays reachable because it was reached before.
    expect(t.goTo(t.goTo(atVpn, 'location'), 'services').step).toBe('services');
    const installing = walk(7);
    expect(installing.step).toBe('install');
    expect(t.goTo(installing, 'location')).toBe(installing);
  });

  it('merges draft patches and records only the checks verdict', () => {
    const s = t.recordChecks(
      t.patchDraft(t.patchDraft(initialWizard, { installRoot: 'D:\\UPS' }), { timeZone: 'UTC' }),
      { overall: 'warn', checkedAt: 'x' },
    );
    expect(s.draft).toEqual({ installRoot: 'D:\\UPS', timeZone: 'UTC' });
    expect(s.checks).toEqual({ overall: 'warn', checkedAt: 'x' });
  });

  it('persists a shape the strict schema accepts, and resumes from it', () => {
    const s = t.recordChecks(
      t.patchDraft(walk(4), {
        installRoot: 'D:\\UPS',
        vpn: { provider: 'nordvpn', type: 'openvpn', serverCountries: ['Netherlands'] },
      }),
      { overall: 'ok', checkedAt: 'x' },
    );
    const saved = WizardProgressSchema.parse(t.toProgress(s));
    expect(t.resume(saved)).toEqual(s);
    expect(t.resume(null)).toBe(initialWizard);
  });

  it('reopens an interrupted install on review, forgetting what came after it', () => {
    const p: WizardProgress = {
      version: 1,
      step: 'install',
      completed: ['welcome', 'checks', 'location', 'services', 'vpn', 'plex', 'review', 'install'],
      draft: {},
    };
    const s = t.resume(p);
    expect(s.step).toBe('review');
    expect(s.completed).toEqual(['welcome', 'checks', 'location', 'services', 'vpn', 'plex']);
  });
});
