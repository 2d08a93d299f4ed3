// The fix-action registry: every entry's example is a valid action, builders check their input, and errors pick up
// their code's default action without losing one of their own.
import { describe, expect, it } from 'vitest';
import { errorCodes, type UpsError } from './envelope';
import {
  defaultActionFor,
  FixActionSchema,
  fixAction,
  fixActionIds,
  fixActionRegistry,
  withDefaultAction,
} from './fix-action';

describe('fix actions', () => {
  it('the registry lists exactly the ids the schema accepts, each with a valid example', () => {
    expect(fixActionIds.sort()).toEqual(FixActionSchema.options.map((o) => o.shape.action.value).sort());
    for (const id of fixActionIds)
      expect(FixActionSchema.safeParse({ action: id, input: fixActionRegistry[id].example, label: 'x' }).success).toBe(
        true,
      );
  });

  it('builds an action with the registry label, and refuses input outside the closed list', () => {
    expect(fixAction('wiring.apply')).toEqual({ action: 'wiring.apply', input: {}, label: 'Repair the links' });
    expect(fixAction('secrets.set', { name: 'nas.password' }, 'Set the NAS password')).toEqual({
      action: 'secrets.set',
      input: { name: 'nas.password' },
      label: 'Set the NAS password',
    });
    expect(() => fixAction('secrets.set', { name: 'not.a.secret' as 'nas.password' })).toThrow();
    expect(() => fixAction('stack.up', { services: ['Bad Name'] })).toThrow();
  });

  it('adds the default action of each code to an error without one, and keeps an error’s own', () => {
    for (const code of errorCodes) {
      const id = defaultActionFor[code];
      expect(withDefaultAction<UpsError>({ code, message: 'm' }).action?.action).toBe(id ?? undefined);
    }
    const own = fixAction('plex.signin');
    expect(withDefaultAction({ code: 'INTERNAL', message: 'm', action: own }).action).toBe(own);
  });
});
